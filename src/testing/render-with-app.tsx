import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { SaveIndicator, SaveStatusProvider } from '../components/save-status';
import { openCareDatabase, type CareDatabase } from '../storage/care-database';
import { DatabaseContext } from '../storage/use-database';

/** A database of its own on fake-indexeddb, for one test (a fresh name each time, so tests never share data). */
export function openTestDatabase(): Promise<CareDatabase> {
  return openCareDatabase(`test-${crypto.randomUUID()}`);
}

/**
 * Renders screens the way the app does (a database on fake-indexeddb, the save-status provider with its indicator,
 * a router at the given address), for component tests that query by role and label. Pass `db` to render on data
 * stored beforehand, or to render a screen again on the same data (as after a reload).
 */
export async function renderWithApp(
  routes: RouteObject[],
  path: string,
  db?: CareDatabase,
): Promise<RenderResult & { db: CareDatabase }> {
  const database = db ?? (await openTestDatabase());
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
