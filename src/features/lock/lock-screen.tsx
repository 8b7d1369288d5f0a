import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PassphraseField } from '../../components/passphrase-input';
import { PageHeading } from '../../components/page-heading';
import { describeError } from '../../texts/describe-error';
import { StorageError } from '../../storage/storage-error';
import type { Vault } from '../../storage/vault/vault';

/**
 * Shown instead of any screen while the data is locked (after a reload, « Verrouiller maintenant », the inactivity
 * delay, or another tab locking): one field, the passphrase. The key it opens stays in this tab's memory only.
 */
export function LockScreen({ vault }: { vault: Vault }) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);

  // The field, not the heading, takes the focus: there is one thing to do on this screen.
  useEffect(() => field.current?.focus(), []);

  const submit = async (event: { preventDefault: () => void }) => {
    event.preventDefault();
    if (busy) return;
    if (passphrase === '') {
      setError(t('lock.screen.empty'));
      field.current?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await vault.unlock(passphrase);
    } catch (caught) {
      setError(
        caught instanceof StorageError && caught.code === 'wrong-passphrase'
          ? t('lock.screen.wrong')
          : describeError(t, caught),
      );
      setBusy(false);
      field.current?.focus();
      field.current?.select();
    }
  };

  return (
    <section className="lock-screen" aria-labelledby="lock-screen-title">
      <PageHeading title={t('lock.screen.title')}>
        <span id="lock-screen-title">{t('lock.screen.title')}</span>
      </PageHeading>
      <p>{t('lock.screen.body')}</p>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <PassphraseField
          label={t('lock.screen.label')}
          error={error}
          inputRef={field}
          value={passphrase}
          onChange={setPassphrase}
          autoComplete="current-password"
        />
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('lock.screen.submit')}
          </button>
        </div>
        {busy ? <p role="status">{t('lock.screen.opening')}</p> : null}
      </form>
      <h2>{t('lock.screen.forgottenTitle')}</h2>
      <p>{t('lock.screen.forgotten')}</p>
    </section>
  );
}
