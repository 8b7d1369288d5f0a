import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileDate, downloadFile } from '../../components/download-file';
import type { ConsolidatedRow, Consolidation } from '../../domain/consolidation/consolidate';
import { selectRows, type Selection } from '../../domain/consolidation/regional-views';
import type { ContentLookup } from '../../domain/questionnaire/content-lookup';
import { currentLanguage } from '../../i18n/i18n';
import { formatNumber, displayName } from '../../texts/format';

/** What the PDFs print beside ids. */
type PdfContent = ContentLookup;

type Status = { kind: 'idle' } | { kind: 'working'; text: string } | { kind: 'done' | 'error'; text: string };

const finessOf = (row: ConsolidatedRow) => row.finessEg ?? row.finessEj;

/** jsPDF, the fonts and fflate are loaded only when a PDF is asked for: they are not part of the first screen. */
async function loadRenderer() {
  const [regional, benchmark, fonts] = await Promise.all([
    import('../../report/regional/render-regional'),
    import('../../report/regional/render-benchmark'),
    import('../../report/pdf/fonts-browser'),
  ]);
  return { ...regional, ...benchmark, fonts: await fonts.browserFontLoader() };
}

/**
 * The auditor's PDFs (issue 8): the regional report of the questionnaire × campaign shown, and the benchmark report of
 * one establishment or of every establishment at once (a zip, one PDF each).
 */
export function AuditorPdfExports({
  rows,
  selection,
  content,
  expected,
}: {
  rows: readonly ConsolidatedRow[];
  selection: Selection;
  content: PdfContent;
  expected: readonly { finess: string; name?: string | undefined; department?: string | undefined }[] | undefined;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const selectId = useId();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [chosen, setChosen] = useState('');
  const inSelection = useMemo(
    () => [...selectRows(rows, selection)].sort((a, b) => a.name.localeCompare(b.name, language)),
    [rows, selection, language],
  );
  const finess = inSelection.some((r) => finessOf(r) === chosen) ? chosen : inSelection[0] && finessOf(inSelection[0]);
  const busy = status.kind === 'working';
  const { questionnaireId, campaignYear } = selection;
  const consolidation: Consolidation = { rows: [...rows], filesAdded: rows.length, duplicates: 0 };
  const options = {
    language,
    questionnaireTitle: content.questionnaireTitle,
    domainTitle: content.domainTitle,
    domainShortTitle: content.domainShortTitle,
    domainOrder: content.domainOrder,
    question: content.question,
  };

  async function run(work: () => Promise<string>) {
    setStatus({ kind: 'working', text: t('auditor.pdf.working') });
    try {
      const file = await work();
      setStatus({ kind: 'done', text: t('auditor.pdf.done', { file }) });
    } catch (error) {
      setStatus({
        kind: 'error',
        text: t('auditor.pdf.error', { reason: error instanceof Error ? error.message : String(error) }),
      });
    }
  }

  const regional = () =>
    run(async () => {
      const { renderRegionalPdf, fonts } = await loadRenderer();
      const pdf = renderRegionalPdf(consolidation, {
        ...options,
        fonts,
        selections: [selection],
        ...(expected ? { expected } : {}),
      });
      const file = `synthese-regionale-${questionnaireId}-${campaignYear}-${fileDate()}.pdf`;
      downloadFile(pdf.bytes.slice().buffer, file, 'application/pdf');
      return file;
    });

  const benchmark = () =>
    run(async () => {
      if (finess === undefined) throw new Error(t('auditor.pdf.noEstablishment'));
      const { renderBenchmarkPdf, fonts } = await loadRenderer();
      const pdf = renderBenchmarkPdf(consolidation, finess, { ...options, fonts, selection });
      const file = `comparaison-${finess}-${questionnaireId}-${campaignYear}.pdf`;
      downloadFile(pdf.bytes.slice().buffer, file, 'application/pdf');
      return file;
    });

  const all = () =>
    run(async () => {
      const [{ renderBenchmarkPdf, fonts }, { zipSync }] = await Promise.all([loadRenderer(), import('fflate')]);
      const files: Record<string, Uint8Array> = {};
      const total = inSelection.length;
      for (const [i, row] of inSelection.entries()) {
        setStatus({
          kind: 'working',
          text: t('auditor.pdf.progress', { done: formatNumber(i, language), total: formatNumber(total, language) }),
        });
        // Lets the status be painted between two reports.
        await new Promise((resolve) => setTimeout(resolve, 0));
        const code = finessOf(row);
        files[`comparaison-${code}-${questionnaireId}-${campaignYear}.pdf`] = renderBenchmarkPdf(consolidation, code, {
          ...options,
          fonts,
          selection,
        }).bytes;
      }
      const zip = zipSync(files, { level: 0 });
      const file = `comparaisons-${questionnaireId}-${campaignYear}-${fileDate()}.zip`;
      downloadFile(zip.slice().buffer, file, 'application/zip');
      return file;
    });

  return (
    <section aria-labelledby={headingId} className="auditor-pdf-exports">
      <h3 id={headingId}>{t('auditor.pdf.title')}</h3>
      <p>{t('auditor.pdf.intro')}</p>
      <p>
        <button type="button" className="button" disabled={busy} onClick={() => void regional()}>
          {t('auditor.pdf.regional')}
        </button>
      </p>
      <div className="field">
        <label htmlFor={selectId}>{t('auditor.pdf.establishment')}</label>
        <select id={selectId} value={finess ?? ''} onChange={(e) => setChosen(e.target.value)}>
          {inSelection.map((row) => (
            <option key={row.key} value={finessOf(row)}>
              {t('auditor.pdf.establishmentOption', { name: displayName(row.name), finess: finessOf(row) })}
            </option>
          ))}
        </select>
      </div>
      <p>
        <button
          type="button"
          className="button"
          disabled={busy || finess === undefined}
          onClick={() => void benchmark()}
        >
          {t('auditor.pdf.benchmark')}
        </button>{' '}
        <button type="button" className="button" disabled={busy || inSelection.length === 0} onClick={() => void all()}>
          {t('auditor.pdf.all')}
        </button>
      </p>
      <p role="status" className={status.kind === 'error' ? 'error' : undefined}>
        {status.kind === 'idle' ? '' : status.text}
      </p>
    </section>
  );
}
