import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Questionnaire } from '../../domain/questionnaire/questionnaire-schema';
import { snapshotIsIntact, type Snapshot } from '../../domain/snapshot/snapshot';
import { currentLanguage } from '../../i18n/i18n';
import { formatBytes, formatDate, formatDateTime, groupHex } from '../../texts/format';
import { answerWords, scoreWords } from './answer-words';

/**
 * One snapshot, read-only: what it was frozen from (questionnaire version and fingerprint, date, its own digest,
 * checked again here), its scores per domain, and every frozen answer with its comment and the proofs it listed.
 * Nothing here writes.
 */
export function SnapshotView({
  snapshot,
  questionnaire,
  onClose,
}: {
  snapshot: Snapshot;
  questionnaire: Questionnaire | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const id = useId();
  const [intact, setIntact] = useState<boolean | undefined>();
  useEffect(() => {
    let live = true;
    void snapshotIsIntact(snapshot).then((ok) => {
      if (live) setIntact(ok);
    });
    return () => {
      live = false;
    };
  }, [snapshot]);
  const domains = questionnaire?.domains ?? [];
  const items = questionnaire?.items ?? [];
  const evidenceOf = (itemId: string) => snapshot.evidence.filter((e) => e.itemId === itemId);
  const scoreOf = (domainId: string) => snapshot.scores.domains.find((d) => d.domainId === domainId)?.score;

  return (
    <section aria-labelledby={`${id}-title`} className="section snapshot-view" data-testid="snapshot-view">
      <h2 id={`${id}-title`} tabIndex={-1}>
        {t('snapshots.view.heading', { name: snapshot.name })}
      </h2>
      <p className="notice">{t('snapshots.view.readOnly', { date: formatDateTime(snapshot.frozenAt, language) })}</p>
      <dl className="snapshot-view__meta">
        <div>
          <dt>{t('snapshots.view.questionnaire')}</dt>
          <dd>
            {t('snapshots.view.questionnaireValue', {
              title: questionnaire?.title[language] ?? snapshot.questionnaireId,
              id: snapshot.questionnaireId,
              version: snapshot.questionnaireVersion,
            })}
          </dd>
        </div>
        <div>
          <dt>{t('snapshots.view.frozenAt')}</dt>
          <dd>{formatDateTime(snapshot.frozenAt, language)}</dd>
        </div>
        <div>
          <dt>{t('snapshots.view.score')}</dt>
          <dd>{scoreWords(snapshot.scores.overall.score, language)}</dd>
        </div>
        <div>
          <dt>{t('snapshots.view.contentHash')}</dt>
          <dd className="hex">{groupHex(snapshot.contentHash, 16)}</dd>
        </div>
        <div>
          <dt>{t('snapshots.view.digest')}</dt>
          <dd className="hex">
            {groupHex(snapshot.digest, 16)}
            {intact === undefined ? null : ` (${t(intact ? 'snapshots.view.intact' : 'snapshots.view.altered')})`}
          </dd>
        </div>
      </dl>

      <h3>{t('snapshots.view.answersTitle')}</h3>
      {domains.map((domain) => {
        const answered = items.filter(
          (item) =>
            item.domain === domain.id && (snapshot.answers[item.id]?.response || evidenceOf(item.id).length > 0),
        );
        if (answered.length === 0) return null;
        return (
          <section key={domain.id} aria-labelledby={`${id}-${domain.id}`} className="snapshot-view__domain">
            <h4 id={`${id}-${domain.id}`}>
              {domain.title[language]} — {scoreWords(scoreOf(domain.id), language)}
            </h4>
            <dl className="snapshot-view__answers">
              {answered.map((item) => {
                const answer = snapshot.answers[item.id];
                const proofs = evidenceOf(item.id);
                return (
                  <div key={item.id} data-item-id={item.id}>
                    <dt>
                      <span className="snapshot-comparison__item-id">{item.id}</span> {item.question[language]}
                    </dt>
                    <dd>
                      <strong>{answerWords(t, item, answer, language)}</strong>
                      {answer?.comment ? (
                        <span className="snapshot-view__comment">
                          {t('snapshots.view.comment', { comment: answer.comment })}
                        </span>
                      ) : null}
                      {proofs.length > 0 ? (
                        <ul className="snapshot-view__proofs">
                          {proofs.map((proof) => (
                            <li key={proof.id}>
                              {t('snapshots.view.evidenceLine', {
                                name: proof.name,
                                size: formatBytes(proof.size, language),
                                sha: proof.sha256.slice(0, 12),
                              })}
                              {' · '}
                              {proof.documentDate
                                ? t('snapshots.view.documentDate', { date: formatDate(proof.documentDate, language) })
                                : t('snapshots.view.undated')}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </dd>
                  </div>
                );
              })}
            </dl>
          </section>
        );
      })}
      <p>{snapshot.evidence.length === 0 ? t('snapshots.view.noEvidence') : null}</p>
      <p>
        <button type="button" className="button button--link" onClick={onClose}>
          {t('snapshots.view.close')}
        </button>
      </p>
    </section>
  );
}
