import type { RouteObject } from 'react-router';
import { loadAllTranslations } from '../i18n/i18n';
import { EstablishmentsPage } from '../features/establishments/establishments-page';
import { RouteErrorPage } from './error-boundary';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';

/**
 * The home page ships with the first screen; every other screen is its own chunk, loaded on navigation and
 * precached by the service worker, to keep the first screen's JavaScript within its budget (design §8).
 */
/** A lazy screen: its chunk and the texts of every screen (../texts/locales/core.ts says why) load together. */
function lazyPage<T>(load: () => Promise<T>): () => Promise<T> {
  return () => Promise.all([load(), loadAllTranslations()]).then(([module]) => module);
}

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <EstablishmentsPage /> },
      {
        path: 'establishments/new',
        lazy: lazyPage(() =>
          import('../features/establishments/establishment-form-page').then((m) => ({
            Component: m.EstablishmentFormPage,
          })),
        ),
      },
      {
        path: 'establishments/:establishmentId',
        lazy: lazyPage(() =>
          import('../features/establishments/establishment-page').then((m) => ({ Component: m.EstablishmentPage })),
        ),
      },
      {
        path: 'establishments/:establishmentId/edit',
        lazy: lazyPage(() =>
          import('../features/establishments/establishment-form-page').then((m) => ({
            Component: m.EstablishmentFormPage,
          })),
        ),
      },
      {
        path: 'assessments/:assessmentId/results',
        lazy: lazyPage(() => import('../features/results/results-page').then((m) => ({ Component: m.ResultsPage }))),
      },
      {
        path: 'assessments/:assessmentId/results/gaps',
        lazy: lazyPage(() => import('../features/results/gaps-page').then((m) => ({ Component: m.GapsPage }))),
      },
      {
        path: 'assessments/:assessmentId/results/questions',
        lazy: lazyPage(() =>
          import('../features/results/provider-questions-page').then((m) => ({ Component: m.ProviderQuestionsPage })),
        ),
      },
      {
        path: 'assessments/:assessmentId/summary',
        lazy: lazyPage(() => import('../features/results/summary-page').then((m) => ({ Component: m.SummaryPage }))),
      },
      {
        path: 'establishments/:establishmentId/budget/:year?',
        lazy: lazyPage(() => import('../features/budget/budget-page').then((m) => ({ Component: m.BudgetPage }))),
      },
      {
        path: 'establishments/:establishmentId/applications',
        lazy: lazyPage(() =>
          import('../features/applications/applications-page').then((m) => ({ Component: m.ApplicationsPage })),
        ),
      },
      {
        path: 'establishments/:establishmentId/actions',
        lazy: lazyPage(() =>
          import('../features/action-plan/action-plan-page').then((m) => ({ Component: m.ActionPlanPage })),
        ),
      },
      {
        path: 'assessments/:assessmentId/export',
        lazy: lazyPage(() => import('../features/exchange/export-page').then((m) => ({ Component: m.ExportPage }))),
      },
      {
        path: 'assessments/:assessmentId/report',
        lazy: lazyPage(() => import('../features/reports/reports-page').then((m) => ({ Component: m.ReportsPage }))),
      },
      {
        path: 'assessments/:assessmentId/:domainId?',
        lazy: lazyPage(() =>
          import('../features/assessment/assessment-page').then((m) => ({ Component: m.AssessmentPage })),
        ),
      },
      {
        path: 'questionnaires',
        lazy: lazyPage(() =>
          import('../features/questionnaires/questionnaires-page').then((m) => ({ Component: m.QuestionnairesPage })),
        ),
      },
      {
        path: 'auditor',
        lazy: lazyPage(() => import('../features/auditor/auditor-page').then((m) => ({ Component: m.AuditorPage }))),
      },
      {
        path: 'settings',
        lazy: lazyPage(() => import('../features/settings/settings-page').then((m) => ({ Component: m.SettingsPage }))),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
