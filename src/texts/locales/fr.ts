import frActions from './fr/actions.json';
import frApplications from './fr/applications.json';
import frAuditor from './fr/auditor.json';
import frCli from './fr/cli.json';
import frAssessment from './fr/assessment.json';
import frAssessments from './fr/assessments.json';
import frBudget from './fr/budget.json';
import frCommon from './fr/common.json';
import frDeclaration from './fr/declaration.json';
import frDelegation from './fr/delegation.json';
import frErrors from './fr/errors.json';
import frExchange from './fr/exchange.json';
import frEstablishments from './fr/establishments.json';
import frFrameworks from './fr/frameworks.json';
import frHome from './fr/home.json';
import frLock from './fr/lock.json';
import frPassphrase from './fr/passphrase.json';
import frQuestionnaires from './fr/questionnaires.json';
import frReports from './fr/reports.json';
import frRegional from './fr/regional.json';
import frReport from './fr/report.json';
import frResults from './fr/results.json';
import frReview from './fr/review.json';
import frSettings from './fr/settings.json';
import frSnapshots from './fr/snapshots.json';
import frAuditorReview from './fr/auditor-review.json';

/**
 * Every French text of the screens, the PDF reports and the command line, by area (one file per area in ./fr). French
 * is the reference locale: its shape types every key (design §7). In the build this module is one compressed file
 * fetched on first use (scripts/vite-compressed-json.ts); the app loads only the language it shows (../../i18n/i18n.ts).
 */
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
  snapshots: frSnapshots,
  review: frReview,
  delegation: frDelegation,
  'auditor-review': frAuditorReview,
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
  frameworks: frFrameworks,
  declaration: frDeclaration,
};
