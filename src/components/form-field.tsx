import { useId, type ReactElement, type ReactNode } from 'react';
import { cloneElement } from 'react';

/** A labelled control with its hint and error, wired for screen readers (aria-describedby, aria-invalid). */
export function FormField({
  label,
  hint,
  error,
  warning,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  warning?: ReactNode;
  children: ReactElement<Record<string, unknown>>;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const warningId = `${id}-warning`;
  const describedBy = [hint ? hintId : null, error ? errorId : null, warning ? warningId : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {cloneElement(children, {
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
      {warning ? (
        <p id={warningId} className="field__warning">
          {warning}
        </p>
      ) : null}
    </div>
  );
}
