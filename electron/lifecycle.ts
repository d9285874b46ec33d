// How the app ends: the window asks the renderer to write its autosave before it closes, and the
// session marker is removed only once the app quits cleanly. Plain functions over the parts of
// BrowserWindow and app they use, so the order is tested without Electron.

/**
 * How long the window waits for the renderer to answer 'app:closing' at all (readyToClose, or that it
 * is saving) before it closes anyway: a page that hung must not keep the window open.
 */
export const CLOSE_TIMEOUT_MS = 3000;

/**
 * How long a save the renderer said it is making may take before the window closes anyway: a large
 * workspace (Parquet, SHA-256, ZIP) takes seconds, so the window waits, saying so, not a fixed 3 s.
 */
export const SAVE_BEFORE_CLOSE_TIMEOUT_MS = 120_000;

/** The part of BrowserWindow the handshake listens to. */
export interface ClosingWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
}

export interface CloseHandshakeDeps {
  /** Sends menu command 'app:closing' to the renderer; a throw (a destroyed page) ends the wait. */
  askRenderer(): void;
  /**
   * Closes for real: window.close(), or app.quit() when the close came from quitting (a prevented
   * close cancels a quit in Electron). `confirmed` is false when the renderer did not answer in time.
   */
  proceed(confirmed: boolean): void;
  timeoutMs?: number;
  saveTimeoutMs?: number;
}

export interface CloseHandshake {
  /** The renderer's answer to 'app:closing'; ignored when no close is pending. */
  readyToClose(): void;
  /** The renderer is saving first: the wait becomes SAVE_BEFORE_CLOSE_TIMEOUT_MS. Ignored when no close is pending. */
  saving(): void;
}

/**
 * The first close of the window is held: the renderer is asked to write its autosave. It answers with
 * readyToClose (at once when nothing changed), or first with saving (then the window waits for the save,
 * up to SAVE_BEFORE_CLOSE_TIMEOUT_MS), or not at all (CLOSE_TIMEOUT_MS); then the window closes for real.
 * Closing again while waiting changes nothing.
 */
export function guardWindowClose(window: ClosingWindow, deps: CloseHandshakeDeps): CloseHandshake {
  let state: 'open' | 'asking' | 'closing' = 'open';
  let timer: ReturnType<typeof setTimeout> | undefined;

  function finish(confirmed: boolean): void {
    if (state !== 'asking') return;
    clearTimeout(timer);
    state = 'closing';
    deps.proceed(confirmed);
  }

  window.on('close', (event) => {
    if (state === 'closing') return;
    event.preventDefault();
    if (state === 'asking') return;
    state = 'asking';
    timer = setTimeout(() => finish(false), deps.timeoutMs ?? CLOSE_TIMEOUT_MS);
    try {
      deps.askRenderer();
    } catch (error) {
      console.error('Asking the page to save before closing failed:', error);
      finish(false);
    }
  });

  return {
    readyToClose: () => finish(true),
    saving: () => {
      if (state !== 'asking') return;
      clearTimeout(timer);
      timer = setTimeout(() => finish(false), deps.saveTimeoutMs ?? SAVE_BEFORE_CLOSE_TIMEOUT_MS);
    },
  };
}

/** The part of Electron's app that quitting uses. */
export interface QuittingApp {
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

/**
 * Runs `task` once when the app is about to quit (every window already closed) and quits after it
 * has settled: Electron would otherwise exit before an asynchronous file operation finished.
 */
export function runBeforeQuit(app: QuittingApp, task: () => Promise<void>): void {
  let done = false;
  app.on('will-quit', (event) => {
    if (done) return;
    done = true;
    event.preventDefault();
    task()
      .catch((error: unknown) => console.error('Finishing the session failed:', error))
      .finally(() => app.quit());
  });
}
