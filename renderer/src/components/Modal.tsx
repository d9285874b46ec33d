// A modal dialog over a dimmed page: named by its heading (`labelledBy`) or a label, closed by Escape,
// a click on the backdrop or its own buttons; it holds the keyboard while open (useDialogFocus).
import { useRef, type ReactNode } from 'react';
import { useDialogFocus } from './use-dialog-focus';

interface Props {
  /** The id of the dialog's heading, which names it; or `label`. */
  labelledBy?: string;
  label?: string;
  className?: string;
  onClose: () => void;
  children: ReactNode;
}

export function Modal({ labelledBy, label, className, onClose, children }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useDialogFocus(ref, onClose);
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div
        ref={ref}
        className={className ? `modal ${className}` : 'modal'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        aria-label={labelledBy ? undefined : label}
        tabIndex={-1}
        onClick={(event) => event.stopPropagation()}
      >
        {children}
      </div>
    </div>
  );
}
