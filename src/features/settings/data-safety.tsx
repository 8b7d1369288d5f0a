import { useRef, useState } from 'react';
import { PassphraseField } from '../../components/passphrase-input';
import { useTranslation } from 'react-i18next';
import { downloadFile, fileDate } from '../../components/download-file';
import { useSaveStatus } from '../../components/save-status';
import { currentLanguage } from '../../i18n/i18n';
import { describeError } from '../../texts/describe-error';
import { formatBytes, formatDateTime } from '../../texts/format';
import { createBackup, restoreBackup } from '../../storage/backup';
import { BackupError } from '../../storage/backup-error';
import { StorageError } from '../../storage/storage-error';
import { loadDemoData } from '../../storage/demo-data';
import { useDatabase, useLiveQuery } from '../../storage/use-database';
import { useLock } from '../../storage/vault/use-lock';

type Message = { kind: 'success' | 'error'; text: string } | null;

/** Demo data, and the full backup and restore of this device's data (principle 2: nothing lost). */
export function DataSafety() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const db = useDatabase();
  const { save } = useSaveStatus();
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const [pendingRestore, setPendingRestore] = useState<File | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const lastBackup = useLiveQuery(async () => (await db.meta.get('lastBackupAt'))?.value, [db]);
  const readOnly = db.access === 'read-only';
  const { status: lock } = useLock(db);
  // A backup made with the passphrase lock on: restoring it needs the passphrase in use when it was made.
  const [sealedRestore, setSealedRestore] = useState<{ file: File; error?: string } | null>(null);
  const [backupPassphrase, setBackupPassphrase] = useState('');
  const passphraseField = useRef<HTMLInputElement>(null);

  const loadDemo = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const counts = await save('demo-data', () => loadDemoData(db));
      setMessage({
        kind: 'success',
        text: t('settings.demo.loaded', { establishments: counts.establishments, answers: counts.answers }),
      });
    } catch (error) {
      setMessage({ kind: 'error', text: describeError(t, error) });
    } finally {
      setBusy(false);
    }
  };

  const backup = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const { bytes } = await createBackup(db, __APP_VERSION__);
      const file = t('settings.backup.fileName', { date: fileDate() });
      downloadFile(bytes.slice(), file, 'application/zip');
      setMessage({ kind: 'success', text: t('settings.backup.downloaded', { file }) });
    } catch (error) {
      setMessage({ kind: 'error', text: describeError(t, error) });
    } finally {
      setBusy(false);
    }
  };

  const chooseRestore = (file: File | undefined) => {
    setMessage(null);
    setPendingRestore(file ?? null);
    if (file) setTimeout(() => confirmButton.current?.focus(), 0);
  };

  /**
   * Why a restore was refused. For lack of space (Chromium checks the whole restore against the room left before it
   * frees anything), how much the backup needs and, when the browser tells, how much is left (issue 14).
   */
  const restoreRefusal = (fileName: string, error: unknown) => {
    if (!(error instanceof BackupError) || error.code !== 'backup-no-space' || !error.space)
      return t('settings.backup.restoreFailed', { file: fileName, reason: describeError(t, error) });
    const needed = formatBytes(error.space.needed, language);
    return error.space.available === undefined
      ? t('settings.backup.restoreStorageFull', { file: fileName, needed })
      : t('settings.backup.restoreStorageFullAvailable', {
          file: fileName,
          needed,
          available: formatBytes(error.space.available, language),
        });
  };

  const restore = async (file: File, passphrase?: string) => {
    setBusy(true);
    setPendingRestore(null);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      // Not tracked as an autosave: a refused file is reported here, and retrying the same file would not help.
      const manifest = await restoreBackup(db, bytes, file.name, passphrase === undefined ? {} : { passphrase });
      setSealedRestore(null);
      setBackupPassphrase('');
      setMessage({
        kind: 'success',
        text: t('settings.backup.restored', { file: file.name, date: formatDateTime(manifest.createdAt, language) }),
      });
    } catch (error) {
      if (error instanceof BackupError && error.code === 'backup-locked') {
        setSealedRestore({ file });
        setTimeout(() => passphraseField.current?.focus(), 0);
      } else if (error instanceof StorageError && error.code === 'wrong-passphrase' && passphrase !== undefined) {
        setSealedRestore({ file, error: t('lock.screen.wrong') });
        setTimeout(() => passphraseField.current?.select(), 0);
      } else {
        setSealedRestore(null);
        setMessage({ kind: 'error', text: restoreRefusal(file.name, error) });
      }
    } finally {
      setBusy(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  return (
    <>
      <section className="section" aria-labelledby="settings-backup">
        <h2 id="settings-backup">{t('settings.backup.title')}</h2>
        <p>{t('settings.backup.body')}</p>
        {lock === 'unlocked' ? <p>{t('passphrase.backupNote')}</p> : null}
        <p data-testid="last-backup">
          {typeof lastBackup === 'number'
            ? t('settings.backup.lastBackup', { date: formatDateTime(lastBackup, language) })
            : t('settings.backup.never')}
        </p>
        <div className="button-row">
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void backup()}>
            {t('settings.backup.download')}
          </button>
          <label className={`button${readOnly ? ' button--disabled' : ''}`}>
            {t('settings.backup.restore')}
            <input
              ref={fileInput}
              type="file"
              accept=".zip,application/zip"
              className="visually-hidden"
              disabled={busy || readOnly}
              onChange={(e) => chooseRestore(e.target.files?.[0])}
            />
          </label>
        </div>
        {pendingRestore ? (
          <div className="notice notice--warning confirm" role="alertdialog" aria-labelledby="restore-warning">
            <p id="restore-warning">{t('settings.backup.restoreWarning', { file: pendingRestore.name })}</p>
            <div className="button-row">
              <button
                ref={confirmButton}
                type="button"
                className="button button--primary"
                onClick={() => void restore(pendingRestore)}
              >
                {t('settings.backup.restoreConfirm')}
              </button>
              <button type="button" className="button" onClick={() => chooseRestore(undefined)}>
                {t('common.cancel')}
              </button>
            </div>
          </div>
        ) : null}
        {sealedRestore ? (
          <form
            className="form notice notice--warning"
            noValidate
            aria-labelledby="restore-sealed-prompt"
            onSubmit={(event) => {
              event.preventDefault();
              if (backupPassphrase === '') {
                setSealedRestore({ ...sealedRestore, error: t('passphrase.errors.required') });
                passphraseField.current?.focus();
                return;
              }
              void restore(sealedRestore.file, backupPassphrase);
            }}
          >
            <p id="restore-sealed-prompt">{t('passphrase.restore.prompt', { file: sealedRestore.file.name })}</p>
            <PassphraseField
              label={t('passphrase.restore.label')}
              error={sealedRestore.error}
              inputRef={passphraseField}
              value={backupPassphrase}
              onChange={setBackupPassphrase}
              autoComplete="off"
            />
            <div className="button-row">
              <button type="submit" className="button button--primary" disabled={busy}>
                {t('passphrase.restore.submit')}
              </button>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setSealedRestore(null);
                  setBackupPassphrase('');
                }}
              >
                {t('common.cancel')}
              </button>
            </div>
          </form>
        ) : null}
      </section>
      <section className="section" aria-labelledby="settings-demo">
        <h2 id="settings-demo">{t('settings.demo.title')}</h2>
        <p>{t('settings.demo.body')}</p>
        <button type="button" className="button" disabled={busy || readOnly} onClick={() => void loadDemo()}>
          {t('settings.demo.load')}
        </button>
      </section>
      {message ? (
        <p
          className={`notice ${message.kind === 'error' ? 'notice--error' : ''}`}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      ) : null}
    </>
  );
}
