import { ReviewMarkNote } from '../../components/review-mark';
import type { ReceivedMark } from '../../domain/review/received-review';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActionRecord } from '../../domain/actions/action-record';
import type { Language } from '../../domain/localized-text';
import type { QuestionnaireDomain } from '../../domain/questionnaire/questionnaire-schema';
import { weights } from '../../domain/questionnaire/weights';
import { filterGaps, gapStateOf, urgencies, type Gap, type GapFilter } from '../../domain/results/list-gaps';
import { formatDate, formatNumber } from '../../texts/format';
import { describeResponse } from './results-format';

interface GapsViewProps {
  gaps: readonly Gap[];
  /** The auditor's marks, by item id, when a review was imported. */
  marks?: ReadonlyMap<string, ReceivedMark> | undefined;
  domains: readonly QuestionnaireDomain[];
  language: Language;
  assessmentId: string;
  establishmentId: string;
  /** The establishment's actions, to show which gaps already have one. */
  actions: readonly ActionRecord[];
}

const gapStates = ['no', 'partial', 'unknown'] as const;

/**
 * The ranked gaps with a filter and a search. The order is the domain's ranking (listGaps); filtering only hides
 * rows, it never reorders them. The number of gaps shown is announced politely as filters change.
 */
export function GapsView({ gaps, domains, language, assessmentId, establishmentId, actions, marks }: GapsViewProps) {
  const { t } = useTranslation();
  const id = useId();
  const [filter, setFilter] = useState<GapFilter>({});
  const shown = useMemo(() => filterGaps(gaps, filter, language), [gaps, filter, language]);
  const set = (key: keyof GapFilter, value: string) =>
    setFilter((f) => ({ ...f, [key]: value === '' ? undefined : value }));
  const actionsByItem = useMemo(() => {
    const map = new Map<string, ActionRecord>();
    for (const a of actions) if (a.itemId && a.status !== 'dropped') map.set(a.itemId, a);
    return map;
  }, [actions]);
  const usedDomains = domains.filter((d) => gaps.some((g) => g.item.domain === d.id));

  return (
    <>
      <form
        className="filters no-print"
        role="search"
        aria-label={t('results.gaps.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field filters__search">
          <label htmlFor={`${id}-search`}>{t('results.gaps.search')}</label>
          <input
            id={`${id}-search`}
            type="search"
            value={filter.search ?? ''}
            onChange={(e) => set('search', e.target.value)}
            aria-describedby={`${id}-search-hint`}
          />
          <p id={`${id}-search-hint`} className="field__hint">
            {t('results.gaps.searchHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-weight`}>{t('results.gaps.weight')}</label>
          <select id={`${id}-weight`} value={filter.weight ?? ''} onChange={(e) => set('weight', e.target.value)}>
            <option value="">{t('results.gaps.all')}</option>
            {weights.map((w) => (
              <option key={w} value={w}>
                {t(`assessment.weights.${w}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-urgency`}>{t('results.gaps.urgency')}</label>
          <select id={`${id}-urgency`} value={filter.urgency ?? ''} onChange={(e) => set('urgency', e.target.value)}>
            <option value="">{t('results.gaps.all')}</option>
            {urgencies.map((u) => (
              <option key={u} value={u}>
                {t(`results.gaps.urgencies.${u}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-basis`}>{t('results.gaps.basis')}</label>
          <select id={`${id}-basis`} value={filter.basis ?? ''} onChange={(e) => set('basis', e.target.value)}>
            <option value="">{t('results.gaps.all')}</option>
            <option value="official">{t('results.gaps.bases.official')}</option>
            <option value="inferred">{t('results.gaps.bases.inferred')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-state`}>{t('results.gaps.state')}</label>
          <select id={`${id}-state`} value={filter.state ?? ''} onChange={(e) => set('state', e.target.value)}>
            <option value="">{t('results.gaps.all')}</option>
            {gapStates.map((s) => (
              <option key={s} value={s}>
                {t(`results.gaps.states.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {usedDomains.length > 1 ? (
          <div className="field">
            <label htmlFor={`${id}-domain`}>{t('results.gaps.domain')}</label>
            <select id={`${id}-domain`} value={filter.domainId ?? ''} onChange={(e) => set('domainId', e.target.value)}>
              <option value="">{t('results.gaps.allDomains')}</option>
              {usedDomains.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.title[language]}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button type="button" className="button button--small" onClick={() => setFilter({})}>
          {t('results.gaps.reset')}
        </button>
      </form>
      <p role="status" className="filters__count">
        {t('results.gaps.count', { count: shown.length, total: gaps.length })}
      </p>
      {shown.length === 0 ? (
        <p>{gaps.length === 0 ? t('results.gaps.none') : t('results.gaps.noMatch')}</p>
      ) : (
        <ol className="gap-list">
          {shown.map((gap) => (
            <GapRow
              key={gap.item.id}
              gap={gap}
              language={language}
              domain={domains.find((d) => d.id === gap.item.domain)}
              assessmentId={assessmentId}
              establishmentId={establishmentId}
              action={actionsByItem.get(gap.item.id)}
              mark={marks?.get(gap.item.id)}
            />
          ))}
        </ol>
      )}
    </>
  );
}

function GapRow({
  gap,
  language,
  domain,
  assessmentId,
  establishmentId,
  action,
  mark,
}: {
  gap: Gap;
  mark: ReceivedMark | undefined;
  language: Language;
  domain: QuestionnaireDomain | undefined;
  assessmentId: string;
  establishmentId: string;
  action: ActionRecord | undefined;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const { item } = gap;
  const state = gapStateOf(gap);
  const target = gap.score.target;
  return (
    <li className={`gap gap--${item.weight} gap--${gap.urgency}`}>
      <article aria-labelledby={titleId}>
        <p className="gap__meta">
          <span className={`badge badge--${item.weight}`}>{t(`assessment.weights.${item.weight}`)}</span>
          {item.basis.kind === 'official' ? (
            <span className="badge badge--official">
              {t('assessment.basisOfficial', { reference: item.basis.reference })}
            </span>
          ) : (
            <span className="badge badge--inferred">{t('assessment.basisInferred')}</span>
          )}
          <span className={`badge badge--urgency-${gap.urgency}`}>
            {gap.urgency === 'overdue'
              ? t('results.gaps.overdueBy', {
                  count: -(gap.daysLeft ?? 0),
                  days: formatNumber(-(gap.daysLeft ?? 0), language),
                })
              : gap.urgency === 'to-declare'
                ? t('results.gaps.toDeclare', { date: formatDate(gap.due ?? '', language) })
                : gap.urgency === 'ongoing'
                  ? t('results.gaps.ongoing')
                  : gap.urgency === 'none'
                    ? t('results.gaps.urgencies.none')
                    : t(gap.deadlineKind === 'yearly' ? 'results.gaps.dueAgain' : 'results.gaps.dueIn', {
                        count: gap.daysLeft ?? 0,
                        days: formatNumber(gap.daysLeft ?? 0, language),
                      })}
          </span>
          <span className="item__id">{item.id}</span>
        </p>
        <h3 id={titleId} className="gap__question">
          {item.question[language]}
        </h3>
        <ReviewMarkNote mark={mark} />
        <dl className="gap__details">
          <div>
            <dt>{t('results.gaps.action')}</dt>
            <dd>{item.action[language]}</dd>
          </div>
          <div>
            <dt>{t('results.gaps.answer')}</dt>
            <dd>
              <span className={`answer-state answer-state--${state}`}>
                {describeResponse(t, item, gap.answer?.response, language)}
              </span>
              {target && gap.answer?.response?.kind !== 'unknown'
                ? ` — ${t(`assessment.target.${target.comparator}`, { value: formatNumber(target.value, language) + (item.answerType === 'percent' ? '\u00a0%' : '') })}`
                : null}
            </dd>
          </div>
          <div>
            <dt>{t('results.gaps.deadline')}</dt>
            <dd>
              {gap.due ? formatDate(gap.due, language) : t('results.gaps.noDate')}
              {item.deadline ? <span className="gap__deadline-label">{item.deadline.label[language]}</span> : null}
            </dd>
          </div>
          <div>
            <dt>{t('results.gaps.evidence')}</dt>
            <dd>{item.evidence[language]}</dd>
          </div>
          {domain ? (
            <div>
              <dt>{t('results.gaps.domain')}</dt>
              <dd>{domain.title[language]}</dd>
            </div>
          ) : null}
          {gap.answer?.comment ? (
            <div>
              <dt>{t('assessment.comment')}</dt>
              <dd>{gap.answer.comment}</dd>
            </div>
          ) : null}
        </dl>
        <p className="gap__actions no-print">
          <Link to={`/assessments/${assessmentId}/${item.domain}?item=${encodeURIComponent(item.id)}`}>
            {t('results.gaps.editAnswer')}
            <span className="visually-hidden">
              {' — '}
              {item.id}
            </span>
          </Link>
          {action ? (
            <Link to={`/establishments/${establishmentId}/actions?action=${encodeURIComponent(action.id)}`}>
              {t('results.gaps.seeAction', { status: t(`actions.status.${action.status}`) })}
              <span className="visually-hidden">
                {' — '}
                {item.id}
              </span>
            </Link>
          ) : (
            <Link
              className="button button--small"
              to={`/establishments/${establishmentId}/actions?assessment=${encodeURIComponent(assessmentId)}&item=${encodeURIComponent(item.id)}`}
            >
              {t('results.gaps.createAction')}
              <span className="visually-hidden">
                {' — '}
                {item.id}
              </span>
            </Link>
          )}
        </p>
      </article>
    </li>
  );
}
