/** 依申请公开 (条例 Art. 27–45): the only door other modules and the composition root use. */
import type { Actor } from '../../kernel/actor.ts';
import type { PublishingService } from '../catalogue/publishing-service.ts';
import type { Scheduler } from '../scheduler/scheduler.ts';
import { exportCaseFile } from './case-file.ts';
import { FoiCaseService } from './case-service.ts';
import { FoiRequestService, type FoiDeps } from './foi-request-service.ts';
import { FoiReminderService } from './reminder-service.ts';

export { foiReportRecords } from './report-records.ts';
export { IdentityVault, SECRET_KEY_ENV, SECRET_KEY_FILE } from './identity-vault.ts';
export { FOI_MESSAGES } from './web/foi-messages.ts';
export { foiApiRoutes } from './web/foi-api-routes.ts';
export { foiConsoleRoutes } from './web/foi-console-routes.tsx';
export { foiPublicRoutes } from './web/foi-public-routes.tsx';
export type { FoiRequestView } from './request-view.ts';
export type { FoiDeps } from './foi-request-service.ts';
export { FOI_REMINDER_JOB, type ReminderView } from './reminder-service.ts';

/** The module's use cases, wired once. */
export interface FoiModule {
  requests: FoiRequestService;
  cases: FoiCaseService;
  /** Reply-deadline reminders (条例 Art. 33): the daily sweep, the office's list, 已读. */
  reminders: FoiReminderService;
  /** Case file (条例 Art. 45) as a ZIP, identity numbers masked. */
  exportCaseFile(actor: Actor, requestId: string): Promise<{ filename: string; zip: Buffer }>;
}

/**
 * Builds the module on its dependencies; `items` is the catalogue's publishing service (Art. 44 promotion), `scheduler`
 * runs the daily reminder sweep.
 */
export function createFoiModule(deps: FoiDeps, items: PublishingService, scheduler: Scheduler): FoiModule {
  const requests = new FoiRequestService(deps);
  const reminders = new FoiReminderService(deps, requests);
  requests.onChange(reminders.syncRequest);
  reminders.registerJob(scheduler);
  return {
    requests,
    reminders,
    cases: new FoiCaseService(deps, requests, items),
    exportCaseFile: (actor, requestId) => exportCaseFile(deps, requests, actor, requestId),
  };
}
