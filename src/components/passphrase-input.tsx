import type { RefObject } from 'react';

/** A password field; FormField hands it its id and its aria-invalid / aria-describedby, passed on to the input. */
export function PassphraseInput({
  inputRef,
  value,
  onChange,
  autoComplete,
  ...wiring
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  value: string;
  onChange: (value: string) => void;
  /** 'off' for a passphrase that is neither this device's nor a new one (an old backup's). */
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
