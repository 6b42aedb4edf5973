import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteModule } from '../../../app.tsx';
import { DomainError, InvalidInput } from '../../../kernel/errors.ts';
import type { Services } from '../../../services.ts';
import { formFields, redirectWithNotice, requireActor, sendHtml } from '../../../web/http.ts';
import type { Child } from '../../../web/jsx/jsx-runtime.ts';
import { ConsoleLayout } from '../../../web/layout.tsx';
import { message } from '../../../web/messages.ts';
import { can } from '../../identity/domain/permissions.ts';
import type { ReceiptDateInput } from '../domain/intake.ts';
import type { Channel } from '../domain/request-events.ts';
import { CasePage, type CaseData } from './case-views.tsx';
import { RegistrationForm, RequestList, type ListQuery } from './console-views.tsx';
import { eventFromForm } from './event-forms.tsx';
import { reminderConsoleRoutes } from './reminder-console-routes.tsx';
import { sendDocument } from './foi-api-routes.ts';
import { TemplatePage } from './template-views.tsx';

const NOTICES: Record<string, string> = {
  registered: '申请已登记。',
  recorded: '办理事项已记录。',
  attached: '文件已上传。',
  review: '复议诉讼记录已保存。',
  promoted: '已转为主动公开并发布。',
  template: '告知书模板已保存。',
};

type Id = { Params: { id: string } };

/** Form fields `applicant.kind` … → the nested shape the use cases read. */
export function applicationFromForm(f: Record<string, string>) {
  const applicant: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) if (k.startsWith('applicant.')) applicant[k.slice(10)] = v;
  return { applicant, description: f.description ?? '', informationName: f.informationName, documentNumber: f.documentNumber, provisionForm: f.provisionForm || undefined, deliveryMethod: f.deliveryMethod || undefined };
}

/** A failed post comes back to the case page with the reason (field errors show their first code). */
function errorCode(e: unknown): string | undefined {
  if (e instanceof InvalidInput) return Object.values(e.fields)[0] ?? e.code;
  if (e instanceof DomainError && e.status === 409) return e.code;
  return undefined;
}

/** Console pages of 依申请公开: list, registration, the case page with its forms, templates. */
export function foiConsoleRoutes(s: Services): RouteModule {
  return (app: FastifyInstance) => {
    reminderConsoleRoutes(s)(app);
    const page = async (request: FastifyRequest, reply: FastifyReply, title: string, body: Child, status = 200) => {
      const q = request.query as Record<string, string | undefined>;
      const notice = q.error ? { kind: 'error' as const, text: message(q.error) } : q.notice && NOTICES[q.notice] ? { kind: 'ok' as const, text: NOTICES[q.notice]! } : undefined;
      return sendHtml(reply, <ConsoleLayout site={await s.site()} title={title} actor={request.actor!} csrfToken={request.csrfToken} current="/console/foi" notice={notice}>{body}</ConsoleLayout>, status);
    };
    /** Runs a case action and returns to the case page with a notice, or with the refusal's message. */
    const act = async (reply: FastifyReply, id: string, notice: string, run: () => Promise<unknown>) => {
      try {
        await run();
        return redirectWithNotice(reply, `/console/foi/${id}`, notice);
      } catch (e) {
        const code = errorCode(e);
        if (!code) throw e;
        return reply.redirect(`/console/foi/${id}?error=${encodeURIComponent(code)}`, 303);
      }
    };

    app.get('/console/foi', async (request, reply) => {
      const actor = requireActor(request, 'foi.read');
      const q = request.query as ListQuery;
      const due = q.due === 'soon' || q.due === 'overdue' ? q.due : undefined;
      const views = await s.foi.requests.list(actor, { q: q.q || undefined, state: q.status || undefined, due, channel: q.channel || undefined });
      const open = await s.foi.requests.list(actor, { openOnly: true });
      const counts = { soon: open.filter((v) => v.deadline.status === 'due-soon').length, overdue: open.filter((v) => v.deadline.status === 'overdue').length, reminders: await s.foi.reminders.countOpen(actor) };
      return page(request, reply, '依申请公开', <RequestList views={views} query={q} counts={counts} canRegister={can(actor.role, 'foi.register')} dueSoonDays={s.settings.current().foiDueSoonWorkingDays} />);
    });

    const registration = (request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors?: Record<string, string>) =>
      page(request, reply, '登记政府信息公开申请', <RegistrationForm csrf={request.csrfToken} values={values} errors={errors} />, errors ? 400 : 200);

    app.get('/console/foi/new', async (request, reply) => {
      requireActor(request, 'foi.register');
      return registration(request, reply, { receivedOn: s.clock.today() });
    });

    app.post('/console/foi', async (request, reply) => {
      const actor = requireActor(request, 'foi.register');
      const f = formFields(request.body);
      const letterKind: ReceiptDateInput['letterKind'] = f.letterKind === 'signed-for' || f.letterKind === 'ordinary' ? f.letterKind : undefined;
      const date = f.receivedOn || undefined;
      const receipt = { channel: f.channel as Channel, letterKind, submittedOn: date, signedForOn: date, confirmedOn: date, arrivedOn: f.arrivedOn || undefined };
      try {
        const view = await s.foi.requests.registerReceived(actor, receipt, applicationFromForm(f));
        return redirectWithNotice(reply, `/console/foi/${view.request.id}`, 'registered');
      } catch (e) {
        if (e instanceof InvalidInput) return registration(request, reply, f, e.fields);
        throw e;
      }
    });

    app.get('/console/foi/templates', async (request, reply) => {
      const actor = requireActor(request, 'foi.read');
      const templates = await s.foi.requests.notices.listTemplates(actor);
      return page(request, reply, '告知书模板', <TemplatePage templates={templates} csrf={request.csrfToken} canEdit={can(actor.role, 'foi.templates')} />);
    });

    app.post<{ Params: { outcome: string } }>('/console/foi/templates/:outcome', async (request, reply) => {
      const actor = requireActor(request, 'foi.templates');
      const f = formFields(request.body);
      try {
        await s.foi.requests.notices.saveTemplate(actor, request.params.outcome, { title: f.title ?? '', body: f.body ?? '', version: Number(f.version ?? 0) || 0 });
        return redirectWithNotice(reply, `/console/foi/templates#tpl-${request.params.outcome}-h`, 'template');
      } catch (e) {
        if (!(e instanceof InvalidInput)) throw e;
        const templates = await s.foi.requests.notices.listTemplates(actor);
        return page(request, reply, '告知书模板', <TemplatePage templates={templates} csrf={request.csrfToken} canEdit errors={{ outcome: request.params.outcome, fields: e.fields }} />, 400);
      }
    });

    app.get<Id>('/console/foi/:id', async (request, reply) => {
      const actor = requireActor(request, 'foi.read');
      const view = await s.foi.requests.get(actor, request.params.id);
      const duplicate = view.request.duplicateOf ? await s.foi.requests.get(actor, view.request.duplicateOf) : undefined;
      const { topics, genres } = await s.reference.load();
      const data: CaseData = {
        view,
        documents: await s.foi.cases.listDocuments(actor, view.request.id),
        reviews: await s.foi.cases.listReviews(actor, view.request.id),
        duplicateCode: duplicate?.request.trackingCode ?? null,
        promote: { topics, genres, defaultTitle: view.request.informationName ?? view.request.description.slice(0, 100) },
        feeHint: view.allowed.includes('fee-notified') ? await s.foi.requests.perPieceFeeHint(actor, view.request.id) : undefined,
      };
      return page(request, reply, `申请 ${view.request.trackingCode}`, <CasePage d={data} actor={actor} csrf={request.csrfToken} today={s.clock.today()} />);
    });

    app.post<Id>('/console/foi/:id/events', async (request, reply) => {
      const actor = requireActor(request);
      const f = formFields(request.body);
      const version = Number(f.version);
      return act(reply, request.params.id, 'recorded', () => s.foi.requests.addEvent(actor, request.params.id, eventFromForm(f), { expectedVersion: Number.isInteger(version) && version > 0 ? version : undefined }));
    });

    app.post<Id>('/console/foi/:id/documents', async (request, reply) => {
      const actor = requireActor(request, 'foi.process');
      const file = request.isMultipart() ? await request.file() : undefined;
      return act(reply, request.params.id, 'attached', async () => {
        if (!file) throw new InvalidInput({ file: 'attachment-empty' });
        return s.foi.cases.attachReleased(actor, request.params.id, file.filename, await file.toBuffer());
      });
    });

    app.get<{ Params: { id: string; docId: string } }>('/console/foi/:id/documents/:docId', async (request, reply) => {
      const actor = requireActor(request, 'foi.read');
      return sendDocument(reply, await s.foi.cases.openDocument(actor, request.params.id, request.params.docId));
    });

    app.get<Id>('/console/foi/:id/notice.docx', async (request, reply) => {
      const actor = requireActor(request, 'foi.read');
      return sendDocument(reply, await s.foi.cases.openLatestNotice(actor, request.params.id));
    });

    app.get<Id>('/console/foi/:id/case-file.zip', async (request, reply) => {
      const actor = requireActor(request, 'foi.export');
      const file = await s.foi.exportCaseFile(actor, request.params.id);
      return reply.type('application/zip').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`).header('cache-control', 'no-store').send(file.zip);
    });

    app.post<Id>('/console/foi/:id/reviews', async (request, reply) => {
      const actor = requireActor(request, 'foi.process');
      const f = formFields(request.body);
      return act(reply, request.params.id, 'review', () => s.foi.cases.addReview(actor, request.params.id, { kind: f.kind ?? '', result: f.result ?? '', filedOn: f.filedOn ?? '', decidedOn: f.decidedOn || null, note: f.note || null }));
    });

    app.post<{ Params: { id: string; reviewId: string } }>('/console/foi/:id/reviews/:reviewId', async (request, reply) => {
      const actor = requireActor(request, 'foi.process');
      const f = formFields(request.body);
      const input = { kind: f.kind ?? '', result: f.result ?? '', filedOn: f.filedOn ?? '', decidedOn: f.decidedOn || null, note: f.note || null, version: Number(f.version) || 0 };
      return act(reply, request.params.id, 'review', () => s.foi.cases.updateReview(actor, request.params.id, request.params.reviewId, input));
    });

    app.post<Id>('/console/foi/:id/promote', async (request, reply) => {
      const actor = requireActor(request, 'foi.process');
      const f = formFields(request.body);
      try {
        const { itemId } = await s.foi.cases.promoteToCatalogue(actor, request.params.id, { title: f.title ?? '', topicCode: f.topicCode ?? '', genreCode: f.genreCode ?? '', summary: f.summary ?? '', bodyHtml: f.body ? `<p>${escapeText(f.body)}</p>` : '' });
        return redirectWithNotice(reply, `/console/items/${itemId}`, 'publish');
      } catch (e) {
        const code = errorCode(e);
        if (!code) throw e;
        return reply.redirect(`/console/foi/${request.params.id}?error=${encodeURIComponent(code)}`, 303);
      }
    });
  };
}

/** Plain text from the promote form becomes paragraphs (the catalogue sanitises the HTML again). */
function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\r?\n\s*\r?\n/g, '</p><p>').replace(/\r?\n/g, '<br>');
}
