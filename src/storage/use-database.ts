import { createContext, useContext } from 'react';
import type { CareDatabase } from './care-database';

/**
 * React access to the database for the first screen. Kept apart from the repositories (use-repositories.ts),
 * which validate with zod, so that the home page loads no validation code (first-screen budget, design §8).
 */
export const DatabaseContext = createContext<CareDatabase | null>(null);

export function useDatabase(): CareDatabase {
  const db = useContext(DatabaseContext);
  if (!db) throw new Error('useDatabase outside DatabaseContext');
  return db;
}

export { useLiveQuery } from './use-live-query';
