import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { downloadFile } from '../../components/download-file';
import { SigningKeyCard } from '../../components/signing-key-card';
import { PageHeading } from '../../components/page-heading';
import { buildExportEnvelope } from '../../exchange/build-export';
import { sharingLevels, type SharingLevel, type UnsealedExportEnvelope } from '../../exchange/export-format';
import { currentLanguage } from '../../i18n/i18n';
import { describeError, describeExportRejection } from '../../texts/describe-error';
import { formatBytes, formatDateTime } from '../../texts/format';
import { SnapshotRepository } from '../../storage/snapshot-repository';
import { useDatabase, useLiveQuery } from '../../storage/use-database';
import { useAssessmentWithEstablishment, useQuestionnaire } from '../../storage/use-repositories';
import { useSigningKey } from '../../storage/use-signing-key';
import {
  gatherExportSource,
  installationSigner,
  makeExportFile,
  recordSentExport,
  type ExportSource,
} from './make-export';
import { ReceivedReviewPanel } from './received-review-panel';
import { Loading, NotFound } from '../../components/page-states';
import './exchange.css';
import { DisplayName } from '../../components/display-name';

type Status = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

/**
 * Export of one assessment for the GRADeS or the ARS (route /assessments/:assessmentId/export): the sharing level,
 * explained in plain words, the evidence files optionally, what the file will hold, and the download. The file is
 * re-read by the import's own validation before it is handed over (design §4 Exchange; peers.md §4 items 1, 15).
 */
export function ExportPage() {
  const { t } = useTranslation();
  const { assessmentId = '' } = useParams();
  const db = useDatabase();
  const found = useAssessmentWithEstablishment(assessmentId);
  // ?snapshot=<id>: the export file of a snapshot (issue 18), against the questionnaire version it was frozen on.
  const [params] = useSearchParams();
  const snapshotId = params.get('snapshot') ?? undefined;
  const snapshot = useLiveQuery(
    async () => (snapshotId === undefined ? undefined : ((await new SnapshotRepository(db).get(snapshotId)) ?? null)),
    [db, snapshotId],
  );
  const answered = snapshot ?? found?.assessment;
  const loaded = useQuestionnaire(answered?.questionnaireId, answered?.questionnaireVersion);
  const source = useLiveQuery(
    async () =>
      found && loaded.status === 'ready' && (snapshotId === undefined || snapshot)
        ? gatherExportSource(db, found.assessment.id, loaded.value, {
            appVersion: __APP_VERSION__,
            now: new Date(),
            snapshotId,
          })
        : undefined,
    [db, found?.assessment, loaded, snapshot, snapshotId],
  );

  if (found === undefined || loaded.status === 'loading' || (snapshotId !== undefined && snapshot === undefined)) {
    return <Loading />;
  }
  if (found === null || loaded.status !== 'ready' || snapshot === null) {
    return <NotFound message={t('exchange.export.notFound')} />;
  }
  const { assessment, establishment } = found;
  const language = currentLanguage();
  const title = loaded.value.questionnaire.title[language];
  return (
    <div className="export-page">
      <p className="breadcrumb">
        <Link to={`/establishments/${establishment.id}`}>
          <DisplayName name={establishment.name} />
        </Link>
      </p>
      <PageHeading title={`${t('exchange.export.title')} — ${title} — ${assessment.campaignYear}`}>
        {t('exchange.export.title')}
      </PageHeading>
      <p className="lead">{t('exchange.export.subtitle', { title, year: assessment.campaignYear })}</p>
      {snapshot ? (
        <p className="notice">
          {t('exchange.export.fromSnapshot', {
            name: snapshot.name,
            date: formatDateTime(snapshot.frozenAt, language),
          })}
        </p>
      ) : null}
      <p>{t('exchange.export.intro')}</p>
      {source ? <ExportForm source={source} /> : <Loading />}
      <ReceivedReviewPanel assessmentId={assessment.id} reviewChanges={source?.input.reviewChanges} />
    </div>
  );
}

function ExportForm({ source }: { source: ExportSource }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const db = useDatabase();
  const signingKey = useSigningKey();
  const [level, setLevel] = useState<SharingLevel>('auditor');
  const [withEvidence, setWithEvidence] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const evidenceAllowed = level === 'full' && source.evidenceCount > 0;
  // What the file will hold, from the very envelope the export builds (only the date differs).
  const preview = buildExportEnvelope(source.input, level);

  const submit = async (event: { preventDefault: () => void }) => {
    event.preventDefault();
    if (signingKey.status === 'loading') return;
    setStatus({ kind: 'working' });
    try {
      const zipped = withEvidence && evidenceAllowed;
      const { questionnaire, contentHash = source.input.assessment.contentHash } = source.input;
      const fresh = await gatherExportSource(
        db,
        source.input.assessment.id,
        { questionnaire, contentHash },
        {
          appVersion: __APP_VERSION__,
          now: new Date(),
          withEvidenceBytes: zipped,
          snapshotId: source.snapshotId,
        },
      );
      const signer = signingKey.status === 'ready' ? installationSigner(signingKey.key) : undefined;
      const file = await makeExportFile(fresh, level, { signer, withEvidence: zipped });
      if (!file.check.ok) {
        setStatus({
          kind: 'error',
          text: t('exchange.export.selfCheckFailed', { reason: describeExportRejection(t, file.check) }),
        });
        return;
      }
      downloadFile(file.bytes, file.fileName, file.type);
      // Remembered by its digest, so that the auditor's review of this very file can be imported (issue 18).
      await recordSentExport(db, fresh, file);
      setStatus({ kind: 'done', text: t('exchange.export.done', { file: file.fileName }) });
    } catch (error) {
      setStatus({ kind: 'error', text: t('exchange.export.failed', { reason: describeError(t, error) }) });
    }
  };

  return (
    <>
      {signingKey.status === 'none' ? <p className="notice notice--warning">{t('exchange.export.unsigned')}</p> : null}
      <form className="form export-form" onSubmit={(event) => void submit(event)} aria-labelledby="export-form-title">
        <h2 id="export-form-title" className="visually-hidden">
          {t('exchange.export.title')}
        </h2>
        <fieldset className="export-levels">
          <legend>{t('exchange.export.levelLegend')}</legend>
          {sharingLevels.map((l) => (
            <div key={l} className="export-level">
              <input
                type="radio"
                id={`export-level-${l}`}
                name="sharing-level"
                value={l}
                checked={level === l}
                onChange={() => setLevel(l)}
                aria-describedby={`export-level-${l}-description`}
              />
              <div>
                <label htmlFor={`export-level-${l}`}>{t(`exchange.export.levels.${l}.label`)}</label>
                <p id={`export-level-${l}-description`} className="field__hint">
                  {t(`exchange.export.levels.${l}.description`)}
                </p>
              </div>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <div className="field--checkbox">
            <input
              type="checkbox"
              id="export-with-evidence"
              checked={withEvidence && evidenceAllowed}
              disabled={!evidenceAllowed}
              onChange={(e) => setWithEvidence(e.target.checked)}
              aria-describedby="export-with-evidence-hint"
            />
            <label htmlFor="export-with-evidence">{t('exchange.export.withEvidence')}</label>
          </div>
          <p id="export-with-evidence-hint" className="field__hint">
            {source.evidenceCount === 0
              ? t('exchange.export.noEvidence')
              : level !== 'full'
                ? t('exchange.export.evidenceFullOnly')
                : t('exchange.export.withEvidenceHint', {
                    count: source.evidenceCount,
                    size: formatBytes(source.evidenceSize, language),
                  })}
          </p>
        </div>
        <section aria-labelledby="export-contents-title" className="export-contents">
          <h2 id="export-contents-title">{t('exchange.export.contentsTitle')}</h2>
          <ul data-testid="export-contents">
            {contentLines(preview, withEvidence && evidenceAllowed).map(([key, values]) => (
              <li key={key}>{t(`exchange.export.contents.${key}`, values)}</li>
            ))}
          </ul>
        </section>
        <div className="button-row">
          <button
            type="submit"
            className="button button--primary"
            disabled={status.kind === 'working' || signingKey.status === 'loading'}
          >
            {status.kind === 'working' ? t('exchange.export.working') : t('exchange.export.download')}
          </button>
        </div>
      </form>
      <div role="status" className="export-status">
        {status.kind === 'done' ? <p className="notice notice--success">{status.text}</p> : null}
      </div>
      {status.kind === 'error' ? (
        <p className="notice notice--error" role="alert">
          {status.text}
        </p>
      ) : null}
      <SigningKeyCard state={signingKey} />
    </>
  );
}

type ContentKey =
  | 'identity'
  | 'scores'
  | 'answersFull'
  | 'answersAuditor'
  | 'criticalGaps'
  | 'budgetFull'
  | 'budgetRatios'
  | 'applicationsFull'
  | 'applicationsAuditor'
  | 'mfa'
  | 'actionsFull'
  | 'actionsAuditor'
  | 'evidenceList'
  | 'evidenceFiles';

/** The lines of "what the file will hold", read from the envelope itself so that the list can never be wrong. */
function contentLines(envelope: UnsealedExportEnvelope, withFiles: boolean): [ContentKey, Record<string, unknown>][] {
  const { content, sharingLevel } = envelope;
  const full = sharingLevel === 'full';
  const lines: [ContentKey, Record<string, unknown>][] = [
    ['identity', {}],
    ['scores', { answered: content.scores.overall.answered, applicable: content.scores.overall.applicable }],
  ];
  if (content.answers) {
    const comments = Object.values(content.answers).filter((a) => a.comment !== undefined).length;
    lines.push(full ? ['answersFull', { comments }] : ['answersAuditor', {}]);
  }
  if (content.criticalGaps) lines.push(['criticalGaps', {}]);
  if (content.budget)
    lines.push([content.budget.inputs ? 'budgetFull' : 'budgetRatios', { year: content.budget.year }]);
  if (content.applications)
    lines.push([full ? 'applicationsFull' : 'applicationsAuditor', { count: content.applications.length }]);
  if (content.mfa) lines.push(['mfa', {}]);
  if (content.actions) lines.push([full ? 'actionsFull' : 'actionsAuditor', { count: content.actions.length }]);
  if (content.evidence) {
    lines.push(['evidenceList', { count: content.evidence.length }]);
    if (withFiles) lines.push(['evidenceFiles', { count: content.evidence.length }]);
  }
  return lines;
}
