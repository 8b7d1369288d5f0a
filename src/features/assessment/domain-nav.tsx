import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useNarrowScreen } from '../../components/use-narrow-screen';
import type { DomainProgress } from '../../domain/assessment/assessment';

/**
 * The assessment's list of domains. On a phone it folds away behind a disclosure button (WAI-ARIA Authoring
 * Practices, "Disclosure": a real button, aria-expanded, aria-controls), so that the first question is on the first
 * screen rather than below eleven links (issue 16); it folds again once a domain is chosen. Choosing a domain, with the
 * keyboard or the mouse, moves the focus to that domain's heading (`headingId`), where its questions start, instead of
 * leaving it in the menu (WCAG 2.4.3).
 */
export function DomainNav({
  assessmentId,
  progress,
  currentDomainId,
  titleOf,
  headingId,
}: {
  assessmentId: string;
  progress: readonly DomainProgress[];
  currentDomainId: string | undefined;
  titleOf: (domainId: string) => string;
  headingId: string;
}) {
  const { t } = useTranslation();
  const listId = useId();
  const narrow = useNarrowScreen();
  const [open, setOpen] = useState(false);
  const focusHeadingOnArrival = useRef(false);

  useEffect(() => {
    if (!focusHeadingOnArrival.current) return;
    focusHeadingOnArrival.current = false;
    document.getElementById(headingId)?.focus();
  }, [currentDomainId, headingId]);

  const choose = (domainId: string) => {
    setOpen(false);
    if (domainId === currentDomainId) document.getElementById(headingId)?.focus();
    else focusHeadingOnArrival.current = true;
  };

  const position = progress.findIndex((p) => p.domainId === currentDomainId);
  return (
    <nav aria-label={t('assessment.domainsLabel')} className="domain-nav">
      {narrow ? (
        <button
          type="button"
          className="domain-nav__toggle"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((o) => !o)}
        >
          <span className="domain-nav__toggle-label">{t('assessment.domainsLabel')}</span>
          {position >= 0 && currentDomainId ? (
            <span className="domain-nav__toggle-current">
              {t('assessment.domainNav.current', {
                position: position + 1,
                total: progress.length,
                domain: titleOf(currentDomainId),
              })}
            </span>
          ) : null}
        </button>
      ) : null}
      <ol id={listId} hidden={narrow && !open}>
        {progress.map((p) => (
          <li key={p.domainId}>
            <NavLink
              to={`/assessments/${assessmentId}/${p.domainId}`}
              aria-current={p.domainId === currentDomainId ? 'page' : undefined}
              onClick={() => choose(p.domainId)}
            >
              <span>{titleOf(p.domainId)}</span>
              <span className="domain-nav__count">
                {t('assessment.domainProgress', { answered: p.answered, total: p.total })}
              </span>
            </NavLink>
          </li>
        ))}
      </ol>
    </nav>
  );
}
