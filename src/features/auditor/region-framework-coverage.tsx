import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../components/scroll-region';
import type { ConsolidatedRow } from '../../domain/consolidation/consolidate';
import { audiencesOf } from '../../domain/establishment/establishment';
import {
  frameworkCoverage,
  type AnsweredAssessment,
  type CoverageTotals,
} from '../../domain/frameworks/framework-coverage';
import type { FrameworkGroup, FrameworkMapping } from '../../domain/frameworks/framework-types';
import type { ExportEnvelope } from '../../exchange/export-format';
import { currentLanguage } from '../../i18n/i18n';
import { scorableAnswers } from '../../report/report-context';
import { annexStates } from '../../report/sections/frameworks';
import { latestFrameworkVersion, loadFrameworkMapping } from '../../storage/framework-catalog';
import { loadQuestionnaire } from '../../storage/questionnaire-catalog';
import { useDatabase } from '../../storage/use-database';
import { forEachSubmissionDocument } from '../../storage/use-repositories';
import { describeError } from '../../texts/describe-error';
import { formatNumber } from '../../texts/format';

/**
 * The region's coverage of ANSSI's ReCyF, per objective (issue 17), always computed from the answers of the files
 * kept by the consolidation, never from declared figures: each establishment's files of the campaign (CaRE beside
 * HospiConnect) are read together, as on its own « Référentiels » screen, and its measures' states are added up per
 * objective. A file at the « statistiques » level carries no answers: it is left out, and counted. An export does not
 * carry the establishment's NIS2 status, so every ReCyF measure is counted (the status « pas encore connu »).
 * Computed on request: it reads every kept file again.
 */

export interface RegionObjective {
  group: FrameworkGroup;
  totals: CoverageTotals;
}

export interface RegionCoverage {
  mapping: FrameworkMapping;
  campaignYear: number;
  /** Establishments whose answers were read. */
  establishments: number;
  /** Files kept by the consolidation but left out for carrying no answers (statistics level). */
  withoutAnswers: number;
  objectives: RegionObjective[];
  overall: CoverageTotals;
}

function emptyTotals(): CoverageTotals {
  return {
    counts: { met: 0, 'partly-met': 0, 'not-met': 0, 'not-assessed': 0, 'not-covered': 0, 'not-applicable': 0 },
    total: 0,
  };
}

function addTotals(into: CoverageTotals, add: CoverageTotals): void {
  for (const state of Object.keys(into.counts) as (keyof CoverageTotals['counts'])[])
    into.counts[state] += add.counts[state];
  into.total += add.total;
}

/** Reads the kept files of one campaign and adds up each establishment's ReCyF coverage per top-level objective. */
export async function computeRegionCoverage(
  visitDocuments: (visit: (document: unknown) => void) => Promise<void>,
  rows: readonly ConsolidatedRow[],
  campaignYear: number,
  mapping: FrameworkMapping,
): Promise<RegionCoverage> {
  const kept = new Set(rows.filter((r) => r.campaignYear === campaignYear).map((r) => r.digest));
  const byEstablishment = new Map<string, ExportEnvelope[]>();
  let withoutAnswers = 0;
  await visitDocuments((document) => {
    const envelope = document as ExportEnvelope;
    if (!kept.has(envelope.integrity.digest)) return;
    if (!envelope.content.answers) {
      withoutAnswers += 1;
      return;
    }
    const finess = envelope.establishment.finessEg ?? envelope.establishment.finessEj;
    byEstablishment.set(finess, [...(byEstablishment.get(finess) ?? []), envelope]);
  });
  const topLevel = mapping.groups.filter((g) => g.parent === undefined);
  const objectives = topLevel.map((group) => ({ group, totals: emptyTotals() }));
  const overall = emptyTotals();
  for (const files of byEstablishment.values()) {
    const answered: AnsweredAssessment[] = [];
    for (const envelope of files) {
      const { id, version } = envelope.content.questionnaire;
      const loaded = await loadQuestionnaire(id, version).catch(() => undefined);
      if (!loaded) continue;
      answered.push({
        questionnaire: loaded.questionnaire,
        answers: scorableAnswers(envelope.content.answers ?? {}),
        audiences: audiencesOf(envelope.establishment),
      });
    }
    const asOf =
      files
        .map((f) => f.content.scores.asOf)
        .sort()
        .at(-1) ?? `${campaignYear}-12-31`;
    const coverage = frameworkCoverage(mapping, answered, { asOf, status: 'unknown' });
    const byGroup = new Map(coverage.groups.map((g) => [g.group.id, g.totals]));
    for (const objective of objectives) {
      const totals = byGroup.get(objective.group.id);
      if (totals) addTotals(objective.totals, totals);
    }
    addTotals(overall, coverage.overall);
  }
  return { mapping, campaignYear, establishments: byEstablishment.size, withoutAnswers, objectives, overall };
}

type State =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; result: RegionCoverage; rows: readonly ConsolidatedRow[] }
  | { kind: 'error'; text: string };

export function RegionFrameworkCoverage({
  rows,
  campaignYear,
}: {
  rows: readonly ConsolidatedRow[];
  campaignYear: number;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const db = useDatabase();
  const headingId = useId();
  const captionId = useId();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const n = (value: number) => formatNumber(value, language);

  const compute = async () => {
    setState({ kind: 'working' });
    try {
      const version = latestFrameworkVersion('recyf');
      if (!version) throw new Error('recyf');
      const mapping = await loadFrameworkMapping('recyf', version);
      const result = await computeRegionCoverage(
        (visit) => forEachSubmissionDocument(db, visit),
        rows,
        campaignYear,
        mapping,
      );
      setState({ kind: 'done', result, rows });
    } catch (error) {
      setState({ kind: 'error', text: describeError(t, error) });
    }
  };

  const result = state.kind === 'done' && state.rows === rows ? state.result : undefined;
  return (
    <section aria-labelledby={headingId} className="region-frameworks">
      <h3 id={headingId}>{t('auditor.frameworks.title', { year: campaignYear })}</h3>
      <p>{t('auditor.frameworks.intro')}</p>
      <button type="button" className="button" onClick={() => void compute()} disabled={state.kind === 'working'}>
        {result ? t('auditor.frameworks.recompute') : t('auditor.frameworks.compute')}
      </button>
      <p role="status" aria-live="polite">
        {state.kind === 'working'
          ? t('auditor.frameworks.working')
          : result
            ? t('auditor.frameworks.read', {
                establishments: n(result.establishments),
                left: n(result.withoutAnswers),
                version: result.mapping.version,
              })
            : ''}
      </p>
      {state.kind === 'error' ? (
        <p role="alert" className="notice notice--error">
          {state.text}
        </p>
      ) : null}
      {result ? (
        <>
          <p className="field__hint">
            {t('frameworks.disclaimer')} {result.mapping.disclaimer[language]}
          </p>
          <ScrollRegion labelledBy={captionId}>
            <table className="data-table">
              <caption id={captionId}>{t('auditor.frameworks.caption', { version: result.mapping.version })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('frameworks.groups.group')}</th>
                  {annexStates.map((s) => (
                    <th key={s} scope="col" className="num">
                      {t(`frameworks.states.${s}`)}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t('frameworks.groups.total')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...result.objectives, { group: undefined, totals: result.overall }].map(({ group, totals }) => (
                  <tr key={group?.id ?? 'overall'}>
                    <th scope="row">
                      {group ? `${group.id} — ${group.title[language]}` : t('frameworks.groups.overall')}
                    </th>
                    {annexStates.map((s) => (
                      <td key={s} className="num">
                        {n(totals.counts[s])}
                      </td>
                    ))}
                    <td className="num">{n(totals.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      ) : null}
    </section>
  );
}
