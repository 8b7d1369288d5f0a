import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../components/download-file';
import { useSaveStatus } from '../../components/save-status';
import type { Language } from '../../domain/localized-text';
import { describeError } from '../../texts/describe-error';
import { formatBytes } from '../../texts/format';
import type { EvidenceSummary } from '../../storage/evidence-repository';
import { StorageError } from '../../storage/storage-error';
import { useLiveQuery } from '../../storage/use-database';
import { useRepositories } from '../../storage/use-repositories';
import { ProofValidityFlag } from './proof-validity-flag';

/**
 * The evidence files of one item: any type, stored whole in IndexedDB with their size, SHA-256 and the date of
 * the document itself (a policy signed in 2024 is not a 2026 policy, whatever day it was attached: peers' users
 * asked for that distinction). Opening and downloading never leave the browser; removal asks first.
 */
export function EvidencePanel({
  assessmentId,
  itemId,
  language,
  readOnly,
}: {
  assessmentId: string;
  itemId: string;
  language: Language;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const { evidence } = useRepositories();
  const { save } = useSaveStatus();
  const baseId = useId();
  const files = useLiveQuery(() => evidence.listForItem(assessmentId, itemId), [evidence, assessmentId, itemId]);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  /**
   * Attaches each chosen file in a write of its own, so that a file refused (larger than the space the browser has
   * left) is named and does not stop the others. A refused file stays among the header's unsaved changes: once there
   * is room, « Réessayer » attaches it, and this panel then says so.
   */
  const add = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const chosen = Array.from(list);
    setMessage(null);
    let attached = 0;
    const refusals: string[] = [];
    for (const file of chosen) {
      const attempt = { first: true };
      try {
        const data = await file.arrayBuffer();
        await save(`evidence:${itemId}:${file.name}`, async () => {
          const summary = await evidence.add({ assessmentId, itemId, name: file.name, type: file.type, data });
          if (!attempt.first) {
            setMessage({ kind: 'status', text: t('assessment.evidenceFiles.attachedOnRetry', { name: file.name }) });
          }
          return summary;
        });
        attached += 1;
      } catch (error) {
        refusals.push(describeRefusal(file, error));
      } finally {
        attempt.first = false;
      }
    }
    if (refusals.length === 0) {
      setMessage({ kind: 'status', text: t('assessment.evidenceFiles.added', { count: attached }) });
    } else {
      const done = attached > 0 ? [t('assessment.evidenceFiles.added', { count: attached })] : [];
      setMessage({ kind: 'alert', text: [...refusals, ...done].join(' ') });
    }
    if (input.current) input.current.value = '';
  };

  /** Why a file was not attached, naming it; a full storage says what to do. */
  const describeRefusal = (file: File, error: unknown): string => {
    const size = formatBytes(file.size, language);
    return error instanceof StorageError && error.code === 'quota-exceeded'
      ? t('assessment.evidenceFiles.storageFull', { name: file.name, size })
      : t('assessment.evidenceFiles.notAttached', { name: file.name, size, reason: describeError(t, error) });
  };

  const fetchBlob = async (file: EvidenceSummary): Promise<Blob | undefined> => {
    const row = await evidence.get(file.id);
    return row ? new Blob([row.data], { type: row.type }) : undefined;
  };

  const open = async (file: EvidenceSummary) => {
    const blob = await fetchBlob(file);
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    window.open(url, '_blank', 'noopener');
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  const download = async (file: EvidenceSummary) => {
    const blob = await fetchBlob(file);
    if (blob) downloadFile(blob, file.name, file.type);
  };

  const remove = async (file: EvidenceSummary) => {
    setConfirming(null);
    try {
      await save(`evidence:${file.id}`, () => evidence.remove(file.id));
      setMessage({ kind: 'status', text: t('assessment.evidenceFiles.removed', { name: file.name }) });
      addButton.current?.focus();
    } catch (error) {
      setMessage({ kind: 'alert', text: t('common.save.notSaved', { reason: describeError(t, error) }) });
    }
  };

  const setDate = (file: EvidenceSummary, value: string) => {
    save(`evidence-date:${file.id}`, () => evidence.setDocumentDate(file.id, value || undefined)).catch(
      (error: unknown) =>
        setMessage({ kind: 'alert', text: t('common.save.notSaved', { reason: describeError(t, error) }) }),
    );
  };

  const list = files ?? [];
  return (
    <section className="evidence" aria-labelledby={`${baseId}-title`}>
      <h4 id={`${baseId}-title`}>{t('assessment.evidenceFiles.title', { count: list.length })}</h4>
      {list.length > 0 ? (
        <ul className="evidence__list">
          {list.map((file) => (
            <li key={file.id} className="evidence__file">
              <div className="evidence__name">
                <strong>{file.name}</strong>
                <span className="evidence__meta">
                  {formatBytes(file.size, language)} ·{' '}
                  {t('assessment.evidenceFiles.sha', { sha: file.sha256.slice(0, 12) })}
                </span>
              </div>
              <label className="evidence__date">
                <span className="visually-hidden">
                  {t('assessment.evidenceFiles.documentDateOf', { name: file.name })}
                </span>
                <span aria-hidden="true">{t('assessment.evidenceFiles.documentDate')}</span>
                <input
                  type="date"
                  defaultValue={file.documentDate ?? ''}
                  disabled={readOnly}
                  onChange={(e) => setDate(file, e.target.value)}
                />
              </label>
              <div className="button-row">
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('assessment.evidenceFiles.openLabel', { name: file.name })}
                  onClick={() => void open(file)}
                >
                  {t('assessment.evidenceFiles.open')}
                </button>
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('assessment.evidenceFiles.downloadLabel', { name: file.name })}
                  onClick={() => void download(file)}
                >
                  {t('assessment.evidenceFiles.download')}
                </button>
                <button
                  type="button"
                  className="button button--small button--danger"
                  disabled={readOnly}
                  aria-label={t('assessment.evidenceFiles.removeLabel', { name: file.name })}
                  onClick={() => setConfirming(file.id)}
                >
                  {t('assessment.evidenceFiles.remove')}
                </button>
              </div>
              <ProofValidityFlag itemId={itemId} documentDate={file.documentDate} language={language} />
              {confirming === file.id ? (
                <div
                  className="confirm notice notice--warning"
                  role="alertdialog"
                  aria-labelledby={`${baseId}-${file.id}-q`}
                >
                  <p id={`${baseId}-${file.id}-q`}>
                    {t('assessment.evidenceFiles.confirmRemove', { name: file.name })}
                  </p>
                  <div className="button-row">
                    {/* eslint-disable-next-line jsx-a11y/no-autofocus -- the confirmation takes the focus it asks for */}
                    <button type="button" className="button button--danger" autoFocus onClick={() => void remove(file)}>
                      {t('assessment.evidenceFiles.confirm')}
                    </button>
                    <button type="button" className="button" onClick={() => setConfirming(null)}>
                      {t('assessment.evidenceFiles.cancel')}
                    </button>
                  </div>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <input
        ref={input}
        id={`${baseId}-input`}
        type="file"
        multiple
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        disabled={readOnly}
        onChange={(e) => void add(e.target.files)}
      />
      <button
        ref={addButton}
        type="button"
        className="button button--small"
        disabled={readOnly}
        onClick={() => input.current?.click()}
      >
        {t('assessment.evidenceFiles.add')}
      </button>
      {message ? (
        <p role={message.kind} className={message.kind === 'alert' ? 'field__error' : 'evidence__message'}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
