// What the user is told when a file does not end up loaded: a file they stopped is a notice of its own,
// in both languages, never "the file could not be read".
import { describe, expect, it } from 'vitest';
import { translate } from '../../../renderer/src/i18n/translate';
import { errorMessage } from '../../../renderer/src/app/error-message';
import { ImportCancelled, ImportError } from '../../../renderer/src/import/import-file';

describe('errorMessage', () => {
  it('says a stopped import as a notice, naming the file', () => {
    const message = errorMessage(new ImportCancelled(), 'uttag.csv');
    expect(message.notice).toBe('importCancelledTitle');
    expect(translate('sv', message.notice!)).toBe('Inläsningen avbröts');
    expect(translate('sv', message.key, message.params('sv'))).toBe('Inläsningen av uttag.csv avbröts. Inget av filen sparades.');
    expect(translate('en', message.key, message.params('en'))).toBe('Loading uttag.csv was stopped. Nothing of the file was kept.');
  });

  it('keeps a file that could not be read an error', () => {
    const message = errorMessage(new ImportError('no-rows', 'tom.csv'), 'tom.csv');
    expect(message.notice).toBeUndefined();
    expect(message.key).not.toBe('importCancelled');
  });
});
