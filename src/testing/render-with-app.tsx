import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { SaveIndicator, SaveStatusProvider } from '../components/save-status';
import { openCareDatabase, type CareDatabase } from '../storage/care-database';
import { DatabaseContext } from '../storage/use-database';

/**
 * Renders screens the way the app does (a fresh database on fake-indexeddb, the save-status provider with its
 * indicator, a router at the given address), for component tests that query by role and label.
 */
export async function renderWithApp(
  routes: RouteObject[],
  path: string,
  db?: CareDatabase,
): Promise<RenderResult & { db: CareDatabase }> {
  const database = db ?? (await openCareDatabase(`test-${crypto.randomUUID()}`));
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const ui: ReactElement = (
    <DatabaseContext.Provider value={database}>
      <SaveStatusProvider>
        <SaveIndicator />
        <RouterProvider router={router} />
      </SaveStatusProvider>
    </DatabaseContext.Provider>
  );
  return { ...render(ui), db: database };
}
