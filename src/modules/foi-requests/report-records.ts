import type { Db } from '../../db/database.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { LocalDate } from '../../kernel/local-date.ts';
import type { WorkingDayCalendar } from '../../kernel/working-days.ts';
import type { ApplicationRecord, ApplicationRecordSource } from '../annual-report/application-records.ts';
import type { ReviewRecord } from '../annual-report/domain/compute-tables.ts';
import { derive } from './request-view.ts';
import { foiRequestRepository as repo } from './sql/foi-request-repository.ts';

/**
 * 依申请公开 records as the 年度报告 (条例 Art. 50(二)(三)) reads them: one record per request with
 * the date it was closed (reply, abandonment or withdrawal) and its outcome, derived from the
 * events on today's calendar like every other view of a request.
 */
export function foiReportRecords(deps: { db: Db; clock: Clock; calendar: { current(): WorkingDayCalendar } }): ApplicationRecordSource {
  const views = async (organId: string, year: number) => {
    const requests = await repo.list(deps.db, { organId, receivedTo: `${year}-12-31` as LocalDate });
    const events = await repo.listEventsOf(deps.db, requests.map((r) => r.id));
    return requests.map((r) => ({ request: r, view: derive(r, events.get(r.id) ?? [], deps.calendar.current(), deps.clock.today()) }));
  };
  return {
    isConnected: true,
    async requestRecords(organId, year): Promise<ApplicationRecord[]> {
      return (await views(organId, year)).map(({ request, view }) => {
        const closing = [...view.events].reverse().find((e) => ['replied', 'abandoned', 'withdrawn'].includes(e.event.type))?.event;
        return {
          receivedOn: request.receivedOn,
          applicantKind: request.applicantKind,
          outcome: closing?.type === 'withdrawn' ? null : view.outcome,
          decidedOn: closing && closing.type !== 'withdrawn' ? closing.on : null,
          withdrawnOn: closing?.type === 'withdrawn' ? closing.on : null,
          reference: request.trackingCode,
          replyDueOn: view.deadline.dueOn,
        };
      });
    },
    async reviewRecords(organId, year): Promise<ReviewRecord[]> {
      const reviews: ReviewRecord[] = [];
      for (const { request } of await views(organId, year))
        for (const r of await repo.listReviews(deps.db, request.id)) if (r.filedOn <= `${year}-12-31`) reviews.push({ kind: r.kind, result: r.result, filedOn: r.filedOn, decidedOn: r.decidedOn });
      return reviews;
    },
    async processingFeesYuan(organId, year) {
      let total = 0;
      for (const { view } of await views(organId, year)) {
        const paid = view.events.find((e) => e.event.type === 'fee-paid' && e.event.on.startsWith(`${year}-`));
        const notice = [...view.events].reverse().find((e) => e.event.type === 'fee-notified')?.event;
        if (paid && notice && notice.type === 'fee-notified') total += notice.amount;
      }
      return total;
    },
  };
}
