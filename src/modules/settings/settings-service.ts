import { nextCounterValue } from '../../db/counters.ts';
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
  /** The main organ's 政府信息公开工作机构 as the 信息公开指南 names it (条例 Art. 12); '' where not given. */
  disclosureOffice: DisclosureOfficeContacts;
  /** An open 依申请公开 case with at most this many 工作日 left is 即将到期 (lists, banner, reminders; 条例 Art. 33 sets the limit, not the warning). */
  foiDueSoonWorkingDays: number;
}

/**
 * What 条例 Art. 12 asks the guide to give of the 工作机构 besides what the organ record holds:
 * 名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式. Address and phone, when left '',
 * are the organ's own.
 */
export interface DisclosureOfficeContacts {
  name: string;
  address: string;
  officeHours: string;
  phone: string;
  fax: string;
  email: string;
  website: string;
}

export const NO_OFFICE_CONTACTS: DisclosureOfficeContacts = { name: '', address: '', officeHours: '', phone: '', fax: '', email: '', website: '' };

export const DEFAULT_SETTINGS: Settings = {
  siteName: '政府信息公开',
  siteDomain: 'localhost',
  siteIdCode: '0000000000',
  indexNumberPattern: '{机构代码}/{YYYY}-{serial:5}',
  defaultPublicationLimitWorkingDays: 20,
  disclosureOffice: NO_OFFICE_CONTACTS,
  foiDueSoonWorkingDays: 5,
};

/** The counter every settings change bumps in its transaction: instances compare it with their cached copy's. */
export const SETTINGS_VERSION_COUNTER = 'settings-version';

/**
 * The settings of the installation, cached per instance while the settings version (a counter bumped
 * in the transaction of every change, on any instance) is the one the copy was read at, so a change
 * made on one instance is seen by the next read on every other (settings-service.test.ts).
 */
export class SettingsService {
  private cache: { version: number; settings: Settings } | undefined;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditAppend,
    private readonly hooks: {
      /** The committed settings version (Database.readCounter); without it (tools) every read goes to the table. */
      version?: () => Promise<number>;
      /** Run in the transaction of every change: the portal bumps its public version, since every page shows the site's name. */
      changed?: (trx: Executor) => Promise<unknown>;
    } = {},
  ) {}

  /**
   * The settings as last read outside a transaction (the defaults before the first read), for code that cannot wait:
   * every request and scheduled job reads them first (web-app.ts, services.ts), so within one they are as fresh as it.
   */
  current(): Settings {
    return this.cache?.settings ?? DEFAULT_SETTINGS;
  }

  /**
   * Inside a transaction pass it as `db`: SQLite has one connection, which the transaction holds.
   * What a transaction reads is not cached (it may hold its own uncommitted change, or roll back).
   */
  async get(db: Executor = this.db): Promise<Settings> {
    const { version: readVersion } = this.hooks;
    // The version is read before the rows: a change committed in between only makes the next read look again.
    const version = db === this.db && readVersion ? await readVersion() : undefined;
    if (version !== undefined && this.cache?.version === version) return this.cache.settings;
    const rows = await db.selectFrom('settings').selectAll().execute();
    const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value_json)]));
    const settings = { ...DEFAULT_SETTINGS, ...stored } as Settings;
    const office: unknown = settings.disclosureOffice;
    settings.disclosureOffice = { ...NO_OFFICE_CONTACTS, ...(office !== null && typeof office === 'object' ? office : {}) };
    if (version !== undefined) this.cache = { version, settings };
    return settings;
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
      await nextCounterValue(t, SETTINGS_VERSION_COUNTER);
      await this.hooks.changed?.(t);
      await this.audit(t, { actor, action: 'settings.update', subjectType: 'settings', subjectId: 'installation', before: changedBefore, after: changes });
    };
    if (trx) await write(trx);
    else await this.db.transaction().execute(write);
    return this.get(trx);
  }
}
