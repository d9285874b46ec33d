import { describe, expect, it } from 'vitest';
import { DelimitedParser } from '../../../renderer/src/import/delimited';
import { previewDelimited } from '../../../renderer/src/import/read-delimited';

const bytes = (s: string) => new TextEncoder().encode(s);

/** Every record as [line, fields or error]. */
function records(text: string, delimiter: ';' | ',' | '\t' = ';', complete = true) {
  const parser = new DelimitedParser(bytes(text), delimiter, complete);
  const out: [number, string[] | string][] = [];
  while (parser.next()) out.push([parser.line, parser.error ?? parser.texts()]);
  return out;
}

describe('DelimitedParser', () => {
  it('splits fields and unescapes quotes', () => {
    expect(records('a;"b;c";"d ""e"""\n')).toEqual([[1, ['a', 'b;c', 'd "e"']]]);
  });

  it('keeps quotes inside an unquoted field as text', () => {
    expect(records('6 "x" y;7\n')).toEqual([[1, ['6 "x" y', '7']]]);
  });

  it('allows blanks after a closing quote', () => {
    expect(records('"a" ;b\n')).toEqual([[1, ['a', 'b']]]);
  });

  it('reads LF, CRLF and lone CR, mixed, and counts physical lines across quoted line breaks', () => {
    expect(records('a;b\r\n"x\r\ny";1\r2;3\n\n4;5')).toEqual([
      [1, ['a', 'b']],
      [2, ['x\r\ny', '1']],
      [4, ['2', '3']],
      [5, ['']],
      [6, ['4', '5']],
    ]);
  });

  it('gives a trailing delimiter an empty last field', () => {
    expect(records('a;b;\n1;2;')).toEqual([
      [1, ['a', 'b', '']],
      [2, ['1', '2', '']],
    ]);
  });

  it('reports text after a closing quote and reads on from the next line', () => {
    expect(records('"a"b;1\nc;2\n')).toEqual([
      [1, 'bad-quote'],
      [2, ['c', '2']],
    ]);
  });

  it('does not let an unterminated quote swallow the rest of the file', () => {
    expect(records('a;1\n"b;2\nc;3\nd;4\n')).toEqual([
      [1, ['a', '1']],
      [2, 'unterminated-quote'],
      [3, ['c', '3']],
      [4, ['d', '4']],
    ]);
  });

  it('treats a quote that pairs with one lines further down, then breaks, as unterminated', () => {
    expect(records('"b;2\nc;3\n"d"x;4\ne;5\n')).toEqual([
      [1, 'unterminated-quote'],
      [2, ['c', '3']],
      [3, 'bad-quote'],
      [4, ['e', '5']],
    ]);
  });

  it('leaves a record cut off by the end of a prefix for a longer prefix', () => {
    expect(records('a;b\n1;2\n3;"fo', ';', false)).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
    ]);
    expect(records('a;b\n1;2', ';', false)).toEqual([[1, ['a', 'b']]]);
  });

  it('uses tab as delimiter without treating it as a blank after quotes', () => {
    expect(records('"a"\t"b"\n', '\t')).toEqual([[1, ['a', 'b']]]);
  });
});

describe('previewDelimited', () => {
  it('detects the header below title lines and shows the first rows as written', () => {
    const text = 'Insatser per stadsdel 2024\nUttag 2024-10-01\n\nEnhet;Period;Antal\nSkärholmen;2024-01;1 234\nKista;2024-02;5\n';
    const preview = previewDelimited(bytes(text), ';', true, undefined);
    expect(preview.headerRow).toBe(3);
    expect(preview.topRows.slice(0, 4)).toEqual([['Insatser per stadsdel 2024'], ['Uttag 2024-10-01'], [], ['Enhet', 'Period', 'Antal']]);
    expect(preview.columns).toEqual(['Enhet', 'Period', 'Antal']);
    expect(preview.rows).toEqual([
      ['Skärholmen', '2024-01', '1 234'],
      ['Kista', '2024-02', '5'],
    ]);
  });

  it('takes the header row it is told, and says when a prefix is too short', () => {
    const preview = previewDelimited(bytes('a;b\n1;2\n3;4\n'), ';', false, 1, 20);
    expect(preview.columns).toEqual(['1', '2']);
    expect(preview.enough).toBe(false);
  });
});

describe('DelimitedParser.texts on a broken record', () => {
  it('gives the broken line whole, for the preview', () => {
    const parser = new DelimitedParser(bytes('a;b\n"x"y;2\r\nc;d\n'), ';');
    parser.next();
    parser.next();
    expect(parser.error).toBe('bad-quote');
    expect(parser.texts()).toEqual(['"x"y;2']);
    parser.next();
    expect(parser.texts()).toEqual(['c', 'd']);
  });
});
