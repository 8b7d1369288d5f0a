import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { AssessmentBreadcrumb } from '../../components/assessment-breadcrumb';
import { downloadFile } from '../../components/download-file';
import { Loading, NotFound } from '../../components/page-states';
import { PageHeading } from '../../components/page-heading';
import type { ItemReadiness, ObjectiveReadiness } from '../../domain/declaration/declaration-readiness';
import type { DeclarationWindowId } from '../../domain/evidence/expected-proofs';
import type { Language } from '../../domain/localized-text';
import type { QuestionnaireItem } from '../../domain/questionnaire/questionnaire-schema';
import { addDays } from '../../domain/scoring/iso-date';
import { currentLanguage } from '../../i18n/i18n';
import type { EvidenceSummary } from '../../storage/evidence-repository';
import { useDatabase } from '../../storage/use-database';
import { describeFailure } from '../../texts/describe-error';
import { formatDate, formatDateTime } from '../../texts/format';
import { useDeclaration, type DeclarationModel } from './use-declaration';
import './declaration.css';

/**
 * Route /assessments/:assessmentId/declaration?window=…&snapshot=… (issue 18): for a declaration window (CaRE
 * domain 1, domain 2, HospiConnect), each official objective with its state — ready, or not and why — read from a
 * snapshot at its freeze date, or from the assessment today; from a snapshot, the pack to download (a zip: a PDF cover
 * and the proofs in folders named by objective id). Everything is in the address, so a reload shows the same thing.
 */
export function DeclarationPage() {
  const { t } = useTranslation();
  const { assessmentId = '' } = useParams();
  const [params] = useSearchParams();
  const state = useDeclaration(assessmentId, params.get('snapshot') ?? undefined, params.get('window') ?? undefined);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'not-found') return <NotFound message={t('results.notFound')} />;
  if (state.status === 'questionnaire-missing') {
    return (
      <p className="notice notice--error" role="alert">
        {t('assessment.questionnaireMissing', {
          id: state.assessment.questionnaireId,
          version: state.assessment.questionnaireVersion,
        })}
      </p>
    );
  }
  return <Declaration model={state.model} />;
}

function Declaration({ model }: { model: DeclarationModel }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const id = useId();
  const [, setParams] = useSearchParams();
  const { assessment, establishment, questionnaire, snapshots, snapshot, windows, readiness } = model;
  const name = `${questionnaire.title[language]} ${assessment.campaignYear}`;
  const base = `/assessments/${assessment.id}`;
  const choose = (key: 'window' | 'snapshot', value: string) =>
    setParams((p) => {
      if (value) p.set(key, value);
      else p.delete(key);
      return p;
    });
  const itemsById = new Map(questionnaire.items.map((item) => [item.id, item]));

  return (
    <div className="declaration">
      <AssessmentBreadcrumb establishment={establishment} assessmentId={assessment.id} assessmentName={name}>
        <li>
          <Link to={`${base}/results`}>{t('results.short')}</Link>
        </li>
        <li>
          <Link to={`${base}/snapshots`}>{t('snapshots.heading')}</Link>
        </li>
      </AssessmentBreadcrumb>
      <PageHeading title={`${t('declaration.heading')} — ${name}`}>
        {t('declaration.heading')}
        <span className="page-heading__sub">{name}</span>
      </PageHeading>
      <p className="lead">{t('declaration.intro')}</p>

      {windows.length === 0 ? (
        <p className="notice">{t('declaration.noWindow')}</p>
      ) : (
        <form className="filters declaration__choices" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor={`${id}-window`}>{t('declaration.window')}</label>
            <select
              id={`${id}-window`}
              value={readiness?.window.id ?? ''}
              onChange={(e) => choose('window', e.target.value)}
            >
              {windows.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.title[language]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-snapshot`}>{t('declaration.readFrom')}</label>
            <select
              id={`${id}-snapshot`}
              value={snapshot?.id ?? ''}
              onChange={(e) => choose('snapshot', e.target.value)}
            >
              <option value="">{t('declaration.living')}</option>
              {snapshots.map((s) => (
                <option key={s.id} value={s.id}>
                  {t('declaration.snapshotOption', { name: s.name, date: formatDateTime(s.frozenAt, language) })}
                </option>
              ))}
            </select>
          </div>
        </form>
      )}

      {readiness ? (
        <>
          <p className="declaration__source">{t('declaration.source', { source: readiness.window.source })}</p>
          <p className="declaration__summary" role="status">
            {t('declaration.summary', {
              count: readiness.objectives.length,
              ready: readiness.ready,
              date: formatDate(readiness.asOf, language),
            })}
          </p>
          {snapshot ? (
            <PackDownload snapshotId={snapshot.id} windowId={readiness.window.id} language={language} />
          ) : (
            <p className="notice">
              {t('declaration.freezeFirst')} <Link to={`${base}/snapshots`}>{t('declaration.openSnapshots')}</Link>
            </p>
          )}
          <ol className="declaration__objectives">
            {readiness.objectives.map((objective) => (
              <li key={objective.objective.id}>
                <ObjectiveCard
                  objective={objective}
                  itemsById={itemsById}
                  assessmentId={assessment.id}
                  language={language}
                />
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </div>
  );
}

function ObjectiveCard({
  objective,
  itemsById,
  assessmentId,
  language,
}: {
  objective: ObjectiveReadiness<EvidenceSummary>;
  itemsById: Map<string, QuestionnaireItem>;
  assessmentId: string;
  language: Language;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <article className={`objective objective--${objective.state}`} aria-labelledby={headingId}>
      <h2 id={headingId} className="objective__title">
        <span className="objective__id">{objective.objective.id}</span> {objective.objective.title[language]}
      </h2>
      <p className={`objective__state objective__state--${objective.state}`}>
        {t(`declaration.states.${objective.state}`)}
      </p>
      <ul className="objective__items">
        {objective.items.map((item) => (
          <li key={item.itemId}>
            <ItemLine
              item={item}
              question={itemsById.get(item.itemId)}
              assessmentId={assessmentId}
              language={language}
              inferred={objective.inferredItemIds.includes(item.itemId)}
            />
          </li>
        ))}
      </ul>
    </article>
  );
}

function ItemLine({
  item,
  question,
  assessmentId,
  language,
  inferred,
}: {
  item: ItemReadiness<EvidenceSummary>;
  question: QuestionnaireItem | undefined;
  assessmentId: string;
  language: Language;
  inferred: boolean;
}) {
  const { t } = useTranslation();
  const link = question
    ? `/assessments/${assessmentId}/${question.domain}?item=${encodeURIComponent(item.itemId)}`
    : undefined;
  return (
    <div className="objective-item">
      <p className="objective-item__head">
        <span className="badge">{item.itemId}</span>{' '}
        <span className={`answer-state objective-item__answer--${item.answer}`}>
          {t(`declaration.answers.${item.answer}`)}
        </span>
        {inferred ? <span className="badge">{t('declaration.inferred')}</span> : null}
      </p>
      {question ? <p className="objective-item__question">{question.question[language]}</p> : null}
      {item.problems.length > 0 ? (
        <ul className="objective-item__problems">
          {item.problems.map((p) => (
            <li key={p}>{t(`declaration.problems.${p}`)}</li>
          ))}
        </ul>
      ) : null}
      <p className="objective-item__label">{t('declaration.expectedProofs')}</p>
      <ul>
        {item.expectedProofs.map((proof) => (
          <li key={proof.fr}>{proof[language]}</li>
        ))}
      </ul>
      {item.proofs.length > 0 ? (
        <>
          <p className="objective-item__label">{t('declaration.attachedProofs')}</p>
          <ul>
            {item.proofs.map(({ proof, validity }) => (
              <li key={proof.id}>
                {proof.name} —{' '}
                {proof.documentDate ? formatDate(proof.documentDate, language) : t('declaration.pack.undated')} —{' '}
                {validity === undefined
                  ? t('declaration.pack.noRule')
                  : validity.status === 'valid'
                    ? t('declaration.pack.validUntil', {
                        date: formatDate(addDays(validity.expiresOn ?? '', -1), language),
                      })
                    : validity.status === 'expired'
                      ? t('declaration.proofExpired', { date: formatDate(validity.expiresOn ?? '', language) })
                      : t('declaration.proofUndated')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {link ? (
        <p className="no-print">
          <Link to={link}>
            {t('declaration.renewal.open')}
            <span className="visually-hidden">
              {' — '}
              {item.itemId}
            </span>
          </Link>
        </p>
      ) : null}
    </div>
  );
}

type PackStatus = { kind: 'idle' } | { kind: 'working' } | { kind: 'done' | 'error'; text: string };

function PackDownload({
  snapshotId,
  windowId,
  language,
}: {
  snapshotId: string;
  windowId: DeclarationWindowId;
  language: Language;
}) {
  const { t } = useTranslation();
  const db = useDatabase();
  const [status, setStatus] = useState<PackStatus>({ kind: 'idle' });
  const download = async () => {
    setStatus({ kind: 'working' });
    try {
      const { buildDeclarationPack } = await import('./declaration-pack');
      const pack = await buildDeclarationPack(db, snapshotId, windowId, language);
      downloadFile(pack.bytes.slice().buffer, pack.fileName, 'application/zip');
      setStatus({ kind: 'done', text: t('declaration.downloaded', { name: pack.fileName, count: pack.proofFiles }) });
    } catch (error) {
      setStatus({ kind: 'error', text: t('declaration.downloadFailed', { reason: describeFailure(t, error) }) });
    }
  };
  return (
    <div className="declaration__download no-print">
      <button
        type="button"
        className="button button--primary"
        disabled={status.kind === 'working'}
        onClick={() => void download()}
      >
        {t('declaration.download')}
      </button>
      <p role="status" className="declaration__download-status">
        {status.kind === 'working' ? t('declaration.downloading') : status.kind === 'done' ? status.text : null}
      </p>
      {status.kind === 'error' ? (
        <p role="alert" className="notice notice--error">
          {status.text}
        </p>
      ) : null}
    </div>
  );
}
