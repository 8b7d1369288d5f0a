import frActions from './fr/actions.json';
import frApplications from './fr/applications.json';
import frAuditor from './fr/auditor.json';
import frCli from './fr/cli.json';
import frAssessment from './fr/assessment.json';
import frAssessments from './fr/assessments.json';
import frBudget from './fr/budget.json';
import frCommon from './fr/common.json';
import frErrors from './fr/errors.json';
import frExchange from './fr/exchange.json';
import frEstablishments from './fr/establishments.json';
import frHome from './fr/home.json';
import frLock from './fr/lock.json';
import frPassphrase from './fr/passphrase.json';
import frQuestionnaires from './fr/questionnaires.json';
import frReports from './fr/reports.json';
import frRegional from './fr/regional.json';
import frReport from './fr/report.json';
import frResults from './fr/results.json';
import frSettings from './fr/settings.json';
import enActions from './en/actions.json';
import enApplications from './en/applications.json';
import enAuditor from './en/auditor.json';
import enCli from './en/cli.json';
import enAssessment from './en/assessment.json';
import enAssessments from './en/assessments.json';
import enBudget from './en/budget.json';
import enCommon from './en/common.json';
import enErrors from './en/errors.json';
import enExchange from './en/exchange.json';
import enEstablishments from './en/establishments.json';
import enHome from './en/home.json';
import enLock from './en/lock.json';
import enPassphrase from './en/passphrase.json';
import enQuestionnaires from './en/questionnaires.json';
import enReports from './en/reports.json';
import enRegional from './en/regional.json';
import enReport from './en/report.json';
import enResults from './en/results.json';
import enSettings from './en/settings.json';

/** French is the reference locale: its shape types every key (design §7), and English must have the same shape. */
export const fr = {
  common: frCommon,
  home: frHome,
  establishments: frEstablishments,
  assessments: frAssessments,
  assessment: frAssessment,
  settings: frSettings,
  questionnaires: frQuestionnaires,
  budget: frBudget,
  applications: frApplications,
  results: frResults,
  actions: frActions,
  auditor: frAuditor,
  errors: frErrors,
  exchange: frExchange,
  reports: frReports,
  report: frReport,
  regional: frRegional,
  lock: frLock,
  passphrase: frPassphrase,
  cli: frCli,
};

export type SameShape<T> = { [K in keyof T]: T[K] extends string ? string : SameShape<T[K]> };

export const en: SameShape<typeof fr> = {
  common: enCommon,
  home: enHome,
  establishments: enEstablishments,
  assessments: enAssessments,
  assessment: enAssessment,
  settings: enSettings,
  questionnaires: enQuestionnaires,
  budget: enBudget,
  applications: enApplications,
  results: enResults,
  actions: enActions,
  auditor: enAuditor,
  errors: enErrors,
  exchange: enExchange,
  reports: enReports,
  report: enReport,
  regional: enRegional,
  lock: enLock,
  passphrase: enPassphrase,
  cli: enCli,
};
