import type { Db, Executor } from '../../db/database.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { AuditAppend, AuditActor } from '../audit/index.ts';

/** Installation settings with their defaults; stored as JSON per key, every change audited. */
export interface Settings {
  siteName: string;
  siteDomain: string;
  siteIdCode: string;
  /** 索引号 pattern (REFERENCE.md §6.2), default `{机构代码}/{YYYY}-{serial:5}`. */
  indexNumberPattern: string;
  /** Default 公开时限 in 工作日 after 形成/变更 (条例 Art. 26). */
  defaultPublicationLimitWorkingDays: number;
}

export const DEFAULT_SETTINGS: Settings = {
  siteName: '政府信息公开',
  siteDomain: 'localhost',
  siteIdCode: '0000000000',
  indexNumberPattern: '{机构代码}/{YYYY}-{serial:5}',
  defaultPublicationLimitWorkingDays: 20,
};

export class SettingsService {
  private cache: Settings | undefined;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditAppend,
  ) {}

  /** Inside a transaction pass it as `db`: SQLite has one connection, which the transaction holds. */
  async get(db: Executor = this.db): Promise<Settings> {
    if (this.cache) return this.cache;
    const rows = await db.selectFrom('settings').selectAll().execute();
    const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value_json)]));
    this.cache = { ...DEFAULT_SETTINGS, ...stored } as Settings;
    return this.cache;
  }

  /** Forget the cache (another instance may have changed a setting). */
  invalidate(): void {
    this.cache = undefined;
  }

  async update(actor: AuditActor, changes: Partial<Settings>, trx?: Executor): Promise<Settings> {
    const before = await this.get(trx);
    const write = async (t: Executor) => {
      const now = this.clock.now().toISOString();
      for (const [key, value] of Object.entries(changes)) {
        await t
          .insertInto('settings')
          .values({ key, value_json: JSON.stringify(value), updated_at: now })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value_json: JSON.stringify(value), updated_at: now }))
          .execute();
      }
      const changedBefore = Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof Settings]]));
      await this.audit(t, { actor, action: 'settings.update', subjectType: 'settings', subjectId: 'installation', before: changedBefore, after: changes });
    };
    if (trx) await write(trx);
    else await this.db.transaction().execute(write);
    this.cache = undefined;
    return this.get(trx);
  }
}
