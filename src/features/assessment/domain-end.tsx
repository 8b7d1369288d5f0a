import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/**
 * The end of a domain's questions: a link to the next domain (its heading then takes the focus, at the top of the
 * page), or to the results after the last one, so that a director answering from top to bottom never has to look
 * for the way on.
 */
export function DomainEnd({
  assessmentId,
  next,
}: {
  assessmentId: string;
  next: { id: string; title: string } | undefined;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const target = next ? `/assessments/${assessmentId}/${next.id}` : `/assessments/${assessmentId}/results`;
  const go = async (event: { preventDefault: () => void }) => {
    event.preventDefault();
    await navigate(target);
    if (!next) return;
    const heading = document.getElementById('domain-title');
    if (!heading) return;
    heading.setAttribute('tabindex', '-1');
    heading.focus();
    heading.scrollIntoView({ block: 'start' });
  };
  return (
    <p className="domain-end">
      <a className="button button--primary" href={target} onClick={(event) => void go(event)}>
        {next ? t('assessment.nextDomain', { title: next.title }) : t('assessment.lastDomainResults')}
      </a>
    </p>
  );
}
