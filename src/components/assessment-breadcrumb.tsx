import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DisplayName } from './display-name';

/**
 * The trail above every screen of one assessment: its establishment, the assessment itself, then whatever the screen
 * adds (a link back to the results). Hidden when printed.
 */
export function AssessmentBreadcrumb({
  establishment,
  assessmentId,
  assessmentName,
  children,
}: {
  establishment: { id: string; name: string };
  assessmentId: string;
  /** The questionnaire's title and the campaign year, as the screen's heading gives them. */
  assessmentName: string;
  /** Further steps, each an <li>. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('results.breadcrumb')} className="no-print">
      <ol className="breadcrumb-trail">
        <li>
          <Link to={`/establishments/${establishment.id}`}>
            <DisplayName name={establishment.name} />
          </Link>
        </li>
        <li>
          <Link to={`/assessments/${assessmentId}`}>{t('results.breadcrumbAssessment', { name: assessmentName })}</Link>
        </li>
        {children}
      </ol>
    </nav>
  );
}
