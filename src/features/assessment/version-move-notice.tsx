import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../domain/assessment/assessment';
import { compareItemVersions } from '../../domain/questionnaire/compare-versions';
import type { Questionnaire } from '../../domain/questionnaire/questionnaire-schema';
import { latestVersionOf, loadQuestionnaire } from '../../storage/questionnaire-catalog';
import type { AssessmentRepository } from '../../storage/assessment-repository';
import { describeError } from '../../texts/describe-error';

interface VersionMoveNoticeProps {
  assessment: Assessment;
  /** The version it was answered against, as loaded. */
  questionnaire: Questionnaire;
  repository: AssessmentRepository;
  readOnly: boolean;
}

type Outcome = { kind: 'moved'; version: string; kept: number; toReview: number } | { kind: 'error'; message: string };

/**
 * What each move did, kept for this page's life: the screen shows « Chargement » while the newer version loads, which
 * unmounts this notice, and the summary must still be there when the questions come back.
 */
const movedInThisSession = new Map<string, Extract<Outcome, { kind: 'moved' }>>();

/**
 * Offered on an assessment begun on an older version of its questionnaire (2026.1 when 2026.2 ships): moving it keeps
 * every answer of an unchanged item, keeps the answers of changed items marked « à revoir », and shows each item's
 * mark (unchanged / changed / new) against the version it left. Nothing moves without the click.
 */
export function VersionMoveNotice({ assessment, questionnaire, repository, readOnly }: VersionMoveNoticeProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const latest = latestVersionOf(assessment.questionnaireId);
  const moved = outcome?.kind === 'moved' ? outcome : (movedInThisSession.get(assessment.id) ?? null);

  if (moved) {
    return (
      <p className="notice notice--success" role="status">
        {t('assessment.versionMove.done', {
          version: moved.version,
          kept: moved.kept,
          toReview: moved.toReview,
        })}
      </p>
    );
  }
  if (!latest || latest === assessment.questionnaireVersion || readOnly) return null;

  const move = async () => {
    setBusy(true);
    try {
      const newer = await loadQuestionnaire(assessment.questionnaireId, latest);
      const { move: result } = await repository.moveToVersion(assessment.id, {
        fromVersion: assessment.questionnaireVersion,
        questionnaireVersion: latest,
        contentHash: newer.contentHash,
        changes: compareItemVersions(questionnaire, newer.questionnaire),
      });
      const done = { kind: 'moved', version: latest, kept: result.kept, toReview: result.toReview } as const;
      movedInThisSession.set(assessment.id, done);
      setOutcome(done);
    } catch (error) {
      setOutcome({ kind: 'error', message: describeError(t, error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="notice notice--warning version-move" aria-labelledby="version-move-title">
      <h2 id="version-move-title" className="version-move__title">
        {t('assessment.versionMove.title', { version: latest })}
      </h2>
      <p>{t('assessment.versionMove.explain', { current: assessment.questionnaireVersion, version: latest })}</p>
      <button type="button" className="button" disabled={busy} onClick={() => void move()}>
        {t('assessment.versionMove.action', { version: latest })}
      </button>
      {outcome?.kind === 'error' ? (
        <p className="field__error" role="alert">
          {outcome.message}
        </p>
      ) : null}
    </section>
  );
}
