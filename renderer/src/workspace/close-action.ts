// What closing Electron's window needs first (use-workspace-file.ts answers 'app:closing' with it).

/**
 * What a close needs first: nothing (no files, the recovery offer not settled, or the state as the last
 * autosave wrote it and no write in progress), else to save (and wait for a write in progress).
 */
export function closeAction(now: { hasFiles: boolean; isSaved: boolean; isWriting: boolean; recovery: 'unknown' | 'offered' | 'settled' }): 'close' | 'save-then-close' {
  if (now.recovery !== 'settled' || !now.hasFiles) return now.isWriting ? 'save-then-close' : 'close';
  return now.isSaved && !now.isWriting ? 'close' : 'save-then-close';
}
