import type { Establishment } from '../domain/establishment/establishment';
import type { CareDatabase } from './care-database';

/** Active establishments sorted by name (French collation); archived ones only when asked for. */
export async function listEstablishments(
  db: CareDatabase,
  options: { includeArchived?: boolean } = {},
): Promise<Establishment[]> {
  const all = await db.establishments.toArray();
  return all
    .filter((e) => options.includeArchived === true || !e.archived)
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}
