import {
  buildEstablishment,
  establishmentInputSchema,
  type Establishment,
  type EstablishmentInput,
} from '../domain/establishment/establishment';
import { checkFiness } from '../domain/establishment/finess';
import type { CareDatabase } from './care-database';
import { listEstablishments } from './establishment-queries';
import { StorageError, toStorageError } from './storage-error';

export class EstablishmentRepository {
  constructor(private readonly db: CareDatabase) {}

  list(options: { includeArchived?: boolean } = {}): Promise<Establishment[]> {
    return listEstablishments(this.db, options);
  }

  async get(id: string): Promise<Establishment | undefined> {
    return this.db.establishments.get(id);
  }

  /** Validates, stores and returns the new establishment; resolves only once IndexedDB has committed it. */
  async create(input: EstablishmentInput, now: number = Date.now()): Promise<Establishment> {
    this.db.assertWritable();
    const parsed = establishmentInputSchema.safeParse(input);
    if (!parsed.success) throw new StorageError('invalid-record', parsed.error.issues.map((i) => i.message).join(', '));
    const establishment = buildEstablishment(parsed.data, crypto.randomUUID(), now);
    try {
      await this.db.transaction('rw', this.db.establishments, () => this.db.establishments.add(establishment));
    } catch (error) {
      throw toStorageError(error);
    }
    return establishment;
  }

  async update(id: string, input: EstablishmentInput, now: number = Date.now()): Promise<Establishment> {
    this.db.assertWritable();
    const parsed = establishmentInputSchema.safeParse(input);
    if (!parsed.success) throw new StorageError('invalid-record', parsed.error.issues.map((i) => i.message).join(', '));
    try {
      return await this.db.transaction('rw', this.db.establishments, async () => {
        const current = await this.db.establishments.get(id);
        if (!current) throw new StorageError('not-found', id);
        const rebuilt = buildEstablishment(parsed.data, id, now);
        const next: Establishment = { ...rebuilt, createdAt: current.createdAt, archived: current.archived };
        await this.db.establishments.put(next);
        return next;
      });
    } catch (error) {
      throw toStorageError(error);
    }
  }

  /** Archiving hides an establishment from lists and keeps every assessment of it. */
  async setArchived(id: string, archived: boolean, now: number = Date.now()): Promise<void> {
    this.db.assertWritable();
    try {
      await this.db.transaction('rw', this.db.establishments, async () => {
        const current = await this.db.establishments.get(id);
        if (!current) throw new StorageError('not-found', id);
        await this.db.establishments.put({ ...current, archived, updatedAt: now });
      });
    } catch (error) {
      throw toStorageError(error);
    }
  }

  /** Establishments already registered under this FINESS (to warn before creating a duplicate). */
  async findByFiness(finess: string): Promise<Establishment[]> {
    const check = checkFiness(finess);
    if (check.status === 'invalid') return [];
    return this.db.establishments.where('finessEj').equals(check.normalized).toArray();
  }
}
