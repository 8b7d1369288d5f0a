import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { proofValidity, rulesByItem, type EvidenceRule } from '../../domain/evidence/evidence-validity';
import type { Language } from '../../domain/localized-text';
import { addDays, isoDateOf } from '../../domain/scoring/iso-date';
import { useEvidenceRules } from '../../storage/use-repositories';
import { formatDate } from '../../texts/format';

interface EvidenceRulesOfPage {
  rules: ReadonlyMap<string, EvidenceRule>;
  /** Today, read once when the screen opens: a proof is judged on the day it is shown. */
  asOf: string;
}

const EvidenceRulesContext = createContext<EvidenceRulesOfPage | undefined>(undefined);

/**
 * Gives the proofs of the answering screen the validity rules of the assessment's questionnaire version
 * (questionnaires/<id>/evidence-rules/<version>.json, loaded once for the whole screen rather than once per proof).
 */
export function EvidenceRulesProvider({
  questionnaireId,
  version,
  children,
}: {
  questionnaireId: string;
  version: string;
  children: ReactNode;
}) {
  const loaded = useEvidenceRules(questionnaireId, version);
  const [asOf] = useState(() => isoDateOf(Date.now()));
  const rules = loaded.status === 'ready' ? loaded.value : undefined;
  const value = useMemo(() => (rules ? { rules: rulesByItem(rules), asOf } : undefined), [rules, asOf]);
  return <EvidenceRulesContext.Provider value={value}>{children}</EvidenceRulesContext.Provider>;
}

/**
 * Beside a proof whose item sets a validity rule (issue 18): until when it is valid, or that it expired (with its date,
 * the day it expired and the rule's basis: the official source, or « règle déduite » and why), or that it has no
 * document date, so its age cannot be known. Nothing for a proof whose item has no rule.
 */
export function ProofValidityFlag({
  itemId,
  documentDate,
  language,
}: {
  itemId: string;
  documentDate: string | undefined;
  language: Language;
}) {
  const { t } = useTranslation();
  const page = useContext(EvidenceRulesContext);
  if (!page) return null;
  const validity = proofValidity({ itemId, documentDate }, page.rules, page.asOf);
  if (!validity) return null;
  const { rule } = validity;
  const basis =
    rule.basis.kind === 'official'
      ? t('declaration.validity.official', { source: rule.basis.source })
      : t('declaration.validity.inferred', { rationale: rule.basis.rationale[language] });
  const period = t('declaration.validity.period', { count: rule.validForDays });
  if (validity.status === 'valid') {
    return (
      <p className="proof-validity proof-validity--valid">
        {t('declaration.validity.validUntil', {
          date: formatDate(addDays(validity.expiresOn ?? page.asOf, -1), language),
        })}{' '}
        <span className="proof-validity__basis">
          {period} {basis}
        </span>
      </p>
    );
  }
  return (
    <p className="proof-validity proof-validity--renew">
      <strong>{t('declaration.validity.toRenew')}</strong>{' '}
      {validity.status === 'expired'
        ? t('declaration.validity.expired', {
            date: formatDate(documentDate ?? '', language),
            expiredOn: formatDate(validity.expiresOn ?? '', language),
          })
        : t('declaration.validity.undated')}{' '}
      <span className="proof-validity__basis">
        {period} {basis}
      </span>
    </p>
  );
}
