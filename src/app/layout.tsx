import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { Loading } from '../components/page-states';
import { SaveIndicator } from '../components/save-status';
import { changeLanguage, currentLanguage } from '../i18n/i18n';
import { useDatabase } from '../storage/use-database';
import { useLock } from '../storage/vault/use-lock';
import { UpdatePrompt } from './update-prompt';
import { useIdleLock } from './use-idle-lock';

// Shown only when the passphrase lock is on and the data locked: kept out of the first screen's code.
const LockScreen = lazy(() => import('../features/lock/lock-screen').then((m) => ({ default: m.LockScreen })));

export function Layout() {
  const { t } = useTranslation();
  const db = useDatabase();
  const language = currentLanguage();
  const other = language === 'fr' ? 'en' : 'fr';
  const [closed, setClosed] = useState(db.closedByAnotherTab);
  useEffect(() => db.onClosedByAnotherTab(() => setClosed(true)), [db]);
  // The lock gate: no screen that shows data before the lock's state is known (one read of the settings, a few
  // milliseconds), and none while it is locked.
  const { status, vault, idleMinutes } = useLock(db);
  useIdleLock(vault, status === 'unlocked', idleMinutes);
  const open = status === 'off' || status === 'unlocked';
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link to="/" className="app-header__brand">
            {t('common.appName')}
          </Link>
          {status !== 'locked' ? (
            <nav aria-label={t('common.nav.label')} className="app-nav">
              <NavLink to="/" end>
                {t('common.nav.establishments')}
              </NavLink>
              <NavLink to="/questionnaires">{t('common.nav.questionnaires')}</NavLink>
              <NavLink to="/auditor">{t('common.nav.auditor')}</NavLink>
              <NavLink to="/settings">{t('common.nav.settings')}</NavLink>
            </nav>
          ) : null}
          <SaveIndicator />
          {status === 'unlocked' ? (
            <button type="button" className="button button--small" onClick={() => vault.lock()}>
              {t('lock.lockNow')}
            </button>
          ) : null}
          <button
            type="button"
            className="button button--small language-switch"
            lang={other}
            onClick={() => void changeLanguage(other, localStorage)}
          >
            {t('common.language.switchTo')}
          </button>
        </div>
      </header>
      <UpdatePrompt />
      {db.access === 'read-only' ? (
        <div className="notice notice--warning read-only-banner" role="alert">
          <strong>{t('common.readOnly.title')}</strong> {t('common.readOnly.body')}
        </div>
      ) : null}
      {closed ? (
        <div className="notice notice--warning closed-banner" role="alert">
          <p>{t('common.closedByAnotherTab')}</p>
          <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
            {t('common.reload')}
          </button>
        </div>
      ) : null}
      <main id="main" className="page">
        {status === 'locked' ? (
          <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
            <LockScreen vault={vault} />
          </Suspense>
        ) : open ? (
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        ) : null}
      </main>
    </>
  );
}
