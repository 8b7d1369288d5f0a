import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading';
import { SigningKeyCard } from '../../components/signing-key-card';
import type { Language } from '../../domain/localized-text';
import { changeLanguage, currentLanguage } from '../../i18n/i18n';
import { formatBytes } from '../../texts/format';
import { DATA_VERSION } from '../../storage/care-database';
import { useDatabase } from '../../storage/use-database';
import { useSigningKey } from '../../storage/use-signing-key';
import { DataSafety } from './data-safety';
import { PassphraseLockSection } from './passphrase-lock-section';
import './settings.css';

type Persistence = 'persisted' | 'not-persisted' | 'unknown';

/** Versions of the app and of its data, and whether the browser protects the data from eviction. */
export function SettingsPage() {
  const { t } = useTranslation();
  const db = useDatabase();
  const signingKey = useSigningKey();
  const language = currentLanguage();
  const [persistence, setPersistence] = useState<Persistence>('unknown');
  const [usage, setUsage] = useState<number | null>(null);

  useEffect(() => {
    let live = true;
    const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
    if (storage?.persisted) {
      void storage.persisted().then((p) => live && setPersistence(p ? 'persisted' : 'not-persisted'));
    }
    if (storage?.estimate) void storage.estimate().then((e) => live && setUsage(e.usage ?? null));
    return () => {
      live = false;
    };
  }, []);

  return (
    <>
      <PageHeading title={t('settings.title')}>{t('settings.title')}</PageHeading>
      <section className="section" aria-labelledby="settings-language">
        <h2 id="settings-language">{t('settings.language')}</h2>
        <div className="field">
          <label htmlFor="language-select">{t('common.language.label')}</label>
          <select
            id="language-select"
            value={language}
            onChange={(e) => void changeLanguage(e.target.value as Language, localStorage)}
          >
            <option value="fr" lang="fr">
              {t('common.language.fr')}
            </option>
            <option value="en" lang="en">
              {t('common.language.en')}
            </option>
          </select>
        </div>
      </section>
      <section className="section" aria-labelledby="settings-storage">
        <h2 id="settings-storage">{t('settings.storage')}</h2>
        <p data-testid="persistence" data-persistence={persistence}>
          {persistence === 'persisted'
            ? t('settings.persisted')
            : persistence === 'not-persisted'
              ? t('settings.notPersisted')
              : t('settings.persistUnknown')}
        </p>
        {usage !== null ? <p>{t('settings.usage', { used: formatBytes(usage, language) })}</p> : null}
      </section>
      <DataSafety />
      <PassphraseLockSection />
      <SigningKeyCard state={signingKey} />
      <section className="section" aria-labelledby="settings-about">
        <h2 id="settings-about">{t('settings.about')}</h2>
        <dl className="details">
          <div>
            <dt>{t('settings.appVersion')}</dt>
            <dd data-testid="app-version">{__APP_VERSION__}</dd>
          </div>
          <div>
            <dt>{t('settings.dataVersion')}</dt>
            <dd data-testid="data-version">
              {db.foundDataVersion > DATA_VERSION
                ? t('settings.dataVersionFound', { found: String(db.foundDataVersion) })
                : DATA_VERSION}
            </dd>
          </div>
        </dl>
      </section>
    </>
  );
}
