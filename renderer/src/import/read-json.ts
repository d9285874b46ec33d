// JSON → header and rows of cells: an array of objects, or NDJSON (one object per line). Columns keep
// the order the keys have in the file (JSON.parse puts integer-like keys such as "2023" first, so the
// first object's keys are read from the text), then keys first seen in later objects.
import { stripXmlForbidden } from '../safe-text';
import { LimitError, MAX_COLUMNS, MAX_JSON_BYTES, MAX_JSON_DEPTH } from './limits';
import type { RejectedRow } from './read-delimited';
import type { Cell } from './read-xlsx';

export class JsonShapeError extends Error {
  constructor(readonly code: 'bad-json' | 'json-not-table', detail = '') {
    super(detail || code);
    this.name = 'JsonShapeError';
  }
}

export interface JsonTable {
  columns: string[];
  rows: Cell[][];
  rowsRead: number;
  rejected: RejectedRow[];
  rejectedCount: number;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The keys of the object starting at `text[start] === '{'`, in the order they are written. */
export function keysInOrder(text: string, start: number): string[] {
  const keys: string[] = [];
  let depth = 0;
  let expectKey = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (depth === 1 && expectKey) keys.push(JSON.parse(text.slice(i, j + 1)) as string);
      expectKey = false;
      i = j;
    } else if (ch === '{' || ch === '[') {
      depth++;
      expectKey = ch === '{' && depth === 1;
    } else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) break;
    } else if (ch === ',' && depth === 1) {
      expectKey = true;
    }
  }
  return keys;
}

function toCell(value: Json | undefined): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

function table(objects: readonly JsonObject[], firstKeys: string[], rejected: RejectedRow[], rejectedCount: number): JsonTable {
  const columns: string[] = [];
  const seen = new Set<string>();
  const add = (key: string) => {
    if (!seen.has(key)) {
      seen.add(key);
      columns.push(key);
    }
  };
  firstKeys.forEach(add);
  for (const object of objects) for (const key of Object.keys(object)) add(key);
  if (columns.length > MAX_COLUMNS) throw new LimitError('too-many-columns');
  const rows = objects.map((object) => columns.map((key) => toCell(object[key])));
  return { columns: columns.map(stripXmlForbidden), rows, rowsRead: objects.length + rejectedCount, rejected, rejectedCount };
}

function parse(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Throws LimitError when arrays and objects nest deeper than MAX_JSON_DEPTH anywhere in `text`: one
 * pass over the characters, no recursion, before JSON.parse (whose result would be walked recursively,
 * by JSON.stringify among others). With `lines`, each line is a document of its own (NDJSON).
 */
export function checkJsonDepth(text: string, lines: boolean, max = MAX_JSON_DEPTH): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (lines && (c === 0x0a || c === 0x0d)) {
      depth = 0;
      inString = false;
    } else if (inString) {
      if (c === 0x5c) i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) throw new LimitError('too-deep');
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) {
      depth--;
    }
  }
}

/**
 * Reads an array of objects or NDJSON. Throws JsonShapeError for anything else. A file that is one
 * JSON object is not a table, unless `lines` says the file is NDJSON (`.ndjson`, `.jsonl`).
 * Throws LimitError for nesting deeper than MAX_JSON_DEPTH or more than MAX_COLUMNS keys.
 */
export function readJson(text: string, lines = false, maxListed = 1000): JsonTable {
  // Before any parsing: JSON.parse costs some thirty times the text (limits.ts).
  if (text.length > MAX_JSON_BYTES) throw new LimitError('json-too-large');
  const start = text.search(/\S/);
  if (start < 0) throw new JsonShapeError('bad-json');
  // An array is one document over all its lines; anything else may be NDJSON, read line by line.
  checkJsonDepth(text, text[start] !== '[');
  if (text[start] === '[') {
    const parsed = parse(text);
    if (!parsed.ok) throw new JsonShapeError('bad-json', parsed.message);
    const value = parsed.value;
    if (!Array.isArray(value) || !value.every(isObject)) throw new JsonShapeError('json-not-table');
    const first = text.indexOf('{', start);
    return table(value, first < 0 ? [] : keysInOrder(text, first), [], 0);
  }
  // NDJSON: one object per line. If the first line is not an object, see whether it is JSON at all.
  const all = text.split(/\r\n|\n|\r/);
  const firstIndex = all.findIndex((line) => line.trim() !== '');
  const firstLine = all[firstIndex]!;
  const first = parse(firstLine);
  if (!first.ok || !isObject(first.value) || (!lines && parse(text).ok)) {
    const whole = parse(text);
    if (!whole.ok) throw new JsonShapeError('bad-json', whole.message);
    throw new JsonShapeError('json-not-table');
  }
  const objects: JsonObject[] = [];
  const rejected: RejectedRow[] = [];
  let rejectedCount = 0;
  all.forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = i === firstIndex ? first : parse(line);
    if (parsed.ok && isObject(parsed.value)) {
      objects.push(parsed.value);
      return;
    }
    rejectedCount++;
    if (rejected.length < maxListed) rejected.push({ line: i + 1, reason: parsed.ok ? 'inte ett JSON-objekt' : 'ogiltig JSON' });
  });
  return table(objects, keysInOrder(firstLine, firstLine.indexOf('{')), rejected, rejectedCount);
}
