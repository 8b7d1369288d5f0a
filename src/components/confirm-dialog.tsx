import { useEffect, useId, useRef } from 'react';
import './confirm-dialog.css';

/**
 * A modal confirmation on the native <dialog>: the browser traps the focus inside and closes it with Escape. The
 * focus starts on the harmless choice (cancel), so that a stray Enter never deletes anything.
 */
export function ConfirmDialog({
  open,
  title,
  body,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  confirmTone = 'danger',
}: {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** A confirmation that destroys nothing (leaving a page) is not drawn as a danger. */
  confirmTone?: 'danger' | 'plain';
}) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      cancel.current?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <p id={`${id}-body`}>{body}</p>
      <div className="confirm-dialog__actions">
        <button
          type="button"
          className={confirmTone === 'danger' ? 'button button--danger' : 'button'}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
        <button type="button" className="button" ref={cancel} onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </dialog>
  );
}
