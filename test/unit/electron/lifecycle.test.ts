import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_TIMEOUT_MS, SAVE_BEFORE_CLOSE_TIMEOUT_MS, guardWindowClose, runBeforeQuit } from '../../../electron/lifecycle';

/** A window whose close() emits 'close' and, unless prevented, counts as closed. */
class FakeWindow extends EventEmitter {
  closed = false;
  close(): void {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.closed = true;
  }
}

function setup(askRenderer: () => void = () => undefined) {
  const window = new FakeWindow();
  const ask = vi.fn(askRenderer);
  const proceed = vi.fn((_confirmed: boolean) => window.close());
  const handshake = guardWindowClose(window, { askRenderer: ask, proceed });
  return { window, ask, proceed, handshake };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('guardWindowClose', () => {
  it('holds the first close and asks the renderer', () => {
    const { window, ask, proceed } = setup();
    window.close();
    expect(window.closed).toBe(false);
    expect(ask).toHaveBeenCalledOnce();
    expect(proceed).not.toHaveBeenCalled();
  });

  it('closes as soon as the renderer is ready, confirmed', () => {
    const { window, proceed, handshake } = setup();
    window.close();
    handshake.readyToClose();
    expect(proceed).toHaveBeenCalledExactlyOnceWith(true);
    expect(window.closed).toBe(true);
  });

  it('closes after three seconds without an answer, unconfirmed', () => {
    expect(CLOSE_TIMEOUT_MS).toBe(3000);
    const { window, proceed } = setup();
    window.close();
    vi.advanceTimersByTime(CLOSE_TIMEOUT_MS - 1);
    expect(window.closed).toBe(false);
    vi.advanceTimersByTime(1);
    expect(proceed).toHaveBeenCalledExactlyOnceWith(false);
    expect(window.closed).toBe(true);
  });

  it('waits for a save the renderer says it is making, past three seconds, and closes when it is done', () => {
    const { window, proceed, handshake } = setup();
    window.close();
    handshake.saving();
    vi.advanceTimersByTime(60_000);
    expect(window.closed).toBe(false);
    handshake.readyToClose();
    expect(proceed).toHaveBeenCalledExactlyOnceWith(true);
    expect(window.closed).toBe(true);
  });

  it('closes, unconfirmed, when a save it was told of never ends', () => {
    const { window, proceed, handshake } = setup();
    window.close();
    handshake.saving();
    vi.advanceTimersByTime(SAVE_BEFORE_CLOSE_TIMEOUT_MS - 1);
    expect(window.closed).toBe(false);
    vi.advanceTimersByTime(1);
    expect(proceed).toHaveBeenCalledExactlyOnceWith(false);
    // Saying it is saving when no close is pending changes nothing.
    handshake.saving();
    expect(proceed).toHaveBeenCalledOnce();
  });

  it('asks once however often the user clicks close while it waits', () => {
    const { window, ask, proceed, handshake } = setup();
    window.close();
    window.close();
    window.close();
    expect(ask).toHaveBeenCalledOnce();
    handshake.readyToClose();
    handshake.readyToClose();
    vi.advanceTimersByTime(CLOSE_TIMEOUT_MS);
    expect(proceed).toHaveBeenCalledOnce();
  });

  it('ignores a readyToClose when no close is pending', () => {
    const { window, ask, proceed, handshake } = setup();
    handshake.readyToClose();
    expect(proceed).not.toHaveBeenCalled();
    window.close();
    expect(ask).toHaveBeenCalledOnce();
    expect(window.closed).toBe(false);
  });

  it('an answer after the timeout changes nothing', () => {
    const { window, proceed, handshake } = setup();
    window.close();
    vi.advanceTimersByTime(CLOSE_TIMEOUT_MS);
    handshake.readyToClose();
    expect(proceed).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('closes at once, unconfirmed, when the renderer cannot be asked', () => {
    const { window, proceed } = setup(() => {
      throw new Error('Object has been destroyed');
    });
    window.close();
    expect(proceed).toHaveBeenCalledExactlyOnceWith(false);
    expect(window.closed).toBe(true);
    expect(console.error).toHaveBeenCalled();
    vi.advanceTimersByTime(CLOSE_TIMEOUT_MS);
    expect(proceed).toHaveBeenCalledOnce();
  });

  it('honours a custom timeout', () => {
    const window = new FakeWindow();
    const proceed = vi.fn(() => window.close());
    guardWindowClose(window, { askRenderer: () => undefined, proceed, timeoutMs: 10 });
    window.close();
    vi.advanceTimersByTime(10);
    expect(proceed).toHaveBeenCalledOnce();
  });
});

describe('runBeforeQuit', () => {
  class FakeApp extends EventEmitter {
    exited = false;
    readonly quit = vi.fn(() => {
      let prevented = false;
      this.emit('will-quit', { preventDefault: () => (prevented = true) });
      if (!prevented) this.exited = true;
    });
  }

  it('holds the quit until the task has finished, then quits once', async () => {
    vi.useRealTimers();
    const app = new FakeApp();
    let finish: () => void = () => undefined;
    const task = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    runBeforeQuit(app, task);
    app.quit();
    expect(task).toHaveBeenCalledOnce();
    expect(app.exited).toBe(false);
    finish();
    await vi.waitFor(() => expect(app.exited).toBe(true));
    expect(task).toHaveBeenCalledOnce();
    expect(app.quit).toHaveBeenCalledTimes(2);
  });

  it('still quits when the task fails, logging it', async () => {
    vi.useRealTimers();
    const app = new FakeApp();
    runBeforeQuit(app, () => Promise.reject(new Error('EACCES')));
    app.quit();
    await vi.waitFor(() => expect(app.exited).toBe(true));
    expect(console.error).toHaveBeenCalled();
  });
});
