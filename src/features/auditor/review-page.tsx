import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DisplayName } from '../../components/display-name';
import { Loading, NotFound } from '../../components/page-states';
import { PageHeading } from '../../components/page-heading';
import { useDebouncedWrites } from '../../components/use-debounced-writes';
import type { QuestionnaireItem } from '../../domain/questionnaire/questionnaire-schema';
import type { ReviewDraft, ReviewMark, ReviewMarkStatus } from '../../domain/review/review-draft';
import type { ExportEvidence } from '../../exchange/export-format';
import { currentLanguage } from '../../i18n/i18n';
import { formatDate, formatNumber, formatPercent, formatScore } from '../../texts/format';
import { ReviewItem } from './review-item';
import { ReviewOpinion } from './review-opinion';
import { useDraftWriter, useReview, type ChangedItem, type ReviewModel } from './use-review';
import './auditor.css';
import './review.css';

/** The quick filters of the item list. */
const itemFilters = ['all', 'unmarked', 'refused', 'to-complete', 'critical'] as const;
type ItemFilter = (typeof itemFilters)[number];

/** No proof listed for an item (one array for all, so that the memoised items see the same value each render). */
const NO_PROOF: readonly ExportEvidence[] = [];

/** How long typing in a comment waits before it is written (the answering screen's pause). */
const TYPING_PAUSE_MS = 400;

/**
 * Route /auditor/review/:submissionDigest (issue 18): the auditor reviews one imported file — marks its items
 * accepted, to complete or refused with a comment, gives an overall opinion, and exports the signed review file the
 * establishment imports. The draft is written to this device as the auditor works (reviewDrafts, data version 4).
 */
export function ReviewPage() {
  const { t } = useTranslation();
  const { submissionDigest = '' } = useParams();
  const state = useReview(submissionDigest);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'not-found') return <NotFound message={t('auditor-review.notFound')} />;
  if (state.status === 'questionnaire-missing') {
    return (
      <p className="notice notice--error" role="alert">
        {t('auditor-review.questionnaireMissing', {
          id: state.file.content.questionnaire.id,
          version: state.file.content.questionnaire.version,
        })}
      </p>
    );
  }
  // Keyed by the file: another file's review starts from its own draft.
  return <ReviewScreen key={state.model.subject.id} model={state.model} />;
}

function matches(filter: ItemFilter, item: QuestionnaireItem, mark: ReviewMark | undefined): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'unmarked':
      return mark?.status === undefined;
    case 'refused':
    case 'to-complete':
      return mark?.status === filter;
    case 'critical':
      return item.weight === 'critical';
  }
}

function ReviewScreen({ model }: { model: ReviewModel }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { file, questionnaire, items, hasAnswers, draft, previous, changed } = model;
  const write = useDraftWriter(model.subject);
  const { schedule, flush } = useDebouncedWrites(TYPING_PAUSE_MS);
  // What the auditor marked, shown at once; each change is also written to the draft (the stored draft is read once,
  // when the screen opens: this screen is then the one writing it).
  const [marks, setMarks] = useState<Readonly<Record<string, ReviewMark>>>(() => draft?.marks ?? {});
  const [filter, setFilter] = useState<ItemFilter>('all');

  const onMark = useCallback(
    (itemId: string, status: ReviewMarkStatus | undefined) => {
      const change = (m: Readonly<Record<string, ReviewMark>>) => {
        const { status: _old, ...rest } = m[itemId] ?? {};
        return { ...m, [itemId]: status ? { ...rest, status } : rest };
      };
      setMarks(change);
      flush();
      void write(`mark:${itemId}`, (d: ReviewDraft) => ({ ...d, marks: change(d.marks) })).catch(() => undefined);
    },
    [write, flush],
  );
  const onComment = useCallback(
    (itemId: string, comment: string) => {
      const change = (m: Readonly<Record<string, ReviewMark>>) => {
        const { comment: _old, ...rest } = m[itemId] ?? {};
        return { ...m, [itemId]: comment === '' ? rest : { ...rest, comment } };
      };
      setMarks(change);
      schedule(
        () =>
          void write(`comment:${itemId}`, (d: ReviewDraft) => ({ ...d, marks: change(d.marks) })).catch(
            () => undefined,
          ),
        true,
      );
    },
    [write, schedule],
  );

  const answers = file.content.answers ?? {};
  // The proofs manifest travels at the full level only; elsewhere the screen says nothing of proofs.
  const evidenceByItem = useMemo(() => {
    if (!file.content.evidence) return undefined;
    const map = new Map<string, ExportEvidence[]>();
    for (const proof of file.content.evidence) map.set(proof.itemId, [...(map.get(proof.itemId) ?? []), proof]);
    return map;
  }, [file.content.evidence]);
  const changedById = useMemo(() => new Map(changed.map((c) => [c.itemId, c])), [changed]);
  const counts = useMemo(
    () =>
      Object.fromEntries(
        itemFilters.map((f) => [f, items.filter((item) => matches(f, item, marks[item.id])).length]),
      ) as Record<ItemFilter, number>,
    [items, marks],
  );
  const marked = items.filter((item) => marks[item.id]?.status !== undefined).length;
  const shown = items.filter((item) => matches(filter, item, marks[item.id]));
  const shownChanged = shown.filter((item) => changedById.has(item.id));
  const shownOthers = shown.filter((item) => !changedById.has(item.id));
  const n = (value: number) => formatNumber(value, language);
  // The file's dates are moments (ISO date-times): shown as the day they fall on here.
  const day = (iso: string) => formatDate(Date.parse(iso), language);
  const title = questionnaire.title[language];
  const outcomeWords = (outcome: 'accepted' | 'to-complete') => t(`auditor-review.opinion.outcomes.${outcome}`);

  const renderItem = (item: QuestionnaireItem, change?: ChangedItem) => (
    <ReviewItem
      key={item.id}
      item={item}
      answer={answers[item.id]}
      evidence={evidenceByItem ? (evidenceByItem.get(item.id) ?? NO_PROOF) : undefined}
      withAnswers={hasAnswers}
      mark={marks[item.id]}
      change={change}
      onMark={onMark}
      onComment={onComment}
      onCommentDone={flush}
    />
  );

  return (
    <div className="auditor review">
      <nav aria-label={t('auditor-review.breadcrumb')} className="no-print">
        <ol className="breadcrumb-trail">
          <li>
            <Link to="/auditor">{t('auditor-review.dashboardLink')}</Link>
          </li>
        </ol>
      </nav>
      <PageHeading title={`${t('auditor-review.title')} — ${file.establishment.name}`}>
        {t('auditor-review.title')}
        <span className="page-heading__sub">
          <DisplayName name={file.establishment.name} />
        </span>
      </PageHeading>
      <p className="lead">{t('auditor-review.lead')}</p>

      <section className="section" aria-labelledby="review-facts">
        <h2 id="review-facts">{t('auditor-review.facts.title')}</h2>
        <dl className="review-facts">
          <div>
            <dt>{t('auditor-review.facts.establishment')}</dt>
            <dd>
              <DisplayName name={file.establishment.name} />{' '}
              <span className="review-facts__detail">
                {t('auditor-review.facts.finess', { finess: model.submission.finess })}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t('auditor-review.facts.questionnaire')}</dt>
            <dd>{t('auditor-review.facts.questionnaireValue', { title, version: questionnaire.version })}</dd>
          </div>
          <div>
            <dt>{t('auditor-review.facts.campaign')}</dt>
            <dd>{file.content.campaignYear}</dd>
          </div>
          <div>
            <dt>{t('auditor-review.facts.exportedAt')}</dt>
            <dd>{day(file.exportedAt)}</dd>
          </div>
          <div>
            <dt>{t('auditor-review.facts.sharingLevel')}</dt>
            <dd>{t(`auditor-review.levels.${file.sharingLevel}`)}</dd>
          </div>
          <div>
            <dt>{t('auditor-review.facts.snapshot')}</dt>
            <dd>
              {file.content.snapshot
                ? t('auditor-review.facts.snapshotValue', {
                    date: day(file.content.snapshot.frozenAt),
                    digest: file.content.snapshot.digest.slice(0, 16),
                  })
                : t('auditor-review.facts.noSnapshot')}
            </dd>
          </div>
          <div>
            <dt>{t('auditor-review.facts.score')}</dt>
            <dd>
              {file.content.scores.overall.score === undefined
                ? t('auditor-review.facts.noScore')
                : formatScore(file.content.scores.overall.score, language)}
            </dd>
          </div>
          <div>
            <dt>{t('auditor-review.facts.completeness')}</dt>
            <dd>
              {file.content.scores.overall.completeness === undefined
                ? t('auditor-review.facts.noScore')
                : t('auditor-review.facts.completenessValue', {
                    share: formatPercent(file.content.scores.overall.completeness, language, 0),
                    answered: n(file.content.scores.overall.answered),
                    applicable: n(file.content.scores.overall.applicable),
                  })}
            </dd>
          </div>
          <div>
            <dt>{t('auditor-review.facts.digest')}</dt>
            <dd>
              <code className="review-facts__digest">{model.subject.id}</code>
            </dd>
          </div>
        </dl>
        {previous ? (
          <p className="notice">
            {t('auditor-review.previousReview', {
              date: day(previous.exported.reviewedAt),
              outcome: outcomeWords(previous.exported.outcome),
              exportedAt: day(previous.submissionExportedAt),
            })}
          </p>
        ) : null}
        {draft?.exported ? (
          <p className="notice notice--success">
            {t('auditor-review.exportedNotice', {
              date: day(draft.exported.reviewedAt),
              outcome: outcomeWords(draft.exported.outcome),
            })}
          </p>
        ) : null}
      </section>

      {hasAnswers ? (
        <section className="section" aria-labelledby="review-items">
          <h2 id="review-items">{t('auditor-review.items.title')}</h2>
          {file.sharingLevel === 'auditor' ? <p>{t('auditor-review.auditorLevel')}</p> : null}
          <p>{t('auditor-review.items.progress', { count: marked, marked: n(marked), total: n(items.length) })}</p>
          <fieldset className="review-filters">
            <legend>{t('auditor-review.items.filters')}</legend>
            <div className="choices">
              {itemFilters.map((f) => (
                <label key={f} className="choice">
                  <input
                    type="radio"
                    name="review-filter"
                    value={f}
                    checked={filter === f}
                    onChange={() => setFilter(f)}
                  />
                  {t(`auditor-review.items.filter.${f}`, { value: n(counts[f]) })}
                </label>
              ))}
            </div>
          </fieldset>
          <p role="status" className="review-filters__shown">
            {t('auditor-review.items.shown', { count: shown.length, shown: n(shown.length) })}
          </p>
          {shown.length === 0 ? <p>{t('auditor-review.items.noneShown')}</p> : null}
          {shownChanged.length > 0 && previous ? (
            <section className="review-changes" aria-labelledby="review-changes">
              <h3 id="review-changes">
                {t('auditor-review.changes.title', {
                  count: shownChanged.length,
                  date: day(previous.exported.reviewedAt),
                })}
              </h3>
              <p>{t('auditor-review.changes.intro')}</p>
              {shownChanged.map((item) => renderItem(item, changedById.get(item.id)))}
            </section>
          ) : null}
          {questionnaire.domains.map((domain) => {
            const inDomain = shownOthers.filter((item) => item.domain === domain.id);
            if (inDomain.length === 0) return null;
            return (
              <section key={domain.id} aria-labelledby={`review-domain-${domain.id}`} className="review-domain">
                <h3 id={`review-domain-${domain.id}`}>{domain.title[language]}</h3>
                {inDomain.map((item) => renderItem(item))}
              </section>
            );
          })}
        </section>
      ) : (
        <p className="notice notice--warning">{t('auditor-review.statisticsLevel')}</p>
      )}

      <ReviewOpinion model={model} marks={marks} beforeExport={flush} />
    </div>
  );
}
