import type { Db } from '../../db/database.ts';
import type { Actor } from '../../kernel/actor.ts';
import type { Clock } from '../../kernel/clock.ts';
import { Conflict, InvalidInput, NotFound } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import type { AuditAppend } from '../audit/index.ts';
import { authorize } from '../identity/domain/authorize.ts';
import { validateCatalogueEntry, type CatalogueEntry, type CatalogueEntryInput } from './domain/catalogue-entry.ts';
import { catalogueEntryRepository as repo } from './sql/catalogue-entry-repository.ts';

/** 主动公开基本目录: the office keeps the rows; items link to them for their 公开时限. */
export class CatalogueEntryService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditAppend,
  ) {}

  list(organId?: string): Promise<CatalogueEntry[]> {
    return repo.list(this.db, organId);
  }

  async get(id: string): Promise<CatalogueEntry> {
    const entry = await repo.findById(this.db, id);
    if (!entry) throw new NotFound('catalogue-entry-not-found');
    return entry;
  }

  itemCounts(): Promise<Map<string, { total: number }>> {
    return repo.itemCounts(this.db);
  }

  async create(actor: Actor, input: CatalogueEntryInput, organId: string = actor.organId): Promise<CatalogueEntry> {
    authorize(actor, 'catalogue-entry.manage');
    const errors = validateCatalogueEntry(input);
    if (Object.keys(errors).length > 0) throw new InvalidInput(errors);
    const now = this.clock.now().toISOString();
    const entry: CatalogueEntry = { ...input, id: newId(), organId, version: 1, createdAt: now, updatedAt: now };
    await this.db.transaction().execute(async (trx) => {
      await repo.insert(trx, entry);
      await this.audit(trx, { actor: { id: actor.id, name: actor.displayName }, action: 'catalogue-entry.create', subjectType: 'catalogue-entry', subjectId: entry.id, after: entry });
    });
    return entry;
  }

  async update(actor: Actor, id: string, expectedVersion: number, input: CatalogueEntryInput): Promise<CatalogueEntry> {
    authorize(actor, 'catalogue-entry.manage');
    const errors = validateCatalogueEntry(input);
    if (Object.keys(errors).length > 0) throw new InvalidInput(errors);
    return this.db.transaction().execute(async (trx) => {
      const before = await repo.findById(trx, id);
      if (!before) throw new NotFound('catalogue-entry-not-found');
      if (before.version !== expectedVersion) throw new Conflict('stale-version');
      const after: CatalogueEntry = { ...before, ...input, version: before.version + 1, updatedAt: this.clock.now().toISOString() };
      await repo.update(trx, after);
      await this.audit(trx, { actor: { id: actor.id, name: actor.displayName }, action: 'catalogue-entry.update', subjectType: 'catalogue-entry', subjectId: id, before, after });
      return after;
    });
  }
}
