import type { ReactNode, RefObject } from 'react';
import { FormField } from './form-field';

/** A password field; FormField hands it its id and its aria-invalid / aria-describedby, passed on to the input. */
function PassphraseInput({
  inputRef,
  value,
  onChange,
  autoComplete,
  ...wiring
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'new-password' | 'current-password' | 'off';
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  return (
    <input
      {...wiring}
      ref={inputRef}
      type="password"
      autoComplete={autoComplete}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

/**
 * A labelled passphrase field with its hint and error, for the lock screen, the lock settings and the sealed-backup
 * restore. The ref lets a refused form put the focus back on the field at fault.
 */
export function PassphraseField({
  label,
  hint,
  error,
  inputRef,
  value,
  onChange,
  autoComplete,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  inputRef: RefObject<HTMLInputElement | null>;
  value: string;
  onChange: (value: string) => void;
  /** 'off' for a passphrase that is neither this device's nor a new one (an old backup's). */
  autoComplete: 'new-password' | 'current-password' | 'off';
}) {
  return (
    <FormField label={label} hint={hint} error={error}>
      <PassphraseInput inputRef={inputRef} value={value} onChange={onChange} autoComplete={autoComplete} />
    </FormField>
  );
}
