import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n';
import { describeError, describeExportRejection, describeStorageError } from '../../texts/describe-error';
import { formatNumber } from '../../texts/format';
import { DisplayName } from '../../components/display-name';
import { exportFilesOfFolder, filesOfDrop } from './collect-files';
import type { ImportSummary } from './import-protocol';
import type { ImportState } from './use-auditor-data';

/**
 * Import of many files at once: a multiple file picker, a folder picker and a drop zone, all handing the files to the
 * import (run-import.ts); then the progress with a stop button, then the summary. The pickers are the keyboard path; the drop zone is
 * an extra for the mouse.
 */
export function ImportPanel({
  state,
  disabled,
  onFiles,
  onCancel,
}: {
  state: ImportState;
  disabled: boolean;
  onFiles: (files: File[]) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [dragging, setDragging] = useState(false);
  const [noFiles, setNoFiles] = useState(false);
  const running = state.status === 'running';
  const busy = disabled || running;

  const start = (files: File[]) => {
    setNoFiles(files.length === 0);
    if (files.length > 0) onFiles(files);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (busy) return;
    // A drop that cannot be read (a folder the browser refuses to open) counts as a drop of nothing.
    void filesOfDrop(event.dataTransfer).then(start, () => start([]));
  };

  return (
    <section className="section" aria-labelledby="auditor-import">
      <h2 id="auditor-import">{t('auditor.import.title')}</h2>
      <div
        className={`drop-zone${dragging ? ' drop-zone--active' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          if (!busy) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <div className="button-row">
          <label className={`button button--primary${busy ? ' button--disabled' : ''}`}>
            {t('auditor.import.files')}
            <input
              type="file"
              multiple
              accept=".json,.zip,application/json,application/zip"
              className="visually-hidden"
              disabled={busy}
              aria-describedby="auditor-files-hint"
              onChange={(event) => {
                start(Array.from(event.target.files ?? []));
                event.target.value = '';
              }}
            />
          </label>
          <label className={`button${busy ? ' button--disabled' : ''}`}>
            {t('auditor.import.folder')}
            <input
              type="file"
              multiple
              className="visually-hidden"
              disabled={busy}
              aria-describedby="auditor-folder-hint"
              ref={(input) => {
                // Not a standard attribute React knows: set on the element (supported by every current browser).
                if (input) input.webkitdirectory = true;
              }}
              onChange={(event) => {
                start(exportFilesOfFolder(event.target.files));
                event.target.value = '';
              }}
            />
          </label>
        </div>
        <p id="auditor-files-hint" className="field__hint">
          {t('auditor.import.filesHint')}
        </p>
        <p id="auditor-folder-hint" className="field__hint">
          {t('auditor.import.folderHint')}
        </p>
        <p className="drop-zone__hint">{dragging ? t('auditor.import.dropActive') : t('auditor.import.drop')}</p>
      </div>
      {noFiles ? (
        <p className="notice notice--warning" role="alert">
          {t('auditor.import.noFiles')}
        </p>
      ) : null}
      {state.status === 'running' ? (
        <div className="import-progress" role="status">
          <label htmlFor="auditor-progress">{t('auditor.import.progressLabel')}</label>
          <progress id="auditor-progress" max={state.progress.total} value={state.progress.done} />
          <p>
            {t('auditor.import.progress', {
              done: formatNumber(state.progress.done, language),
              total: formatNumber(state.progress.total, language),
            })}
          </p>
          <button type="button" className="button" disabled={state.cancelling} onClick={onCancel}>
            {state.cancelling ? t('auditor.import.cancelling') : t('auditor.import.cancel')}
          </button>
        </div>
      ) : null}
      {state.status === 'failed' ? (
        <p className="notice notice--error" role="alert">
          {t('auditor.import.failed', { reason: describeError(t, state.error) })}
        </p>
      ) : null}
      {state.status === 'done' ? <ImportSummaryView summary={state.summary} /> : null}
    </section>
  );
}

function ImportSummaryView({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const n = (value: number) => formatNumber(value, language);
  const counts = [
    ['imported', summary.imported],
    ['replaced', summary.replaced],
    ['keptNewer', summary.keptNewer],
    ['identical', summary.identical],
    ['held', summary.held],
    ['rejected', summary.rejected],
  ] as const;
  // An import stopped by a refused write: how far it went, for the message that says what to do next.
  const stopped = {
    stored: n(summary.imported + summary.replaced),
    total: n(summary.total),
    notStored: n(summary.notStored ?? 0),
    notRead: n(summary.notRead ?? 0),
  };
  return (
    <div className="import-summary">
      <h3>{t('auditor.summary.title')}</h3>
      <p role="status">
        {summary.cancelled
          ? t('auditor.summary.cancelled', { done: n(summary.done), total: n(summary.total) })
          : t('auditor.summary.read', {
              total: n(summary.done),
              seconds: formatNumber(summary.durationMs / 1000, language, { maximumFractionDigits: 1 }),
            })}
      </p>
      <table className="data-table import-summary__counts">
        <caption>{t('auditor.summary.countsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('auditor.summary.outcome')}</th>
            <th scope="col">{t('auditor.summary.files')}</th>
          </tr>
        </thead>
        <tbody>
          {counts.map(([key, value]) => (
            <tr key={key} data-outcome={key}>
              <th scope="row">{t(`auditor.summary.${key}`)}</th>
              <td>{n(value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.unsigned > 0 ? (
        <p className="notice notice--warning">
          {t('auditor.summary.unsigned', { count: summary.unsigned, value: n(summary.unsigned) })}
        </p>
      ) : null}
      {summary.storageError ? (
        <p className="notice notice--error" role="alert">
          {summary.storageError === 'quota-exceeded'
            ? t('auditor.summary.storageFull', stopped)
            : t('auditor.summary.storageError', { ...stopped, reason: describeStorageError(t, summary.storageError) })}
        </p>
      ) : null}
      {summary.rejectedFiles.length > 0 ? (
        <>
          <h4>{t('auditor.summary.rejectedTitle')}</h4>
          <p>{t('auditor.summary.rejectedIntro')}</p>
          <ul className="rejected-files">
            {summary.rejectedFiles.map((file, i) => (
              <li key={`${file.fileName}-${i}`}>{describeExportRejection(t, file)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {summary.keyChanged.length > 0 ? (
        <>
          <h4>{t('auditor.summary.keyChangedTitle')}</h4>
          <p>{t('auditor.summary.keyChangedIntro')}</p>
          <ul>
            {summary.keyChanged.map((file) => (
              <li key={file.fileName}>
                <span className="file-name">
                  <DisplayName name={file.fileName} />
                </span>{' '}
                — <code>{file.finess}</code> —{' '}
                {file.trust === 'rejected'
                  ? t('auditor.summary.keyRejected')
                  : file.held
                    ? t('auditor.summary.keyHeld')
                    : t('auditor.summary.keyStored')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
