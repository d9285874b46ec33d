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
