import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile, fileDate } from '../../components/download-file';
import { PageHeading } from '../../components/page-heading';
import { consolidatedCsvTable, serializeCsv } from '../../domain/consolidation/consolidated-csv';
import { leaveOutDeclared } from '../../domain/consolidation/consolidate';
import { contentLookup } from '../../domain/questionnaire/content-lookup';
import { currentLanguage } from '../../i18n/i18n';
import { describeError, describeExportRejection } from '../../texts/describe-error';
import { consolidatedCsvLabels, csvColumnChoices, type CsvColumnChoice } from '../../texts/consolidated-csv-labels';
import { formatNumber } from '../../texts/format';
import { reviewCampaignKey, reviewStandings } from '../../domain/review/review-draft';
import { useDatabase, useLiveQuery } from '../../storage/use-database';
import { useAllQuestionnaires, useRepositories } from '../../storage/use-repositories';
import { Dashboard } from './dashboard';
import { ExpectedListPanel, type LoadedExpectedList } from './expected-list-panel';
import { ImportPanel } from './import-panel';
import { MissingSection } from './missing-section';
import { KeyReviewPanel } from './key-review-panel';
import { useAuditorData } from './use-auditor-data';
import './auditor.css';

/**
 * The auditor's workspace (design §2 and §4; peers.md §4 items 13 and 14): import a region's files, see who is
 * missing, compare establishments, export the consolidated CSV. Nothing leaves the device: files are read locally,
 * validated in a worker and stored in this browser's IndexedDB.
 */
export function AuditorPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const db = useDatabase();
  const readOnly = db.access === 'read-only';
  const { importState, consolidation, importFiles, cancel, clear: clearAll, decide } = useAuditorData(db);
  const questionnaires = useAllQuestionnaires();
  const [expected, setExpected] = useState<LoadedExpectedList | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);

  const content = useMemo(
    () =>
      contentLookup(
        (questionnaires.status === 'ready' ? questionnaires.value : []).map((loaded) => loaded.questionnaire),
        language,
      ),
    [questionnaires, language],
  );
  const allRows = useMemo(
    () => (consolidation.status === 'ready' ? consolidation.consolidation.rows : []),
    [consolidation],
  );
  // Figures declared at the statistics level, not recomputed: marked « déclaré », and left out of the dashboard, the
  // CSV and the PDFs when the auditor asks.
  const [withoutDeclared, setWithoutDeclared] = useState(false);
  const declaredCount = useMemo(() => allRows.filter((r) => r.declared).length, [allRows]);
  const rows = useMemo(() => (withoutDeclared ? leaveOutDeclared(allRows) : allRows), [allRows, withoutDeclared]);
  // Where each file's review stands (issue 18): from the review drafts of this device, kept up to date.
  const { reviewDrafts } = useRepositories();
  const drafts = useLiveQuery(() => reviewDrafts.list(), [reviewDrafts]);
  const reviews = useMemo(
    () =>
      reviewStandings(rows, drafts ?? [], (r) =>
        reviewCampaignKey(r.finessEg ?? r.finessEj, r.questionnaireId, r.campaignYear),
      ),
    [rows, drafts],
  );
  // Why an expected establishment has no file kept: a stored file held back for its key (survives a reload), or a
  // file refused by this session's import (the FINESS it claims, unverified).
  const heldByKey = consolidation.status === 'ready' ? consolidation.heldByKey : undefined;
  const summary = importState.status === 'done' ? importState.summary : undefined;
  const refusals = useMemo(() => {
    const map = new Map<string, string[]>();
    const add = (finess: string, reason: string) => map.set(finess, [...(map.get(finess) ?? []), reason]);
    for (const [finess, trust] of heldByKey ?? [])
      add(finess, t(trust === 'rejected' ? 'auditor.expected.reasonKeyRejected' : 'auditor.expected.reasonKeyChanged'));
    for (const file of summary?.rejectedFiles ?? [])
      for (const finess of file.claimedFiness ?? [])
        add(finess, `${describeExportRejection(t, file)} (${t('auditor.expected.claimed')})`);
    return map;
  }, [heldByKey, summary, t]);

  // The CSV's columns: in words for Excel by default, or the stable codes for a script (issue 16).
  const [csvColumns, setCsvColumns] = useState<CsvColumnChoice>('labels');
  const downloadCsv = () => {
    const labels =
      csvColumns === 'labels'
        ? consolidatedCsvLabels(t, content, [...new Set(rows.map((r) => r.questionnaireId))])
        : undefined;
    const table = consolidatedCsvTable(rows, {
      ...(expected ? { expected: expected.list.entries } : {}),
      refusals,
      ...(labels ? { labels } : {}),
      reviews,
    });
    downloadFile(serializeCsv(table), `consolidation-autodiag-care_${fileDate()}.csv`, 'text/csv;charset=utf-8');
  };

  const clear = async () => {
    setConfirmClear(false);
    try {
      await clearAll();
      setMessage({ kind: 'success', text: t('auditor.export.cleared') });
    } catch (error) {
      setMessage({ kind: 'error', text: describeError(t, error) });
    }
  };

  return (
    <div className="auditor">
      <PageHeading title={t('auditor.title')}>{t('auditor.title')}</PageHeading>
      <p className="lead">{t('auditor.lead')}</p>
      <ImportPanel
        state={importState}
        // Not before the stored files are read: the import adds to what was read.
        disabled={readOnly || consolidation.status === 'loading'}
        onFiles={(files) => void importFiles(files)}
        onCancel={cancel}
      />
      <KeyReviewPanel decide={decide} disabled={readOnly || importState.status === 'running'} />
      <ExpectedListPanel expected={expected} onChange={setExpected} />
      {consolidation.status === 'loading' ? <p role="status">{t('auditor.loading')}</p> : null}
      {consolidation.status === 'failed' ? (
        <p className="notice notice--error" role="alert">
          {describeError(t, consolidation.error)}
        </p>
      ) : null}
      {consolidation.status === 'ready' && rows.length === 0 ? <p>{t('auditor.empty')}</p> : null}
      {declaredCount > 0 ? (
        <div className="field field--checkbox declared-option">
          <input
            id="auditor-without-declared"
            type="checkbox"
            checked={withoutDeclared}
            aria-describedby="auditor-declared-hint"
            onChange={(event) => setWithoutDeclared(event.target.checked)}
          />
          <label htmlFor="auditor-without-declared">{t('auditor.declared.leaveOut')}</label>
          <p id="auditor-declared-hint" className="field__hint">
            {t('auditor.declared.hint', { count: declaredCount, value: formatNumber(declaredCount, language) })}
          </p>
        </div>
      ) : null}
      {rows.length > 0 ? (
        <>
          <p>{t('auditor.stored', { count: rows.length, value: formatNumber(rows.length, language) })}</p>
          <Dashboard
            rows={rows}
            content={content}
            expected={expected?.list.entries}
            refusals={refusals}
            reviews={reviews}
          />
        </>
      ) : null}
      {consolidation.status === 'ready' && allRows.length === 0 && expected ? (
        // Every file refused (or none imported yet): the expected list still says who sent a refused file, and why.
        <MissingSection
          rows={[]}
          expected={expected.list.entries}
          year={undefined}
          refusals={refusals}
          headingLevel={2}
        />
      ) : null}
      {rows.length > 0 || (expected && consolidation.status === 'ready') ? (
        <>
          <section className="section" aria-labelledby="auditor-export">
            <h2 id="auditor-export">{t('auditor.export.title')}</h2>
            <p id="auditor-csv-hint">{t('auditor.export.csvHint')}</p>
            <fieldset className="csv-columns" aria-describedby="auditor-csv-columns-hint">
              <legend>{t('auditor.export.columnsLegend')}</legend>
              {csvColumnChoices.map((choice) => (
                <label key={choice} className="csv-columns__choice">
                  <input
                    type="radio"
                    name="auditor-csv-columns"
                    value={choice}
                    checked={csvColumns === choice}
                    onChange={() => setCsvColumns(choice)}
                  />
                  {choice === 'labels' ? t('auditor.export.columnsLabels') : t('auditor.export.columnsCodes')}
                </label>
              ))}
              <p id="auditor-csv-columns-hint" className="field__hint">
                {t('auditor.export.columnsHint')}
              </p>
            </fieldset>
            <div className="button-row">
              <button
                type="button"
                className="button button--primary"
                aria-describedby="auditor-csv-hint"
                onClick={downloadCsv}
              >
                {t('auditor.export.csv')}
              </button>
              <button
                type="button"
                className="button button--danger"
                disabled={readOnly || importState.status === 'running' || allRows.length === 0}
                onClick={() => {
                  setConfirmClear(true);
                  setTimeout(() => cancelButton.current?.focus(), 0);
                }}
              >
                {t('auditor.export.clear')}
              </button>
            </div>
            {confirmClear ? (
              <div
                className="notice notice--warning confirm"
                role="alertdialog"
                aria-labelledby="auditor-clear-warning"
              >
                <p id="auditor-clear-warning">
                  {t('auditor.export.clearConfirm', { count: rows.length, value: formatNumber(rows.length, language) })}
                </p>
                <div className="button-row">
                  <button type="button" className="button button--danger" onClick={() => void clear()}>
                    {t('auditor.export.confirm')}
                  </button>
                  {/* The focus starts on the harmless choice, so that a stray Enter deletes nothing. */}
                  <button ref={cancelButton} type="button" className="button" onClick={() => setConfirmClear(false)}>
                    {t('common.cancel')}
                  </button>
                </div>
              </div>
            ) : null}
          </section>
        </>
      ) : null}
      {message ? (
        <p
          className={`notice ${message.kind === 'error' ? 'notice--error' : ''}`}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
