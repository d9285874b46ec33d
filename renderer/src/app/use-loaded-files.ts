// The loaded files: import one at a time (DuckDB runs one statement at a time anyway), keep the ones
// already loaded whatever happens to the next, remove on request.
import { useCallback, useRef, useState } from 'react';
import { MAX_FILE_BYTES } from '../../../electron/shared/ipc-contract';
import type { Engine } from '../db/engine';
import { importFile, removeTable, type ImportedTable } from '../import/import-file';
import type { PickedFile } from '../platform';
import { errorMessage, tooLargeMessage, type UserMessage } from './error-message';

export interface LoadError {
  id: number;
  message: UserMessage;
}

export function useLoadedFiles(engine: () => Promise<Engine>) {
  const [tables, setTables] = useState<ImportedTable[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [loading, setLoading] = useState<string | null>(null);
  const [errors, setErrors] = useState<LoadError[]>([]);
  const nextErrorId = useRef(1);
  const queue = useRef(Promise.resolve());
  // Table names in use, kept outside React state so queued imports see each other's names.
  const taken = useRef(new Set<string>());

  const fail = useCallback((message: UserMessage) => {
    setErrors((list) => [...list, { id: nextErrorId.current++, message }]);
  }, []);

  const loadOne = useCallback(
    async (file: PickedFile) => {
      if (file.size > MAX_FILE_BYTES) return fail(tooLargeMessage(file.name, file.size));
      setLoading(file.name);
      try {
        const db = await engine();
        const table = await importFile(db, { name: file.name, bytes: await file.bytes() }, taken.current);
        taken.current.add(table.table);
        setTables((list) => [...list, table]);
        setSelected(table.table);
      } catch (error) {
        fail(errorMessage(error, file.name, file.size));
      } finally {
        setLoading(null);
      }
    },
    [engine, fail],
  );

  const load = useCallback(
    (files: PickedFile[]) => {
      for (const file of files) queue.current = queue.current.then(() => loadOne(file));
      return queue.current;
    },
    [loadOne],
  );

  const remove = useCallback(
    async (table: string) => {
      await removeTable(await engine(), table);
      taken.current.delete(table);
      setTables((list) => list.filter((t) => t.table !== table));
      setSelected((current) => (current === table ? null : current));
    },
    [engine],
  );

  const dismissError = useCallback((id: number) => setErrors((list) => list.filter((e) => e.id !== id)), []);

  return { tables, selected, setSelected, loading, errors, load, remove, dismissError, fail };
}
