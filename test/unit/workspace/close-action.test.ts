import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closeAction } from '../../../renderer/src/workspace/close-action';

describe('closeAction', () => {
  it('closes at once, writing nothing, when the state is the one the last autosave wrote', () => {
    expect(closeAction({ hasFiles: true, isSaved: true, isWriting: false, recovery: 'settled' })).toBe('close');
    expect(closeAction({ hasFiles: false, isSaved: false, isWriting: false, recovery: 'settled' })).toBe('close');
  });

  it('saves first when something changed, and waits for a write in progress', () => {
    expect(closeAction({ hasFiles: true, isSaved: false, isWriting: false, recovery: 'settled' })).toBe('save-then-close');
    expect(closeAction({ hasFiles: true, isSaved: true, isWriting: true, recovery: 'settled' })).toBe('save-then-close');
  });

  it('never closes over a write in progress, whatever else holds', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.constantFrom('unknown', 'offered', 'settled') as fc.Arbitrary<'unknown' | 'offered' | 'settled'>, (hasFiles, isSaved, recovery) => {
        expect(closeAction({ hasFiles, isSaved, isWriting: true, recovery })).toBe('save-then-close');
      }),
    );
  });

  it('writes nothing while the crash recovery is still on offer (an autosave would replace what it offers)', () => {
    expect(closeAction({ hasFiles: true, isSaved: false, isWriting: false, recovery: 'offered' })).toBe('close');
  });
});
