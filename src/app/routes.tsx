import { lazy, type ComponentType, type LazyExoticComponent, type ReactElement } from 'react';
import { createRoutesFromElements, matchRoutes, Route, Routes } from 'react-router';
import { loadScreenTexts } from '../i18n/i18n';
import { EstablishmentsPage } from '../features/establishments/establishments-page';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';

/**
 * The screens and their addresses. The home page ships with the first screen; every other screen is its own chunk,
 * loaded on navigation and precached by the service worker, to keep the first screen's JavaScript within its budget
 * (design §8). The routes are declared as components (`<Routes>`): the app reads no route data, and react-router's
 * data router would add 57 KiB to the first screen for nothing.
 */
/** How to start loading each lazy screen before React asks for it (see `preloadScreen`). */
const preloaders = new Map<unknown, () => Promise<unknown>>();

/** A lazy screen: its chunk and the texts of every screen (../texts/locales/core.ts says why) load together. */
function lazyPage<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
): LazyExoticComponent<ComponentType<Props>> {
  let loading: Promise<{ default: ComponentType<Props> }> | undefined;
  const loadOnce = () =>
    (loading ??= Promise.all([load(), loadScreenTexts()]).then(([Component]) => ({ default: Component })));
  const page = lazy(loadOnce);
  preloaders.set(page, loadOnce);
  return page;
}

const EstablishmentFormPage = lazyPage(() =>
  import('../features/establishments/establishment-form-page').then((m) => m.EstablishmentFormPage),
);
const EstablishmentPage = lazyPage(() =>
  import('../features/establishments/establishment-page').then((m) => m.EstablishmentPage),
);
const ResultsPage = lazyPage(() => import('../features/results/results-page').then((m) => m.ResultsPage));
const GapsPage = lazyPage(() => import('../features/results/gaps-page').then((m) => m.GapsPage));
const ProviderQuestionsPage = lazyPage(() =>
  import('../features/results/provider-questions-page').then((m) => m.ProviderQuestionsPage),
);
const RenewalPage = lazyPage(() => import('../features/results/renewal-page').then((m) => m.RenewalPage));
const DeclarationPage = lazyPage(() =>
  import('../features/declaration/declaration-page').then((m) => m.DeclarationPage),
);
const SummaryPage = lazyPage(() => import('../features/results/summary-page').then((m) => m.SummaryPage));
const BudgetPage = lazyPage(() => import('../features/budget/budget-page').then((m) => m.BudgetPage));
const ApplicationsPage = lazyPage(() =>
  import('../features/applications/applications-page').then((m) => m.ApplicationsPage),
);
const ActionPlanPage = lazyPage(() => import('../features/action-plan/action-plan-page').then((m) => m.ActionPlanPage));
const ExportPage = lazyPage(() => import('../features/exchange/export-page').then((m) => m.ExportPage));
const FrameworksPage = lazyPage(() => import('../features/frameworks/frameworks-page').then((m) => m.FrameworksPage));
const SnapshotsPage = lazyPage(() => import('../features/snapshots/snapshots-page').then((m) => m.SnapshotsPage));
const ReportsPage = lazyPage(() => import('../features/reports/reports-page').then((m) => m.ReportsPage));
const AssessmentPage = lazyPage(() => import('../features/assessment/assessment-page').then((m) => m.AssessmentPage));
const QuestionnairesPage = lazyPage(() =>
  import('../features/questionnaires/questionnaires-page').then((m) => m.QuestionnairesPage),
);
const AuditorPage = lazyPage(() => import('../features/auditor/auditor-page').then((m) => m.AuditorPage));
const ReviewPage = lazyPage(() => import('../features/auditor/review-page').then((m) => m.ReviewPage));
const SettingsPage = lazyPage(() => import('../features/settings/settings-page').then((m) => m.SettingsPage));

const routeTree: ReactElement = (
  <Route path="/" element={<Layout />}>
    <Route index element={<EstablishmentsPage />} />
    <Route path="establishments/new" element={<EstablishmentFormPage />} />
    <Route path="establishments/:establishmentId" element={<EstablishmentPage />} />
    <Route path="establishments/:establishmentId/edit" element={<EstablishmentFormPage />} />
    <Route path="establishments/:establishmentId/budget/:year?" element={<BudgetPage />} />
    <Route path="establishments/:establishmentId/applications" element={<ApplicationsPage />} />
    <Route path="establishments/:establishmentId/actions" element={<ActionPlanPage />} />
    <Route path="assessments/:assessmentId/results" element={<ResultsPage />} />
    <Route path="assessments/:assessmentId/results/gaps" element={<GapsPage />} />
    <Route path="assessments/:assessmentId/results/questions" element={<ProviderQuestionsPage />} />
    <Route path="assessments/:assessmentId/results/renewal" element={<RenewalPage />} />
    <Route path="assessments/:assessmentId/declaration" element={<DeclarationPage />} />
    <Route path="assessments/:assessmentId/summary" element={<SummaryPage />} />
    <Route path="assessments/:assessmentId/export" element={<ExportPage />} />
    <Route path="assessments/:assessmentId/report" element={<ReportsPage />} />
    <Route path="assessments/:assessmentId/frameworks" element={<FrameworksPage />} />
    <Route path="assessments/:assessmentId/snapshots" element={<SnapshotsPage />} />
    <Route path="assessments/:assessmentId/:domainId?" element={<AssessmentPage />} />
    <Route path="questionnaires" element={<QuestionnairesPage />} />
    <Route path="auditor" element={<AuditorPage />} />
    <Route path="auditor/review/:submissionDigest" element={<ReviewPage />} />
    <Route path="settings" element={<SettingsPage />} />
    <Route path="*" element={<NotFoundPage />} />
  </Route>
);

export function AppRoutes() {
  return <Routes>{routeTree}</Routes>;
}

/**
 * Starts loading the screen of an address (its chunk and the texts) at start-up, while the database opens, instead
 * of after the first render: on a direct load or a reload of an inner page, the screen's code then arrives one
 * round trip earlier (Lighthouse's first and largest contentful paints, design §8). The home page ships with the
 * first screen and needs nothing.
 */
export function preloadScreen(pathname: string): void {
  const matches = matchRoutes(createRoutesFromElements(routeTree), pathname) ?? [];
  for (const { route } of matches) {
    const type = (route.element as ReactElement | undefined)?.type;
    void preloaders
      .get(type)?.()
      .catch(() => undefined);
  }
}
