import type { Assessment } from '../../domain/assessment/assessment';
import type { Establishment } from '../../domain/establishment/establishment';
import { withCategoryTerms } from '../../domain/questionnaire/category-terms';
import type { Questionnaire } from '../../domain/questionnaire/questionnaire-schema';
import { previousCampaignOf } from '../../domain/results/compare-campaigns';
import { isoDateOf } from '../../domain/scoring/iso-date';
import type { ReportInput } from '../../report/report-model';
import { readBundleOf, readSnapshotBundle } from '../../storage/snapshot-repository';
import { useDatabase, useLiveQuery } from '../../storage/use-database';
import { useEvidenceRules, useQuestionnaire, useReceivedReview, useRepositories } from '../../storage/use-repositories';

export type ReportSource =
  | { status: 'loading' }
  | { status: 'not-found' }
  | {
      status: 'ready';
      assessment: Assessment;
      establishment: Establishment;
      questionnaire: Questionnaire;
      /** The establishment's other assessments of the same campaign (HospiConnect beside CaRE): the frameworks' annex reads them too. */
      campaign: Assessment[];
      /** The report input without the language, the author and the fingerprint, chosen on the page. */
      input: Omit<ReportInput, 'language' | 'author' | 'fingerprint'>;
    };

/**
 * What the report of an assessment is made from, read in one transaction so that the report is one consistent
 * state even while another tab writes: the establishment, the answers, every budget year (the trend), the
 * application inventory, the establishment's actions tied to this assessment or to none, and the evidence listing
 * (names, dates, SHA-256; the file bytes are not needed), and the latest earlier campaign of the same questionnaire,
 * for the change since then (found as the results screen finds it: previousCampaignOf). Re-read whenever any of it
 * changes.
 */
export function useReportSource(assessmentId: string, snapshotId?: string): ReportSource {
  const db = useDatabase();
  const repos = useRepositories();
  const data = useLiveQuery(async () => {
    // One transaction, opened after it when the passphrase lock is on (src/storage/assessment-bundle.ts). A
    // snapshot's report is made from the snapshot alone, read at the date it was frozen (issue 18).
    if (snapshotId !== undefined) {
      const frozen = await readSnapshotBundle(db, snapshotId);
      if (!frozen || frozen.snapshot.assessmentId !== assessmentId) return null;
      const { snapshot } = frozen;
      return { ...frozen, asOf: snapshot.scores.asOf, snapshot: { name: snapshot.name, frozenAt: snapshot.frozenAt } };
    }
    const bundle = await readBundleOf(db, { assessmentId });
    if (!bundle) return null;
    // Today is read here rather than during render: the report is read at the date it is made, like the results
    // screen.
    return { ...bundle, asOf: isoDateOf(Date.now()), snapshot: undefined };
  }, [db, assessmentId, snapshotId]);
  const targets = useLiveQuery(() => repos.budgets.getTargets(), [repos]);
  const establishmentId = data?.establishment.id;
  const others = useLiveQuery(
    async () => (establishmentId ? repos.assessments.listByEstablishment(establishmentId) : []),
    [repos, establishmentId],
  );
  const previous = data && others ? previousCampaignOf(data.assessment, others) : undefined;
  const loaded = useQuestionnaire(data?.assessment.questionnaireId, data?.assessment.questionnaireVersion);
  const previousLoaded = useQuestionnaire(previous?.questionnaireId, previous?.questionnaireVersion);
  // The validity rules of the version the answers were given against (« Preuves à renouveler », issue 18).
  const rules = useEvidenceRules(data?.assessment.questionnaireId, data?.assessment.questionnaireVersion);
  // The auditor's review imported for this assessment (« Avis de l'auditeur », issue 18).
  const review = useReceivedReview(data?.assessment.id);
  if (data === undefined || targets === undefined || others === undefined) return { status: 'loading' };
  if (data === null) return { status: 'not-found' };
  if (loaded.status === 'loading') return { status: 'loading' };
  if (loaded.status === 'error') return { status: 'not-found' };
  if (previous && previousLoaded.status === 'loading') return { status: 'loading' };
  if (rules.status === 'loading' || review === undefined) return { status: 'loading' };
  const { assessment, establishment, budgets, applications, actions, evidence, asOf, snapshot } = data;
  // A previous campaign whose questionnaire version is no longer shipped is left out, as on the results screen.
  const previousQuestionnaire =
    previousLoaded.status === 'ready'
      ? withCategoryTerms(previousLoaded.value.questionnaire, establishment.category)
      : undefined;
  // In the words of the establishment's category (« résidents » in an EHPAD), as on the answering screen.
  const questionnaire = withCategoryTerms(loaded.value.questionnaire, establishment.category);
  return {
    status: 'ready',
    assessment,
    establishment,
    questionnaire,
    campaign: others.filter((a) => a.campaignYear === assessment.campaignYear && a.id !== assessment.id),
    input: {
      establishment,
      questionnaire,
      campaignYear: assessment.campaignYear,
      answers: assessment.answers,
      previousCampaign:
        previous && previousQuestionnaire
          ? {
              campaignYear: previous.campaignYear,
              questionnaire: previousQuestionnaire,
              answers: previous.answers,
              // Read at the date of its last answer, as on the results screen (use-results.ts).
              asOf: [isoDateOf(previous.updatedAt), asOf].sort()[0] ?? asOf,
            }
          : undefined,
      evidence: evidence.map(({ itemId, name, type, size, sha256, documentDate }) => ({
        itemId,
        name,
        type,
        size,
        sha256,
        documentDate,
      })),
      budgets: budgets.map(({ year, inputs }) => ({ year, inputs })),
      budgetTargets: targets,
      applications,
      actions: actions.filter((a) => a.assessmentId === undefined || a.assessmentId === assessment.id),
      asOf,
      sharingLevel: 'full',
      snapshot,
      evidenceRules: rules.status === 'ready' ? rules.value : undefined,
      review: review ?? undefined,
    },
  };
}
