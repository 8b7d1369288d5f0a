import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSaveStatus } from '../../components/save-status';
import type { MeasureCoverage } from '../../domain/frameworks/framework-coverage';
import type { FrameworkMapping } from '../../domain/frameworks/framework-types';
import { currentLanguage } from '../../i18n/i18n';
import { useDatabase } from '../../storage/use-database';
import { useRepositories } from '../../storage/use-repositories';
import { describeError } from '../../texts/describe-error';
import { entityTags } from './coverage-tables';
import type { FrameworksModel } from './use-frameworks';

/**
 * The measures no questionnaire covers: the next work (issue 17). Each can become an action of the plan (the action
 * plan's own record and repository), titled with the framework, the measure's id and its title, so that the action
 * plan, the report and the CSV name it; a measure that already has such an action links to it instead.
 */
export function UncoveredList({
  model,
  mapping,
  measures,
}: {
  model: FrameworksModel;
  mapping: FrameworkMapping;
  measures: readonly MeasureCoverage[];
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const db = useDatabase();
  const { actions } = useRepositories();
  const { save } = useSaveStatus();
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const uncovered = measures.filter((m) => m.state === 'not-covered');
  const { establishment, assessment } = model;
  const titleOf = (m: MeasureCoverage) =>
    t('frameworks.uncovered.actionTitle', {
      name: mapping.shortTitle[language],
      id: m.measure.id,
      title: m.measure.title[language],
    });
  const existing = (m: MeasureCoverage) =>
    model.actions.find((a) => a.assessmentId === assessment.id && a.title === titleOf(m) && a.status !== 'dropped');

  const add = (m: MeasureCoverage) => {
    setError(null);
    const title = titleOf(m);
    save(`framework-action:${mapping.framework}:${m.measure.id}`, () =>
      actions.create(
        { establishmentId: establishment.id, assessmentId: assessment.id },
        {
          title,
          description: t('frameworks.uncovered.actionDescription', {
            name: mapping.title[language],
            version: mapping.version,
            reason: m.measure.notCovered?.[language] ?? '',
          }),
          status: 'todo',
        },
      ),
    ).then(
      (stored) => setMessage(t('frameworks.uncovered.added', { title: stored.title })),
      (caught: unknown) => setError(describeError(t, caught)),
    );
  };

  return (
    <section aria-labelledby={headingId} className="coverage-uncovered">
      <h3 id={headingId}>{t('frameworks.uncovered.title', { count: uncovered.length })}</h3>
      {uncovered.length === 0 ? (
        <p>{t('frameworks.uncovered.none')}</p>
      ) : (
        <>
          <p>{t('frameworks.uncovered.intro')}</p>
          <ul className="coverage-uncovered__list">
            {uncovered.map((m) => {
              const action = existing(m);
              return (
                <li key={m.measure.id} className="card">
                  <p className="coverage-uncovered__title">
                    <span className="coverage-measures__id">{m.measure.id}</span> {m.measure.title[language]}
                    {m.measure.entities ? ` (${entityTags(m.measure.entities)})` : ''}
                  </p>
                  {m.measure.notCovered ? <p className="field__hint">{m.measure.notCovered[language]}</p> : null}
                  {action ? (
                    <Link
                      to={`/establishments/${establishment.id}/actions?action=${encodeURIComponent(action.id)}`}
                      aria-label={t('frameworks.uncovered.seeActionOf', { id: m.measure.id })}
                    >
                      {t('frameworks.uncovered.seeAction')}
                    </Link>
                  ) : (
                    <button
                      type="button"
                      className="button button--small"
                      disabled={db.access === 'read-only'}
                      onClick={() => add(m)}
                      aria-label={t('frameworks.uncovered.addActionFor', { id: m.measure.id })}
                    >
                      {t('frameworks.uncovered.addAction')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <p role="status" aria-live="polite">
        {message}
      </p>
      {error ? (
        <p role="alert" className="notice notice--error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
