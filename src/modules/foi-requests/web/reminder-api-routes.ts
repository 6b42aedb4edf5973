import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { RouteModule } from '../../../app.tsx';
import type { Services } from '../../../services.ts';
import { requireActor } from '../../../web/http.ts';
import { REMINDER_KIND_LABELS, REMINDER_KINDS } from '../domain/reminders.ts';
import type { ReminderView } from '../reminder-service.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

/** One reminder as API clients see it (条例 Art. 33): the stored facts, the text, and the case's deadline today. */
export const ReminderJson = Type.Object(
  {
    id: Type.String(),
    requestId: Type.String(),
    trackingCode: Type.String({ description: '受理编号' }),
    applicantName: Type.String(),
    kind: Type.Union(REMINDER_KINDS.map((k) => Type.Literal(k)), { description: 'due-soon：即将到期（剩余工作日不超过系统设置 foiDueSoonWorkingDays，默认5）；overdue：已超期' }),
    kindLabel: Type.String(),
    dueOn: Type.String({ description: '提醒所针对的答复期限（YYYY-MM-DD）' }),
    isProvisional: Type.Boolean({ description: '答复期限为暂定：期间涉及尚未公布放假安排的年份' }),
    workingDaysLeft: Type.Integer({ description: '提醒时剩余的工作日' }),
    message: Type.String(),
    raisedOn: Type.String(),
    raisedAt: Type.String({ format: 'date-time' }),
    acknowledgedAt: Nullable(Type.String({ format: 'date-time' })),
    acknowledgedBy: Nullable(Type.String({ description: '标记已读的工作人员' })),
    resolvedAt: Nullable(Type.String({ format: 'date-time', description: '申请已办结或答复期限已变化，提醒不再适用的时间' })),
    request: Type.Object({
      status: Type.String(),
      deadlineStatus: Type.String(),
      replyDueOn: Nullable(Type.String()),
      isProvisional: Type.Boolean(),
      workingDaysLeft: Type.Integer(),
    }),
  },
  { additionalProperties: false },
);

export function reminderJson(v: ReminderView) {
  const r = v.reminder;
  const d = v.request.deadline;
  return {
    id: r.id,
    requestId: r.requestId,
    trackingCode: v.request.request.trackingCode,
    applicantName: v.request.request.applicantName,
    kind: r.kind,
    kindLabel: REMINDER_KIND_LABELS[r.kind],
    dueOn: r.dueOn,
    isProvisional: r.isProvisional,
    workingDaysLeft: r.workingDaysLeft,
    message: v.message,
    raisedOn: r.raisedOn,
    raisedAt: r.raisedAt,
    acknowledgedAt: r.acknowledgedAt,
    acknowledgedBy: r.acknowledgedByName,
    resolvedAt: r.resolvedAt,
    request: { status: v.request.state, deadlineStatus: d.status, replyDueOn: d.dueOn, isProvisional: d.isProvisional, workingDaysLeft: d.workingDaysLeft },
  };
}

const ErrorResponse = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true }) });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** `/api/v1/foi-reminders`: the office's reply-deadline reminders and 已读. */
export function reminderApiRoutes(s: Services): RouteModule {
  return (app: FastifyInstance) => {
    const tags = ['依申请公开'];
    const querystring = Type.Object({ status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('all')], { description: 'open（默认）：未读且仍适用的提醒；all：全部提醒' })) }, { additionalProperties: false });
    const List = Type.Object({ total: Type.Integer(), items: Type.Array(ReminderJson) });

    app.get('/api/v1/foi-reminders', { schema: { tags, summary: '答复期限提醒：即将到期和已超期的申请（条例第三十三条）', querystring, response: { 200: List, ...errors } } }, async (request) => {
      const actor = requireActor(request, 'foi.read');
      const q = request.query as { status?: 'open' | 'all' };
      const items = (await s.foi.reminders.list(actor, { all: q.status === 'all' })).map(reminderJson);
      return { total: items.length, items };
    });

    app.post<{ Params: { id: string } }>(
      '/api/v1/foi-reminders/:id/acknowledge',
      { schema: { tags, summary: '将提醒标记为已读（记入审计日志）；已读的再次标记返回 409', params: Type.Object({ id: Type.String({ maxLength: 100 }) }), response: { 200: ReminderJson, ...errors } } },
      async (request) => {
        const actor = requireActor(request, 'foi.process');
        return reminderJson(await s.foi.reminders.acknowledge(actor, request.params.id));
      },
    );
  };
}
