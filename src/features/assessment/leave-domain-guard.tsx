import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { ConfirmDialog } from '../../components/confirm-dialog';

/**
 * Warns before the answering screen of a domain is left while some of its questions are « non applicable » without
 * their reason. Those choices are kept as drafts (stored, marked « justification manquante ») and do not count as
 * answered: the director is told so, and may stay to write the reasons (the first one then takes the focus).
 */
export function LeaveDomainGuard({ missing }: { missing: number }) {
  const { t } = useTranslation();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => missing > 0 && currentLocation.pathname !== nextLocation.pathname,
  );
  return (
    <ConfirmDialog
      open={blocker.state === 'blocked'}
      title={t('assessment.leaveGuard.title', { count: missing })}
      body={t('assessment.leaveGuard.body', { count: missing })}
      confirmLabel={t('assessment.leaveGuard.leave')}
      cancelLabel={t('assessment.leaveGuard.stay')}
      confirmTone="plain"
      onConfirm={() => blocker.proceed?.()}
      onCancel={() => {
        blocker.reset?.();
        setTimeout(() => document.querySelector<HTMLElement>('[data-missing-justification] textarea')?.focus(), 0);
      }}
    />
  );
}
