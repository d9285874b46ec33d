// File names become SQL identifiers in exactly one place, so no user text is ever spliced into SQL.

/** `Insatser 2023 (Falun).csv` → `insatser_2023_falun`; unique against `taken`. */
export function tableNameFor(fileName: string, taken: ReadonlySet<string>): string {
  const stem = fileName.replace(/\.[^.]*$/, '');
  const ascii = stem
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 48);
  const base = /^[a-z]/.test(ascii) ? ascii : `t_${ascii || 'fil'}`;
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
  return name;
}

/** Double-quotes an identifier for DuckDB (identifiers cannot be bound as parameters). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
