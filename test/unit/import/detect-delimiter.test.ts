import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../../renderer/src/import/detect-delimiter';

describe('detectDelimiter', () => {
  it.each([
    ['semicolon with decimal commas', 'Kommun;Andel\nFalun;34,5\nBorlänge;12,0\n', ';'],
    ['comma', 'kommun,andel\nFalun,0.345\nBorlänge,0.12\n', ','],
    ['tab with decimal commas', 'Kommun\tAndel\nFalun\t34,5\n', '\t'],
    ['pipe', 'a|b|c\n1|2|3\n', '|'],
    ['commas inside quotes do not count', 'Kommun;Insatser\nFalun;"KOMET, FFT, MST"\nMora;"FFT, MST"\n', ';'],
    ['quoted newline does not break counting', 'a;b\n"rad ett\nrad två";2\n3;4\n', ';'],
    ['CRLF line endings', 'a;b;c\r\n1;2;3\r\n4;5;6\r\n', ';'],
    ['one column falls back to comma', 'Kommun\nFalun\nMora\n', ','],
  ])('%s', (_label, text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });
});

describe('detectDelimiter with title lines above the header', () => {
  it('is not fooled by lines without any delimiter', () => {
    const text = 'Insatser per stadsdel 2024\nUttag 2024-10-01\n\nEnhet;Period;Andel\nFalun;2024-01;34,5\nMora;2024-01;12,5\n';
    expect(detectDelimiter(text)).toBe(';');
  });

  it('prefers the delimiter that is consistent over one that only appears in decimals', () => {
    expect(detectDelimiter('Titel\na;b;c\n1,5;2,5;3\n4;5,5;6\n7;8;9,5\n')).toBe(';');
  });
});
