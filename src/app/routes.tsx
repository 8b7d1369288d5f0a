import type { RouteObject } from 'react-router';
import { EstablishmentsPage } from '../features/establishments/establishments-page';
import { RouteErrorPage } from './error-boundary';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';

/**
 * The home page ships with the first screen; every other screen is its own chunk, loaded on navigation and
 * precached by the service worker, to keep the first screen's JavaScript within its budget (design §8).
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <EstablishmentsPage /> },
      {
        path: 'establishments/new',
        lazy: () =>
          import('../features/establishments/establishment-form-page').then((m) => ({
            Component: m.EstablishmentFormPage,
          })),
      },
      {
        path: 'establishments/:establishmentId',
        lazy: () =>
          import('../features/establishments/establishment-page').then((m) => ({ Component: m.EstablishmentPage })),
      },
      {
        path: 'establishments/:establishmentId/edit',
        lazy: () =>
          import('../features/establishments/establishment-form-page').then((m) => ({
            Component: m.EstablishmentFormPage,
          })),
      },
      {
        path: 'assessments/:assessmentId/:domainId?',
        lazy: () => import('../features/assessment/assessment-page').then((m) => ({ Component: m.AssessmentPage })),
      },
      {
        path: 'questionnaires',
        lazy: () =>
          import('../features/questionnaires/questionnaires-page').then((m) => ({ Component: m.QuestionnairesPage })),
      },
      {
        path: 'settings',
        lazy: () => import('../features/settings/settings-page').then((m) => ({ Component: m.SettingsPage })),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
