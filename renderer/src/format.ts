// Numbers and dates as the reader expects them: Swedish by default (1 234,5 · 34 % · 2023-10-02).
import type { Lang } from '../../electron/shared/ipc-contract';

const LOCALES: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };

/**
 * One formatter per language and style, made once: making an Intl.NumberFormat costs far more than
 * using one, and a heat map or a trend table formats thousands of cells at every filter change.
 */
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang} ${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(LOCALES[lang], options)));
  return format;
}

export function formatNumber(value: number, lang: Lang, maximumFractionDigits = 2): string {
  return numberFormat(lang, { maximumFractionDigits }).format(value);
}

export function formatBytes(bytes: number, lang: Lang): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${formatNumber(value, lang, unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** ISO-style date and time, the form Swedish offices write, in either language. */
export function formatTimestamp(epochMs: number, withTime: boolean): string {
  const iso = new Date(epochMs).toISOString();
  return withTime ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
}

/** A cell of the preview, formatted by its DuckDB column type. */
export function formatCell(value: unknown, columnType: string, lang: Lang): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (columnType.startsWith('TIMESTAMP')) return formatTimestamp(value, true);
    if (columnType === 'DATE') return formatTimestamp(value, false);
    return formatNumber(value, lang, 6);
  }
  if (typeof value === 'boolean') return value ? (lang === 'sv' ? 'sant' : 'true') : lang === 'sv' ? 'falskt' : 'false';
  if (value instanceof Date) return formatTimestamp(value.getTime(), columnType.startsWith('TIMESTAMP'));
  return String(value);
}

/** A rate per 10,000 with one decimal always (`0,0`, `1,9`, `12,0`), so rates line up and compare. */
export function formatRate(rate: number, lang: Lang): string {
  return numberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rate);
}

/** A share as the report writes it: whole per cent, `41 %` (Swedish puts a space before %). */
export function formatPercent(share: number, lang: Lang): string {
  return numberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/**
 * A difference of shares in percentage points with one decimal, signed (`+7,9`, `−3,6`, `0,0`): the change
 * between waves. One decimal, because whole points of unrounded shares can contradict the whole per cents
 * beside them (29 % → 29 % is +0,5, not +1).
 */
export function formatPoints(difference: number, lang: Lang): string {
  return numberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(difference * 100);
}
