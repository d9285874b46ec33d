// The workspace a launch asks the app to open: a `.metodkartan` file double-clicked in Explorer or a
// Linux file manager arrives as an argument of the launch (or of a second launch, forwarded to the
// running one); on macOS it arrives as an `open-file` event, possibly before the window exists.
import { WORKSPACE_EXTENSION } from './shared/ipc-contract';

/** The last argument naming a workspace file; flags (`--…`) and everything else are not. */
export function workspaceInArgv(argv: readonly string[]): string | null {
  const named = argv.filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith(`.${WORKSPACE_EXTENSION}`));
  return named.at(-1) ?? null;
}

/**
 * Holds a workspace asked for before the window could take it, and hands it over once the window's
 * page has loaded (then at once for later asks).
 */
export function createLaunchQueue(open: (filePath: string) => void) {
  let pending: string | null = null;
  let isReady = false;
  return {
    ask(filePath: string | null): void {
      if (filePath === null) return;
      if (isReady) open(filePath);
      else pending = filePath;
    },
    ready(): void {
      isReady = true;
      if (pending !== null) open(pending);
      pending = null;
    },
    /** The window closed: asks wait for the next one. */
    closed(): void {
      isReady = false;
    },
  };
}
