/** Builds the module's services once (STYLE.md §2: wiring happens in services.ts, no DI framework). */
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { AuditAppend } from '../audit/index.ts';
import type { WorkingDays } from '../catalogue/domain/timeliness.ts';
import type { PublishingService } from '../catalogue/publishing-service.ts';
import { AnnualReportService } from './annual-report-service.ts';
import { emptyApplicationRecordSource, type ApplicationRecordSource } from './application-records.ts';
import { defaultIndicators } from './inspection/default-indicators.ts';
import { InspectionService } from './inspection/inspection-service.ts';

export interface AnnualReportModuleDeps {
  db: Db;
  clock: Clock;
  audit: AuditAppend;
  items: PublishingService;
  calendar: () => WorkingDays;
  defaultLimitWorkingDays: () => Promise<number>;
  /** The 依申请公开 records; the empty source until the foi-requests module provides one. */
  records?: ApplicationRecordSource;
}

/** The report and self-inspection services, with the default indicators registered. */
export function createAnnualReportModule(deps: AnnualReportModuleDeps): { reports: AnnualReportService; inspection: InspectionService } {
  const records = deps.records ?? emptyApplicationRecordSource;
  const reports = new AnnualReportService({ db: deps.db, clock: deps.clock, audit: deps.audit, items: deps.items, records });
  const inspection = new InspectionService({ db: deps.db, clock: deps.clock, audit: deps.audit });
  for (const indicator of defaultIndicators({ db: deps.db, clock: deps.clock, calendar: deps.calendar, defaultLimitWorkingDays: deps.defaultLimitWorkingDays, records })) inspection.registerIndicator(indicator);
  return { reports, inspection };
}
