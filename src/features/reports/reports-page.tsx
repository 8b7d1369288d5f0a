import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { downloadFile, fileDate } from '../../components/download-file';
import { PageHeading } from '../../components/page-heading';
import type { Language } from '../../domain/localized-text';
import { currentLanguage } from '../../i18n/i18n';
import { describeFailure } from '../../texts/describe-error';
import { formatBytes, formatDateTime } from '../../texts/format';
import { buildCsv, csvKinds, type CsvKind } from '../../report/csv';
import { contentFingerprint } from '../../report/report-fingerprint';
import { buildReportModel, type MissingEntry, type ReportInput, type ReportModel } from '../../report/report-model';
import { useReportSource, type ReportSource } from './use-report-input';
import { audiencesOf, nis2StatusOf } from '../../domain/establishment/establishment';
import { defaultFramework, shippedFrameworks, type ShippedFramework } from '../../domain/frameworks/default-framework';
import type { AnsweredAssessment } from '../../domain/frameworks/framework-coverage';
import { withCategoryTerms } from '../../domain/questionnaire/category-terms';
import type { ReportFramework } from '../../report/report-input';
import { useFrameworkMappings } from '../../storage/use-framework-mappings';
import { useQuestionnairesOf } from '../../storage/use-repositories';
import { Loading, NotFound } from '../../components/page-states';
import './reports.css';
import { DisplayName } from '../../components/display-name';

type Status = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

/**
 * The gap-analysis report of one assessment (route /assessments/:assessmentId/report): first the completeness check
 * (what is missing, with links to fill it in, and the counts the report will print), then the PDF, generated on this
 * device, and the five CSV exports. The PDF module (jsPDF) is imported only when the button is pressed, so that it
 * stays out of the first screen (design §8); its font is a same-origin file the service worker precaches.
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const { assessmentId = '' } = useParams();
  // ?snapshot=<id>: the report of a snapshot (issue 18), from the snapshots screen.
  const [params] = useSearchParams();
  const source = useReportSource(assessmentId, params.get('snapshot') ?? undefined);
  if (source.status === 'loading') return <Loading />;
  if (source.status === 'not-found') {
    return <NotFound message={t('reports.notFound')} />;
  }
  return <Reports source={source} />;
}

function Reports({ source }: { source: Extract<ReportSource, { status: 'ready' }> }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useState<Language>(currentLanguage());
  const [author, setAuthor] = useState('');
  const { assessment, establishment, questionnaire } = source;
  // The frameworks' annexes (issue 17): by default ReCyF for an essential or important entity, the hygiene guide
  // otherwise; the user may choose others, or none.
  const status = nis2StatusOf(establishment);
  const [chosen, setChosen] = useState<readonly ShippedFramework[]>(() => [defaultFramework(status)]);
  const { states } = useFrameworkMappings(assessment, chosen);
  const campaignQuestionnaires = useQuestionnairesOf(source.campaign);
  const others = useMemo((): AnsweredAssessment[] => {
    if (campaignQuestionnaires.status !== 'ready') return [];
    const audiences = audiencesOf(establishment);
    return source.campaign.flatMap((a) => {
      const found = campaignQuestionnaires.value.find(
        (l) => l.questionnaire.id === a.questionnaireId && l.questionnaire.version === a.questionnaireVersion,
      );
      return found
        ? [
            {
              questionnaire: withCategoryTerms(found.questionnaire, establishment.category),
              answers: a.answers,
              audiences,
            },
          ]
        : [];
    });
  }, [campaignQuestionnaires, source.campaign, establishment]);
  const frameworks: ReportFramework[] = chosen.flatMap((f) => {
    const state = states.get(f);
    return state?.status === 'ready' ? [{ mapping: state.mapping, status, others }] : [];
  });
  const frameworksLoading =
    campaignQuestionnaires.status === 'loading' || chosen.some((f) => states.get(f)?.status === 'loading');
  const frameworksKey = frameworks.map((f) => `${f.mapping.framework}@${f.mapping.version}`).join('|');
  const model = useMemo(
    () => buildReportModel({ ...source.input, language, author, frameworks }),
    // frameworks is rebuilt at each render from what frameworksKey and others name.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [source, language, author, frameworksKey, others],
  );
  const input = useMemo(() => ({ ...source.input, frameworks }), [source, frameworksKey, others]); // eslint-disable-line react-hooks/exhaustive-deps
  const title = questionnaire.title[currentLanguage()];
  return (
    <div className="reports-page">
      <p className="breadcrumb">
        <Link to={`/establishments/${establishment.id}`}>
          <DisplayName name={establishment.name} />
        </Link>
      </p>
      <PageHeading title={`${t('reports.title')} — ${title} — ${assessment.campaignYear}`}>
        {t('reports.title')}{' '}
        <span className="page-heading__sub">{t('reports.subtitle', { title, year: assessment.campaignYear })}</span>
      </PageHeading>
      {source.input.snapshot ? (
        <p className="notice">
          {t('reports.fromSnapshot', {
            name: source.input.snapshot.name,
            date: formatDateTime(source.input.snapshot.frozenAt, currentLanguage()),
          })}
        </p>
      ) : null}
      <p>{t('reports.intro')}</p>
      <CompletenessCheck model={model} assessmentId={assessment.id} establishmentId={establishment.id} />
      <PdfPanel
        model={model}
        source={input}
        language={language}
        onLanguage={setLanguage}
        author={author}
        onAuthor={setAuthor}
        frameworks={
          <FrameworkChoice
            chosen={chosen}
            onChange={setChosen}
            assessmentId={assessment.id}
            missing={chosen.filter((f) => states.get(f)?.status === 'missing')}
          />
        }
        frameworksLoading={frameworksLoading}
      />
      <CsvPanel model={model} />
    </div>
  );
}

/** Which frameworks' annexes the PDF prints (and the coverage CSV holds). */
function FrameworkChoice({
  chosen,
  onChange,
  assessmentId,
  missing,
}: {
  chosen: readonly ShippedFramework[];
  onChange: (chosen: readonly ShippedFramework[]) => void;
  assessmentId: string;
  missing: readonly ShippedFramework[];
}) {
  const { t } = useTranslation();
  const hintId = useId();
  const toggle = (framework: ShippedFramework, on: boolean) =>
    onChange(shippedFrameworks.filter((f) => (f === framework ? on : chosen.includes(f))));
  return (
    <fieldset className="reports-frameworks" aria-describedby={hintId}>
      <legend>{t('reports.frameworks.legend')}</legend>
      <p id={hintId} className="field__hint">
        {t('reports.frameworks.hint')}{' '}
        <Link to={`/assessments/${assessmentId}/frameworks`}>{t('reports.frameworks.view')}</Link>
      </p>
      {shippedFrameworks.map((f) => (
        <div key={f} className="field--checkbox">
          <input
            type="checkbox"
            id={`report-framework-${f}`}
            checked={chosen.includes(f)}
            onChange={(event) => toggle(f, event.target.checked)}
          />
          <label htmlFor={`report-framework-${f}`}>{t(`frameworks.names.${f}`)}</label>
        </div>
      ))}
      {missing.length > 0 ? (
        <p className="notice notice--warning">
          {t('reports.frameworks.missing', { names: missing.map((f) => t(`frameworks.names.${f}`)).join(', ') })}
        </p>
      ) : null}
    </fieldset>
  );
}

function CompletenessCheck({
  model,
  assessmentId,
  establishmentId,
}: {
  model: ReportModel;
  assessmentId: string;
  establishmentId: string;
}) {
  const { t } = useTranslation();
  const c = model.completeness;
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="reports-check">
      <h2 id={headingId}>{t('reports.check.title')}</h2>
      <p className={c.complete ? 'notice' : 'notice notice--warning'}>
        {c.complete ? t('reports.check.complete') : t('reports.check.incomplete')}
      </p>
      {c.missing.length > 0 ? (
        <ul className="reports-check__missing">
          {c.missing.map((m) => (
            <li key={m.code}>
              {t(`reports.check.missing.${m.code}`, { count: m.count })}
              {hasFixLinks(m) ? ' — ' : null}
              <MissingLinks entry={m} assessmentId={assessmentId} establishmentId={establishmentId} model={model} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('reports.check.nothing')}</p>
      )}
      <p data-testid="report-counts">{t('reports.check.counts', c.counts)}</p>
    </section>
  );
}

const pageFixing: readonly MissingEntry['code'][] = ['no-budget', 'no-applications', 'no-actions'];

/** Whether MissingLinks has somewhere to send the reader (a page, or the domains concerned). */
function hasFixLinks(entry: MissingEntry): boolean {
  return pageFixing.includes(entry.code) || entry.domainIds.some(Boolean);
}

/** Where to fill in what is missing: the questionnaire page of each domain concerned, or the budget, inventory, plan. */
function MissingLinks({
  entry,
  assessmentId,
  establishmentId,
  model,
}: {
  entry: MissingEntry;
  assessmentId: string;
  establishmentId: string;
  model: ReportModel;
}) {
  const { t } = useTranslation();
  if (entry.code === 'no-budget')
    return <Link to={`/establishments/${establishmentId}/budget`}>{t('reports.check.goBudget')}</Link>;
  if (entry.code === 'no-applications')
    return <Link to={`/establishments/${establishmentId}/applications`}>{t('reports.check.goApplications')}</Link>;
  if (entry.code === 'no-actions')
    return <Link to={`/establishments/${establishmentId}/actions`}>{t('reports.check.goActions')}</Link>;
  const counts = new Map<string, number>();
  for (const domainId of entry.domainIds) if (domainId) counts.set(domainId, (counts.get(domainId) ?? 0) + 1);
  if (counts.size === 0) return null;
  const titles = new Map(model.domains.map((d) => [d.domainId, d.title]));
  return (
    <ul>
      {[...counts].map(([domainId, count]) => (
        <li key={domainId}>
          <Link to={`/assessments/${assessmentId}/${domainId}`}>
            {t('reports.check.inDomain', { domain: titles.get(domainId) ?? domainId, count })}
          </Link>
        </li>
      ))}
    </ul>
  );
}

function PdfPanel({
  model,
  source,
  language,
  onLanguage,
  author,
  onAuthor,
  frameworks,
  frameworksLoading,
}: {
  model: ReportModel;
  source: Omit<ReportInput, 'language' | 'author' | 'fingerprint'>;
  language: Language;
  onLanguage: (language: Language) => void;
  author: string;
  onAuthor: (author: string) => void;
  frameworks: ReactNode;
  frameworksLoading: boolean;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const authorId = useId();
  const languageId = useId();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  async function generate() {
    setStatus({ kind: 'working' });
    try {
      const [{ generateReportPdf }, { browserFontLoader }] = await Promise.all([
        import('../../report/pdf/generate-report'),
        import('../../report/pdf/fonts-browser'),
      ]);
      const input = { ...source, language, author };
      const fingerprint = await contentFingerprint(input);
      const withFingerprint = {
        ...model,
        meta: { ...model.meta, fingerprint: { value: fingerprint, source: 'content' as const } },
      };
      const pdf = await generateReportPdf(withFingerprint, browserFontLoader);
      const e = model.meta.establishment;
      const fileName = `rapport-${e.finessEg ?? e.finessEj}-${model.meta.questionnaire.id}-${model.meta.campaignYear}-${fileDate()}.pdf`;
      downloadFile(pdf.bytes.slice().buffer, fileName, 'application/pdf');
      setStatus({
        kind: 'done',
        text: t('reports.pdf.done', {
          file: fileName,
          pages: pdf.pageCount,
          size: formatBytes(pdf.bytes.length, currentLanguage()),
        }),
      });
    } catch (error) {
      setStatus({
        kind: 'error',
        text: t('reports.pdf.error', { reason: describeFailure(t, error) }),
      });
    }
  }

  return (
    <section aria-labelledby={headingId} className="reports-pdf">
      <h2 id={headingId}>{t('reports.pdf.title')}</h2>
      {model.summary.comparison ? (
        <p data-testid="report-comparison">
          {t('reports.pdf.comparison', { year: model.summary.comparison.previousYear })}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={authorId}>{t('reports.pdf.author')}</label>
        <p id={`${authorId}-hint`} className="field__hint">
          {t('reports.pdf.authorHint')}
        </p>
        <input
          id={authorId}
          type="text"
          value={author}
          maxLength={200}
          aria-describedby={`${authorId}-hint`}
          onChange={(event) => onAuthor(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={languageId}>{t('reports.pdf.language')}</label>
        <select
          id={languageId}
          value={language}
          onChange={(event) => onLanguage(event.target.value === 'en' ? 'en' : 'fr')}
        >
          <option value="fr">{t('reports.languages.fr')}</option>
          <option value="en">{t('reports.languages.en')}</option>
        </select>
      </div>
      {frameworks}
      <button
        type="button"
        className="button button--primary"
        onClick={() => void generate()}
        disabled={status.kind === 'working' || frameworksLoading}
      >
        {t('reports.pdf.generate')}
      </button>
      <p role="status" aria-live="polite" className="reports-status">
        {status.kind === 'working' ? t('reports.pdf.working') : status.kind === 'done' ? status.text : ''}
      </p>
      {status.kind === 'error' ? (
        <p role="alert" className="notice notice--error">
          {status.text}
        </p>
      ) : null}
    </section>
  );
}

function CsvPanel({ model }: { model: ReportModel }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [done, setDone] = useState('');
  const names: Record<CsvKind, string> = {
    answers: t('reports.csv.answers'),
    gaps: t('reports.csv.gaps'),
    actions: t('reports.csv.actions'),
    budget: t('reports.csv.budget'),
    applications: t('reports.csv.applications'),
    frameworks: t('reports.csv.frameworks'),
  };
  // The coverage CSV is offered when the report prints a framework's annex (issue 17).
  const kinds: readonly CsvKind[] = model.frameworks.length > 0 ? [...csvKinds, 'frameworks'] : csvKinds;
  function download(kind: CsvKind) {
    const csv = buildCsv(model, kind);
    downloadFile(csv.text, csv.fileName, 'text/csv;charset=utf-8');
    setDone(t('reports.csv.done', { file: csv.fileName, rows: csv.rows }));
  }
  return (
    <section aria-labelledby={headingId} className="reports-csv">
      <h2 id={headingId}>{t('reports.csv.title')}</h2>
      <p>{t('reports.csv.intro')}</p>
      <ul className="reports-csv__list">
        {kinds.map((kind) => (
          <li key={kind}>
            <button type="button" className="button" onClick={() => download(kind)}>
              {t('reports.csv.download', { name: names[kind] })}
            </button>
          </li>
        ))}
      </ul>
      <p role="status" aria-live="polite">
        {done}
      </p>
    </section>
  );
}
