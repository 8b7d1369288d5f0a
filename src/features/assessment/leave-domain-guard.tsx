import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../../components/confirm-dialog';

/**
 * Warns before the answering screen of a domain is left while some of its questions are « non applicable » without
 * their reason. Those choices are kept as drafts (stored, marked « justification manquante ») and do not count as
 * answered: the director is told so, and may stay to write the reasons (the first one then takes the focus).
 *
 * The app's router is a component router (no data router, so no `useBlocker`): a click on a link of the app that
 * leads to another page is caught before the router sees it. Nothing is lost on the ways this does not catch (the
 * browser's back button, a closed tab): the drafts are already stored.
 */
export function LeaveDomainGuard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [pending, setPending] = useState<{ to: string; missing: number } | null>(null);

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(link instanceof HTMLAnchorElement) || link.target === '_blank' || link.hasAttribute('download')) return;
      const url = new URL(link.href);
      if (url.origin !== window.location.origin || url.pathname === window.location.pathname) return;
      // The drafts as the screen shows them at the click (each question card marks its own), not as last read
      // from the database: a choice made a moment ago may not be stored and read back yet.
      const missing = document.querySelectorAll('[data-missing-justification]').length;
      if (missing === 0) return;
      event.preventDefault();
      event.stopPropagation();
      setPending({ to: `${url.pathname}${url.search}${url.hash}`, missing });
    };
    // Capture, on the document: before React's own handlers (on the root) and the router's links run.
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, []);

  const missing = pending?.missing ?? 0;
  return (
    <ConfirmDialog
      open={pending !== null}
      title={t('assessment.leaveGuard.title', { count: missing })}
      body={t('assessment.leaveGuard.body', { count: missing })}
      confirmLabel={t('assessment.leaveGuard.leave')}
      cancelLabel={t('assessment.leaveGuard.stay')}
      confirmTone="plain"
      onConfirm={() => {
        const to = pending?.to;
        setPending(null);
        if (to) void navigate(to);
      }}
      onCancel={() => {
        setPending(null);
        setTimeout(() => document.querySelector<HTMLElement>('[data-missing-justification] textarea')?.focus(), 0);
      }}
    />
  );
}
