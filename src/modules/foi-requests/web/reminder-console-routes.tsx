import type { FastifyInstance } from 'fastify';
import type { RouteModule } from '../../../app.tsx';
import { DomainError } from '../../../kernel/errors.ts';
import type { Services } from '../../../services.ts';
import { redirectWithNotice, requireActor, sendHtml } from '../../../web/http.ts';
import { ConsoleLayout } from '../../../web/layout.tsx';
import { message } from '../../../web/messages.ts';
import { can } from '../../identity/domain/permissions.ts';
import { ReminderList } from './reminder-views.tsx';

/** Console pages of the reply-deadline reminders: the 提醒 list and 已读. */
export function reminderConsoleRoutes(s: Services): RouteModule {
  return (app: FastifyInstance) => {
    app.get('/console/foi/reminders', async (request, reply) => {
      const actor = requireActor(request, 'foi.read');
      const q = request.query as Record<string, string | undefined>;
      const all = q.all === '1';
      const views = await s.foi.reminders.list(actor, { all });
      const notice = q.error ? { kind: 'error' as const, text: message(q.error) } : q.notice === 'acknowledged' ? { kind: 'ok' as const, text: '提醒已标记为已读。' } : undefined;
      const body = <ReminderList views={views} all={all} csrf={request.csrfToken} canAcknowledge={can(actor.role, 'foi.process')} dueSoonDays={s.settings.current().foiDueSoonWorkingDays} />;
      return sendHtml(reply, <ConsoleLayout site={await s.site()} title="答复期限提醒" actor={actor} csrfToken={request.csrfToken} current="/console/foi" notice={notice}>{body}</ConsoleLayout>);
    });

    app.post<{ Params: { id: string } }>('/console/foi/reminders/:id/acknowledge', async (request, reply) => {
      const actor = requireActor(request, 'foi.process');
      try {
        await s.foi.reminders.acknowledge(actor, request.params.id);
        return redirectWithNotice(reply, '/console/foi/reminders', 'acknowledged');
      } catch (e) {
        if (!(e instanceof DomainError) || (e.status !== 404 && e.status !== 409)) throw e;
        return reply.redirect(`/console/foi/reminders?error=${encodeURIComponent(e.code)}`, 303);
      }
    });
  };
}
