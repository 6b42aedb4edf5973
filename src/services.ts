import { nextCounterValue } from './db/counters.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import type { Clock } from './kernel/clock.ts';
import { createAnnualReportModule, type AnnualReportService, type InspectionService } from './modules/annual-report/index.ts';
import { createAuditLog, type AuditAppend } from './modules/audit/index.ts';
import { CALENDAR_VERSION_COUNTER, CalendarService } from './modules/calendar/index.ts';
import { BlobStore } from './modules/catalogue/attachments/blob-store.ts';
import { AttachmentService } from './modules/catalogue/attachment-service.ts';
import { CatalogueEntryService } from './modules/catalogue/catalogue-entry-service.ts';
import { PublicCatalogue } from './modules/catalogue/public-catalogue.ts';
import { PublishingService } from './modules/catalogue/publishing-service.ts';
import { ReferenceData } from './modules/catalogue/reference-data.ts';
import { createFoiModule, foiReportRecords, IdentityVault, type FoiModule } from './modules/foi-requests/index.ts';
import { createIdentityService, type IdentityService } from './modules/identity/index.ts';
import { PUBLIC_VERSION_COUNTER, PublicProjection } from './modules/portal/public-projection.ts';
import { Scheduler } from './modules/scheduler/scheduler.ts';
import { SearchService } from './modules/search/index.ts';
import { SETTINGS_VERSION_COUNTER, SettingsService } from './modules/settings/settings-service.ts';
import { columnFreshnessIndicator, SITE_HEALTH_JOB, SiteHealthService } from './modules/site-health/index.ts';
import type { SiteInfo } from './web/layout.tsx';

/** Everything the app, the CLI and the tests use, wired once (STYLE.md §2: no DI framework). */
export interface Services {
  database: Database;
  clock: Clock;
  audit: AuditAppend;
  settings: SettingsService;
  calendar: CalendarService;
  reference: ReferenceData;
  scheduler: Scheduler;
  blobs: BlobStore;
  identity: IdentityService;
  items: PublishingService;
  attachments: AttachmentService;
  catalogueEntries: CatalogueEntryService;
  publicCatalogue: PublicCatalogue;
  publicProjection: PublicProjection;
  /** 年度报告 (条例 Art. 49–50). */
  annualReports: AnnualReportService;
  /** 自查 and the 政务公开 indicator system; other modules add indicators with registerIndicator. */
  inspection: InspectionService;
  search: SearchService;
  /** 依申请公开. */
  foi: FoiModule;
  /** 网站健康检查 (国办秘函〔2019〕19号): daily check, dashboard, monthly report. */
  siteHealth: SiteHealthService;
  site(): Promise<SiteInfo>;
  /**
   * Brings what each instance caches for synchronous use (the calendar, the settings) up to date with changes made
   * on another; run before every request the fast path leaves (web-app.ts) and before due scheduled jobs.
   */
  refresh(): Promise<unknown>;
  close(): Promise<void>;
}

export interface ServiceOptions {
  databaseUrl?: string;
  database?: Database;
  dataDir: string;
  clock: Clock;
  instanceId: string;
}

/** Opens and migrates the database, loads reference data and the calendar, builds the services. */
export async function createServices(options: ServiceOptions): Promise<Services> {
  const database = options.database ?? openDatabase(options.databaseUrl!);
  await migrate(database);
  const { db } = database;
  const { clock } = options;
  const audit = createAuditLog(clock).append;
  const settings = new SettingsService(db, clock, audit, {
    version: () => database.readCounter(SETTINGS_VERSION_COUNTER),
    // Every public page shows the site's name and the guide its 工作机构: cached pages go with the change.
    changed: (trx) => nextCounterValue(trx, PUBLIC_VERSION_COUNTER),
  });
  const calendar = new CalendarService({ db, clock, audit, version: () => database.readCounter(CALENDAR_VERSION_COUNTER) });
  await calendar.ensureShipped();
  await calendar.load();
  await settings.get(); // what settings.current() gives until the first request or job reads them again
  const reference = new ReferenceData(db);
  await reference.ensureDefaults();
  const refresh = () => Promise.all([calendar.fresh(), settings.get()]);
  const scheduler = new Scheduler(db, clock, options.instanceId, {}, refresh);
  const blobs = new BlobStore(options.dataDir);
  const identity = createIdentityService({ db, clock, audit });
  const deps = { db, clock, audit, settings, reference, blobs, calendar: () => calendar.current() };
  const items = new PublishingService(deps, scheduler);
  const publicProjection = new PublicProjection(db, clock, reference);
  items.onPublicChange(publicProjection.update);
  // 依申请公开 records feed tables 三/四 and the request indicators.
  const records = foiReportRecords({ db, clock, calendar });
  const annual = createAnnualReportModule({ db, clock, audit, items, records, calendar: () => calendar.current(), defaultLimitWorkingDays: async () => (await settings.get()).defaultPublicationLimitWorkingDays });
  const search = new SearchService(db, database.dialect, reference, () => database.readCounter(PUBLIC_VERSION_COUNTER));
  publicProjection.onChange(search.indexListener);
  const siteHealth = new SiteHealthService({ db, clock, audit, blobs, scheduler, siteDomain: async () => (await settings.get()).siteDomain });
  scheduler.register(SITE_HEALTH_JOB, siteHealth.jobHandler);
  annual.inspection.registerIndicator(columnFreshnessIndicator({ db, clock }));
  return {
    database,
    clock,
    audit,
    settings,
    calendar,
    reference,
    scheduler,
    blobs,
    identity,
    items,
    attachments: new AttachmentService(deps, blobs),
    catalogueEntries: new CatalogueEntryService(db, clock, audit),
    publicCatalogue: new PublicCatalogue(db, blobs),
    publicProjection,
    annualReports: annual.reports,
    inspection: annual.inspection,
    search,
    siteHealth,
    foi: createFoiModule({ db, clock, audit, calendar, dueSoonWorkingDays: () => settings.current().foiDueSoonWorkingDays, vault: new IdentityVault({ dataDir: options.dataDir }), blobs }, items, scheduler),
    refresh,
    async site() {
      const s = await settings.get();
      const organ = await db.selectFrom('organs').selectAll().where('is_main', '=', 1).executeTakeFirst();
      return {
        siteName: s.siteName,
        siteDomain: s.siteDomain,
        siteIdCode: organ?.site_id_code ?? s.siteIdCode,
        organName: organ?.name ?? '（尚未设置机关）',
        address: organ?.address ?? '',
        phone: organ?.phone ?? '',
      };
    },
    async close() {
      await scheduler.stop();
      await database.destroy();
    },
  };
}
