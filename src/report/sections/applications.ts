import type { ApplicationRecord } from '../../domain/applications/application-record';
import {
  applicationStatus,
  isSensitive,
  rule2026Gaps,
  sortApplications,
  type ApplicationStatus,
  type Rule2026Gap,
} from '../../domain/applications/mfa-compliance';
import { nonBlank } from '../answer-text';
import type { Layout } from '../pdf/layout';
import { sanitizeForPdf as clean } from '../pdf/sanitize';
import type { ReportContext } from '../report-context';
import { formatNumber, formatPercent, formatShortDate } from '../../texts/format';
import type { ReportSection } from './report-section';

/** Sensitive applications and two-factor authentication: the rule of 2026 and the HospiConnect targets. */

export interface ApplicationLine {
  name: string;
  /** True when the name was left out by the sharing level and the report made one up from the kind. */
  nameWithheld: boolean;
  kind: ApplicationRecord['kind'];
  sensitive: boolean;
  authentication: ApplicationRecord['authentication'];
  users: number | undefined;
  usersWithTwoFactors: number | undefined;
  homologation: ApplicationRecord['homologation'];
  targetDate: string | undefined;
  status: ApplicationStatus;
  gaps: Rule2026Gap[];
  sensitiveReason: string | undefined;
}

export interface ReportApplications {
  /** False when the sharing level of the source left the inventory out. */
  known: boolean;
  lines: ApplicationLine[];
  sensitiveCount: number;
  compliantCount: number;
  users: number;
  usersWithTwoFactors: number;
  patientRecordTwoFactorShare: number | undefined;
  target2027Met: boolean | undefined;
  target2028Met: boolean | undefined;
}

export function buildApplicationsSection({ applications, omitted }: ReportContext): ReportApplications {
  const { records, nameWithheld, mfa } = applications;
  return {
    known: !omitted.includes('applications'),
    lines: sortApplications(records).map((a) => ({
      name: a.name,
      nameWithheld: nameWithheld.has(a.id),
      kind: a.kind,
      sensitive: isSensitive(a),
      authentication: a.authentication,
      users: a.users,
      usersWithTwoFactors: a.usersWithTwoFactors,
      homologation: a.homologation,
      targetDate: a.targetDate,
      status: applicationStatus(a),
      gaps: rule2026Gaps(a),
      sensitiveReason: nonBlank(a.sensitiveReason),
    })),
    sensitiveCount: mfa.sensitiveCount,
    compliantCount: mfa.compliantCount,
    users: mfa.users,
    usersWithTwoFactors: mfa.usersWithTwoFactors,
    patientRecordTwoFactorShare: mfa.patientRecordTwoFactorShare,
    target2027Met: mfa.target2027Met,
    target2028Met: mfa.target2028Met,
  };
}

export function drawApplicationsSection(l: Layout, a: ReportApplications): void {
  const { t, language } = l;
  if (!a.known) {
    l.paragraph(`${t('report.completeness.omitted')} ${t('report.completeness.omittedContent.applications')}`);
    return;
  }
  l.paragraph(t('report.applications.intro'), { keepWithNext: true });
  if (a.lines.length === 0) {
    l.paragraph(t('report.applications.none'));
    return;
  }
  const met = (v: boolean | undefined) =>
    v === undefined
      ? t('report.applications.unknown')
      : v
        ? t('report.applications.met')
        : t('report.applications.notMet');
  const countOf = (done: number, total: number) =>
    total > 0
      ? t('report.applications.countOf', {
          done: formatNumber(done, language),
          total: formatNumber(total, language),
          share: formatPercent(done / total, language),
        })
      : '—';
  l.pairs(
    [
      [t('report.applications.compliantApps'), countOf(a.compliantCount, a.sensitiveCount)],
      [t('report.applications.usersShare'), countOf(a.usersWithTwoFactors, a.users)],
      [
        t('report.applications.patientRecordShare'),
        a.patientRecordTwoFactorShare === undefined ? '—' : formatPercent(a.patientRecordTwoFactorShare, language),
      ],
      [t('report.applications.target2027'), met(a.target2027Met)],
      [t('report.applications.target2028'), met(a.target2028Met)],
    ],
    8.5,
    95,
  );
  const colon = language === 'fr' ? '\u00a0:' : ':';
  l.table({
    head: [
      t('report.applications.name'),
      t('report.applications.means'),
      t('report.applications.users'),
      t('report.applications.homologation'),
      t('report.applications.status'),
    ],
    widths: [50, 42, 24, 24, 34],
    size: 7.5,
    body: a.lines.map((app) => [
      clean(
        [
          app.name,
          t(`report.applicationKinds.${app.kind}`),
          ...(app.sensitiveReason ? [app.sensitiveReason] : []),
        ].join('\n'),
      ),
      clean(app.authentication.map((m) => t(`report.means.${m}`)).join(', ')),
      app.users === undefined
        ? '—'
        : `${formatNumber(app.users, language)}\n${t('report.applications.twoFactor')}${colon} ${app.usersWithTwoFactors === undefined ? '—' : formatNumber(app.usersWithTwoFactors, language)}`,
      t(`report.homologation.${app.homologation}`) +
        (app.targetDate ? `\n${formatShortDate(app.targetDate, language)}` : ''),
      [
        t(`report.applicationStatuses.${app.status}`),
        ...app.gaps.map((g) => `• ${t(`report.rule2026Gaps.${g}`)}`),
      ].join('\n'),
    ]),
  });
}

export const applicationsSection: ReportSection<'applications', ReportApplications> = {
  key: 'applications',
  start: 'page-unless-room',
  build: buildApplicationsSection,
  draw: drawApplicationsSection,
};
