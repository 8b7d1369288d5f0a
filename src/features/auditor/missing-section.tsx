import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsolidatedRow } from '../../domain/consolidation/consolidate';
import {
  expectedStatus,
  matchExpected,
  type ExpectedEstablishment,
  type ExpectedStatus,
} from '../../domain/consolidation/expected-list';
import { currentLanguage } from '../../i18n/i18n';
import { formatNumber } from '../../texts/format';
import { DisplayName } from '../../components/display-name';
import { ScrollRegion } from '../../components/scroll-region';

/**
 * The expected establishments without a file kept, each with « aucun fichier » or « fichier refusé (raison) »
 * (issue 14): inside the dashboard for its campaign, or on its own when every imported file was refused and no file is
 * kept, so that the auditor still reads who sent what and why it was refused.
 */
export function MissingSection({
  rows,
  expected,
  year,
  refusals,
  headingLevel,
}: {
  rows: readonly ConsolidatedRow[];
  expected: readonly ExpectedEstablishment[];
  /** The campaign shown; undefined when no file is kept at all (every file of the imports refused). */
  year: number | undefined;
  refusals: ReadonlyMap<string, readonly string[]> | undefined;
  /** h3 inside the dashboard; h2 on its own, when no file is kept. */
  headingLevel: 2 | 3;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const match = useMemo(() => matchExpected(rows, expected), [rows, expected]);
  const n = (value: number) => formatNumber(value, language);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby="auditor-missing" className={headingLevel === 2 ? 'section' : undefined}>
      <Heading id="auditor-missing">{t('auditor.expected.missingTitle')}</Heading>
      <p>
        {year === undefined
          ? t('auditor.expected.noneKept', { count: expected.length, total: n(expected.length) })
          : t('auditor.expected.campaign', {
              count: match.submitted,
              year,
              submitted: n(match.submitted),
              total: n(expected.length),
            })}
      </p>
      {match.unexpected.length > 0 ? (
        <p>
          {t('auditor.expected.unexpected', {
            count: match.unexpected.length,
            value: n(match.unexpected.length),
          })}
        </p>
      ) : null}
      {match.missing.length === 0 ? (
        <p>{t('auditor.expected.missingNone')}</p>
      ) : (
        <ScrollRegion labelledBy="missing-caption">
          <table className="data-table missing-table">
            <caption id="missing-caption">
              {year === undefined
                ? t('auditor.expected.missingCaptionAll')
                : t('auditor.expected.missingCaption', { year })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('auditor.expected.finess')}</th>
                <th scope="col">{t('auditor.expected.name')}</th>
                <th scope="col">{t('auditor.expected.category')}</th>
                <th scope="col">{t('auditor.expected.ght')}</th>
                <th scope="col">{t('auditor.expected.department')}</th>
                <th scope="col">{t('auditor.expected.status')}</th>
              </tr>
            </thead>
            <tbody>
              {match.missing.map((e) => (
                <tr key={e.finess}>
                  <th scope="row">
                    <code>{e.finess}</code>
                  </th>
                  <td className="text">
                    <DisplayName name={e.name} />
                  </td>
                  <td className="text">
                    <DisplayName name={e.category} />
                  </td>
                  <td className="text">
                    <DisplayName name={e.ghtName} />
                  </td>
                  <td className="text">
                    <DisplayName name={e.department} />
                  </td>
                  <td className="text" data-status>
                    <ExpectedStatusText status={expectedStatus(e, refusals)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}

function ExpectedStatusText({ status }: { status: ExpectedStatus<string> }) {
  const { t } = useTranslation();
  if (status.kind === 'no-file') return <>{t('auditor.expected.statusNone')}</>;
  return <>{t('auditor.expected.statusRefused', { reason: status.reasons.join(' — ') })}</>;
}
