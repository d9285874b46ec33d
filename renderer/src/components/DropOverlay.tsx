// Files dropped anywhere on the window are loaded. Every drag event is handled, so a stray drop never
// makes the window navigate to the file (Electron denies that too, but the page should not try).
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { pickedFromFileList, type PickedFile } from '../platform';

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

export function DropOverlay({ onFiles }: { onFiles: (files: PickedFile[]) => void }) {
  const { t } = useI18n();
  const [isOver, setIsOver] = useState(false);

  useEffect(() => {
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth++;
      setIsOver(true);
    };
    const over = (event: DragEvent) => {
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = hasFiles(event) ? 'copy' : 'none';
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setIsOver(false);
    };
    const drop = (event: DragEvent) => {
      event.preventDefault();
      depth = 0;
      setIsOver(false);
      const files = event.dataTransfer?.files;
      if (files && files.length > 0) onFiles(pickedFromFileList(files));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [onFiles]);

  if (!isOver) return null;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div>{t('dropActive')}</div>
    </div>
  );
}
