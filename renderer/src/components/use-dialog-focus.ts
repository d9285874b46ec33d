// A modal dialog keeps the keyboard: on open, focus goes to its first field; Tab and Shift+Tab cycle
// through its controls and never reach the page under the backdrop; Escape closes it; on close, focus
// goes back to what had it before (the button that opened it).
import { useEffect, useEffectEvent, type RefObject } from 'react';

const FOCUSABLE = 'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable="true"]';

/** The elements inside `root` that Tab reaches, in document order. */
function tabStops(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => {
    if (element.tabIndex < 0 || element.matches(':disabled') || element.closest('[inert]') || element.getClientRects().length === 0) return false;
    // Of a group of radio buttons Tab reaches one: the checked one, else the first.
    if (element instanceof HTMLInputElement && element.type === 'radio' && element.name) {
      const group = [...root.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(element.name)}"]`)];
      return (group.find((radio) => radio.checked) ?? group[0]) === element;
    }
    return true;
  });
}

/**
 * Traps focus in the dialog `ref` while it is mounted. The first field is the first Tab stop, or the
 * element marked `data-autofocus`; with none, the dialog itself (give it tabIndex={-1}).
 */
export function useDialogFocus(ref: RefObject<HTMLElement | null>, onClose: () => void): void {
  const close = useEffectEvent(onClose);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const active = document.activeElement;
    const opener = active instanceof HTMLElement || active instanceof SVGElement ? active : null;
    const first = () => dialog.querySelector<HTMLElement>('[data-autofocus]') ?? tabStops(dialog)[0] ?? dialog;
    first().focus();

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        close();
        return;
      }
      if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
      const stops = tabStops(dialog);
      const now = document.activeElement;
      const isInside = now instanceof Node && dialog.contains(now);
      if (stops.length === 0) {
        event.preventDefault();
        dialog.focus();
      } else if (event.shiftKey && (!isInside || now === stops[0] || now === dialog)) {
        event.preventDefault();
        stops.at(-1)!.focus();
      } else if (!event.shiftKey && (!isInside || now === stops.at(-1))) {
        event.preventDefault();
        stops[0]!.focus();
      }
    };
    // Focus sent outside by other means (a script, the mouse on the page) comes back.
    const onFocusIn = (event: FocusEvent) => {
      if (event.target instanceof Node && !dialog.contains(event.target)) first().focus();
    };
    document.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('focusin', onFocusIn);
      if (opener && opener !== document.body && opener.isConnected) opener.focus();
    };
  }, [ref]);
}
