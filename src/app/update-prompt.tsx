import { useTranslation } from 'react-i18next';
import { useRegisterSW } from 'virtual:pwa-register/react';

/**
 * Offers a new version when the service worker has one, and only reloads when the user asks: an automatic reload
 * could land in the middle of typing (principle 2).
 */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({ immediate: true });

  if (!needRefresh) return null;
  return (
    <div className="update-prompt" role="status">
      <span>{t('common.update.available')}</span>
      <button
        type="button"
        className="button button--small button--primary"
        onClick={() => void updateServiceWorker(true)}
      >
        {t('common.update.reload')}
      </button>
      <button type="button" className="button button--small" onClick={() => setNeedRefresh(false)}>
        {t('common.update.later')}
      </button>
    </div>
  );
}
