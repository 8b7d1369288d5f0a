import { useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { PassphraseField } from '../../components/passphrase-input';
import { describeError } from '../../texts/describe-error';
import type { CareDatabase } from '../../storage/care-database';
import { StorageError } from '../../storage/storage-error';
import { useDatabase } from '../../storage/use-database';
import { PASSPHRASE_MIN_LENGTH, passphraseLength } from '../../storage/vault/lock-crypto';
import { changePassphrase, turnLockOff, turnLockOn } from '../../storage/vault/lock-switch';
import { useLock } from '../../storage/vault/use-lock';
import { IDLE_MINUTE_CHOICES } from '../../storage/vault/vault';

type Message = { kind: 'success' | 'error'; text: string } | null;
type Errors = Partial<Record<'old' | 'passphrase' | 'confirmation', string>>;

/** A new passphrase and its confirmation: long enough (no strength meter: length is what counts) and the same twice. */
function checkNewPassphrase(t: TFunction, passphrase: string, confirmation: string): Errors {
  if (passphrase === '') return { passphrase: t('passphrase.errors.required') };
  const length = passphraseLength(passphrase);
  if (length < PASSPHRASE_MIN_LENGTH) return { passphrase: t('passphrase.errors.tooShort', { length }) };
  if (confirmation !== passphrase) return { confirmation: t('passphrase.errors.mismatch') };
  return {};
}

/** Focuses the first field in error, so that its message (tied by aria-describedby) is read out. */
function focusFirst(errors: Errors, fields: FieldRefs) {
  for (const name of ['old', 'passphrase', 'confirmation'] as const) {
    if (errors[name]) {
      fields[name]?.current?.focus();
      return;
    }
  }
}

interface FormProps {
  db: CareDatabase;
  disabled: boolean;
  onDone: (message: Message) => void;
}

/** What a storage refusal means for the form: a wrong passphrase belongs to its field, the rest to the section. */
function refusal(t: TFunction, error: unknown, field: keyof Errors): { errors: Errors; message: Message } {
  if (error instanceof StorageError && error.code === 'wrong-passphrase')
    return { errors: { [field]: t('lock.screen.wrong') }, message: null };
  if (error instanceof StorageError && error.code === 'passphrase-too-short')
    return { errors: { passphrase: describeError(t, error) }, message: null };
  return { errors: {}, message: { kind: 'error', text: describeError(t, error) } };
}

type FieldRefs = Partial<Record<keyof Errors, RefObject<HTMLInputElement | null>>>;

/**
 * The submit the three forms share: check the fields, or run the change; a refusal goes to its field (with the
 * focus) or to the section, a success to the section.
 */
function usePassphraseSubmit({
  fields,
  validate,
  run,
  refusedField,
  successText,
  onDone,
}: {
  fields: FieldRefs;
  validate: () => Errors;
  run: () => Promise<void>;
  refusedField: keyof Errors;
  successText: string;
  onDone: (message: Message) => void;
}) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const submit = async (event: { preventDefault: () => void }) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirst(found, fields);
      return;
    }
    setBusy(true);
    onDone(null);
    try {
      await run();
      onDone({ kind: 'success', text: successText });
    } catch (error) {
      const { errors: refused, message } = refusal(t, error, refusedField);
      setErrors(refused);
      focusFirst(refused, fields);
      onDone(message);
    } finally {
      setBusy(false);
    }
  };
  return { errors, busy, submit };
}

/** A new passphrase typed twice: its values and fields, shared by the forms that turn the lock on and change it. */
function useNewPassphrase() {
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const passphraseRef = useRef<HTMLInputElement>(null);
  const confirmationRef = useRef<HTMLInputElement>(null);
  const reset = () => {
    setPassphrase('');
    setConfirmation('');
  };
  return { passphrase, setPassphrase, confirmation, setConfirmation, passphraseRef, confirmationRef, reset };
}

function NewPassphraseFields({
  state,
  errors,
  label,
  confirmLabel,
}: {
  state: ReturnType<typeof useNewPassphrase>;
  errors: Errors;
  label: string;
  confirmLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <PassphraseField
        label={label}
        hint={t('passphrase.enable.hint')}
        error={errors.passphrase}
        inputRef={state.passphraseRef}
        value={state.passphrase}
        onChange={state.setPassphrase}
        autoComplete="new-password"
      />
      <PassphraseField
        label={confirmLabel}
        error={errors.confirmation}
        inputRef={state.confirmationRef}
        value={state.confirmation}
        onChange={state.setConfirmation}
        autoComplete="new-password"
      />
    </>
  );
}

/** The submit button of a lock form, and while it works, what it is doing (announced). */
function SubmitRow({
  label,
  workingLabel,
  busy,
  disabled,
  primary = false,
}: {
  label: string;
  workingLabel: string;
  busy: boolean;
  disabled: boolean;
  primary?: boolean;
}) {
  return (
    <>
      <div className="button-row">
        <button type="submit" className={primary ? 'button button--primary' : 'button'} disabled={disabled || busy}>
          {label}
        </button>
      </div>
      {busy ? <p role="status">{workingLabel}</p> : null}
    </>
  );
}

function EnableForm({ db, disabled, onDone }: FormProps) {
  const { t } = useTranslation();
  const fresh = useNewPassphrase();
  const { errors, busy, submit } = usePassphraseSubmit({
    fields: { passphrase: fresh.passphraseRef, confirmation: fresh.confirmationRef },
    validate: () => checkNewPassphrase(t, fresh.passphrase, fresh.confirmation),
    run: () => turnLockOn(db, fresh.passphrase),
    refusedField: 'passphrase',
    successText: t('passphrase.enable.done'),
    onDone,
  });

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="lock-enable-title">
      <h3 id="lock-enable-title">{t('passphrase.enable.title')}</h3>
      <p className="notice notice--warning">{t('passphrase.warning')}</p>
      <NewPassphraseFields
        state={fresh}
        errors={errors}
        label={t('passphrase.enable.passphrase')}
        confirmLabel={t('passphrase.enable.confirm')}
      />
      <SubmitRow
        label={t('passphrase.enable.submit')}
        workingLabel={t('passphrase.enable.working')}
        busy={busy}
        disabled={disabled}
        primary
      />
    </form>
  );
}

function ChangeForm({ db, disabled, onDone }: FormProps) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const oldRef = useRef<HTMLInputElement>(null);
  const fresh = useNewPassphrase();
  const { errors, busy, submit } = usePassphraseSubmit({
    fields: { old: oldRef, passphrase: fresh.passphraseRef, confirmation: fresh.confirmationRef },
    validate: () =>
      current === ''
        ? { old: t('passphrase.errors.required') }
        : checkNewPassphrase(t, fresh.passphrase, fresh.confirmation),
    run: async () => {
      await changePassphrase(db, current, fresh.passphrase);
      setCurrent('');
      fresh.reset();
    },
    refusedField: 'old',
    successText: t('passphrase.change.done'),
    onDone,
  });

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="lock-change-title">
      <h3 id="lock-change-title">{t('passphrase.change.title')}</h3>
      <PassphraseField
        label={t('passphrase.change.current')}
        error={errors.old}
        inputRef={oldRef}
        value={current}
        onChange={setCurrent}
        autoComplete="current-password"
      />
      <NewPassphraseFields
        state={fresh}
        errors={errors}
        label={t('passphrase.change.new')}
        confirmLabel={t('passphrase.change.confirm')}
      />
      <SubmitRow
        label={t('passphrase.change.submit')}
        workingLabel={t('passphrase.change.working')}
        busy={busy}
        disabled={disabled}
      />
    </form>
  );
}

function DisableForm({ db, disabled, onDone }: FormProps) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const oldRef = useRef<HTMLInputElement>(null);
  const { errors, busy, submit } = usePassphraseSubmit({
    fields: { old: oldRef },
    validate: () => (current === '' ? { old: t('passphrase.errors.required') } : {}),
    run: () => turnLockOff(db, current),
    refusedField: 'old',
    successText: t('passphrase.disable.done'),
    onDone,
  });

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="lock-disable-title">
      <h3 id="lock-disable-title">{t('passphrase.disable.title')}</h3>
      <p>{t('passphrase.disable.body')}</p>
      <PassphraseField
        label={t('passphrase.disable.passphrase')}
        error={errors.old}
        inputRef={oldRef}
        value={current}
        onChange={setCurrent}
        autoComplete="current-password"
      />
      <SubmitRow
        label={t('passphrase.disable.submit')}
        workingLabel={t('passphrase.disable.working')}
        busy={busy}
        disabled={disabled}
      />
    </form>
  );
}

/**
 * « Verrouillage par phrase secrète »: turn the lock on (passphrase twice, and the plain warning that a forgotten
 * passphrase means data that can no longer be read), change the passphrase, turn it off, lock now, and the inactivity
 * delay. Every form works from the keyboard; a refused field gets its message tied to it and the focus.
 */
export function PassphraseLockSection() {
  const { t } = useTranslation();
  const db = useDatabase();
  const { status, vault, idleMinutes } = useLock(db);
  const [message, setMessage] = useState<Message>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  const readOnly = db.access === 'read-only';

  const done = (next: Message) => {
    setMessage(next);
    // The form that was used may be gone (turned on → the change form): the result takes the focus.
    if (next) setTimeout(() => messageRef.current?.focus(), 0);
  };

  const setIdle = async (minutes: number) => {
    try {
      await vault.setIdleMinutes(minutes);
      setMessage({ kind: 'success', text: t('passphrase.idle.saved') });
    } catch (error) {
      setMessage({ kind: 'error', text: describeError(t, error) });
    }
  };

  return (
    <section className="section lock-section" aria-labelledby="settings-lock">
      <h2 id="settings-lock">{t('passphrase.title')}</h2>
      <p data-testid="lock-status" data-lock={status}>
        <strong>{status === 'unlocked' ? t('passphrase.statusOn') : t('passphrase.statusOff')}</strong>
      </p>
      <p>{t('passphrase.what')}</p>
      {status === 'off' ? <EnableForm db={db} disabled={readOnly} onDone={done} /> : null}
      {status === 'unlocked' ? (
        <>
          <p>{t('passphrase.lockNowHint')}</p>
          <div className="button-row">
            <button type="button" className="button button--primary" onClick={() => vault.lock()}>
              {t('lock.lockNow')}
            </button>
          </div>
          <div className="field">
            <label htmlFor="lock-idle">{t('passphrase.idle.label')}</label>
            <select
              id="lock-idle"
              value={idleMinutes}
              disabled={readOnly}
              onChange={(event) => void setIdle(Number(event.target.value))}
            >
              {IDLE_MINUTE_CHOICES.map((minutes) => (
                <option key={minutes} value={minutes}>
                  {minutes === 0 ? t('passphrase.idle.never') : t('passphrase.idle.minutes', { minutes })}
                </option>
              ))}
            </select>
          </div>
          <ChangeForm db={db} disabled={readOnly} onDone={done} />
          <DisableForm db={db} disabled={readOnly} onDone={done} />
        </>
      ) : null}
      {message ? (
        <p
          ref={messageRef}
          tabIndex={-1}
          className={`notice ${message.kind === 'error' ? 'notice--error' : ''}`}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
