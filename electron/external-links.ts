// The single gate in front of shell.openExternal, shared by IPC, the Hjälp menu and window.open:
// only a vetted https URL on an allowed host ever reaches the user's browser.
import type { Result } from './shared/ipc-contract';
import { isAllowedExternalUrl } from './policy/trusted-url';

export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

export async function openVettedExternal(shell: ShellLike, url: string): Promise<Result<null>> {
  if (!isAllowedExternalUrl(url)) return { ok: false, error: 'url-not-allowed' };
  await shell.openExternal(url);
  return { ok: true, value: null };
}
