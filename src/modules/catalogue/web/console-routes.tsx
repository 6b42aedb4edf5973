import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteModule } from '../../../app.tsx';
import { DomainError, InvalidInput } from '../../../kernel/errors.ts';
import { isLocalDate, type LocalDate } from '../../../kernel/local-date.ts';
import type { Services } from '../../../services.ts';
import { formFields, redirectWithNotice, requireActor, sendHtml } from '../../../web/http.ts';
import { ConsoleLayout } from '../../../web/layout.tsx';
import { listAudit } from '../../audit/index.ts';
import { ITEM_EVENTS, type ItemEvent } from '../domain/item-workflow.ts';
import { publicationLimitWorkingDays, assessTimeliness } from '../domain/timeliness.ts';
import { isValidity } from '../domain/validity.ts';
import { itemRepository } from '../sql/item-repository.ts';
import type { Item } from '../sql/item-rows.ts';
import { noticeFrom, parseBeijingDateTime, positiveInt } from './console-support.ts';
import { ItemDetail, type ItemDetailData } from './item-detail-view.tsx';
import { formErrors, formFromItem, itemInputFromForm, type ItemFormValues } from './item-form.ts';
import { ItemForm, ItemList, type FormOptions } from './item-views.tsx';

/** Console pages of the 政府信息目录: list, draft form, detail with workflow, attachments, 有效性. */
export function catalogueConsoleRoutes(s: Services): RouteModule {
  return (app: FastifyInstance) => {
    const page = async (request: FastifyRequest, reply: FastifyReply, title: string, body: unknown, status = 200, current = '/console/items') =>
      sendHtml(reply, <ConsoleLayout site={await s.site()} title={title} actor={request.actor!} csrfToken={request.csrfToken} current={current} notice={noticeFrom(request)}>{body as never}</ConsoleLayout>, status);

    const formOptions = async (organId: string): Promise<FormOptions> => {
      const { topics, genres } = await s.reference.load();
      const units = await s.database.db.selectFrom('units').select(['id', 'name']).where('organ_id', '=', organId).orderBy('sort_order').execute();
      return { topics, genres, entries: await s.catalogueEntries.list(), units };
    };

    app.get('/console/items', async (request, reply) => {
      const actor = requireActor(request, 'item.read');
      const q = request.query as Record<string, string | undefined>;
      const query = { q: q.q, state: q.state, disclosure: q.disclosure, genreCode: q.genreCode, topicCode: q.topicCode, year: q.year, page: positiveInt(q.page, 1) };
      const { total, items } = await s.items.list(actor, { ...query, year: positiveInt(q.year, 0) || undefined, pageSize: 20 });
      const { topics, genres } = await s.reference.load();
      const genreName = (code: string) => genres.find((g) => g.code === code)?.name ?? code;
      return page(request, reply, '政府信息目录', <ItemList actor={actor} query={query} total={total} items={items} topics={topics} genres={genres} genreName={genreName} />);
    });

    const renderForm = async (request: FastifyRequest, reply: FastifyReply, action: string, title: string, values: ItemFormValues, errors?: Record<string, string>, status = 200) =>
      page(request, reply, title, <ItemForm action={action} csrfToken={request.csrfToken} values={values} errors={errors} options={await formOptions(request.actor!.organId)} submitLabel="保存" />, status);

    app.get('/console/items/new', async (request, reply) => {
      requireActor(request, 'item.create');
      return renderForm(request, reply, '/console/items', '新建政府信息', { disclosure: 'proactive', writtenOn: s.clock.today(), unitId: request.actor!.unitId ?? '' });
    });

    app.post('/console/items', async (request, reply) => {
      const actor = requireActor(request, 'item.create');
      const f = formFields(request.body);
      try {
        const item = await s.items.create(actor, itemInputFromForm(f));
        return redirectWithNotice(reply, `/console/items/${item.id}`, (await s.items.assessNow(item)).decision.canPublish ? 'created' : 'saved-with-findings');
      } catch (e) {
        if (e instanceof InvalidInput) return renderForm(request, reply, '/console/items', '新建政府信息', f, formErrors(e.fields), 400);
        throw e;
      }
    });

    app.get<{ Params: { id: string } }>('/console/items/:id', async (request, reply) => {
      const actor = requireActor(request, 'item.read');
      const item = await s.items.get(request.params.id);
      return page(request, reply, item.title, <ItemDetail d={await detailData(s, item)} actor={actor} csrf={request.csrfToken} />);
    });

    app.get<{ Params: { id: string } }>('/console/items/:id/edit', async (request, reply) => {
      requireActor(request, 'item.edit');
      const item = await s.items.get(request.params.id);
      return renderForm(request, reply, `/console/items/${item.id}`, `编辑：${item.title}`, formFromItem(item));
    });

    app.post<{ Params: { id: string } }>('/console/items/:id', async (request, reply) => {
      const actor = requireActor(request, 'item.edit');
      const f = formFields(request.body);
      try {
        const item = await s.items.update(actor, request.params.id, positiveInt(f.version, 0), itemInputFromForm(f));
        // Checked on every save: the notice says at once whether something would block publication.
        return redirectWithNotice(reply, `/console/items/${item.id}`, (await s.items.assessNow(item)).decision.canPublish ? 'saved' : 'saved-with-findings');
      } catch (e) {
        if (e instanceof InvalidInput) return renderForm(request, reply, `/console/items/${request.params.id}`, '编辑政府信息', f, formErrors(e.fields), 400);
        if (e instanceof DomainError && e.code === 'stale-version')
          return renderForm(request, reply, `/console/items/${request.params.id}`, '编辑政府信息', { ...f, version: String((await s.items.get(request.params.id)).version) }, { title: 'stale-version' }, 409);
        throw e;
      }
    });

    app.post<{ Params: { id: string; event: string } }>('/console/items/:id/events/:event', async (request, reply) => {
      const event = request.params.event as ItemEvent;
      if (!ITEM_EVENTS.includes(event) || event === 'edit') throw new DomainError('not-found', 404);
      const actor = requireActor(request);
      const f = formFields(request.body);
      const target = `/console/items/${request.params.id}`;
      try {
        await s.items.apply(actor, request.params.id, event, { expectedVersion: positiveInt(f.version, 0) || undefined, reason: f.reason, note: f.note, publishAt: parseBeijingDateTime(f.publishAt), changeNote: f.changeNote, retractNotice: f.retractNotice });
        return redirectWithNotice(reply, target, event);
      } catch (e) {
        if (e instanceof DomainError && e.status !== 404 && e.status !== 403) return reply.redirect(`${target}?error=${encodeURIComponent(e.code)}`, 303);
        throw e;
      }
    });

    app.post<{ Params: { id: string } }>('/console/items/:id/check-overrides', async (request, reply) => {
      const actor = requireActor(request, 'item.override-checks');
      const f = formFields(request.body);
      const target = `/console/items/${request.params.id}`;
      try {
        await s.items.overrideChecks(actor, request.params.id, { reason: f.reason ?? '', expectedVersion: positiveInt(f.version, 0) || undefined });
        return redirectWithNotice(reply, target, 'checks-overridden');
      } catch (e) {
        if (e instanceof InvalidInput) return reply.redirect(`${target}?error=${encodeURIComponent(Object.values(e.fields)[0] ?? e.code)}#checks`, 303);
        if (e instanceof DomainError && e.status === 409) return reply.redirect(`${target}?error=${encodeURIComponent(e.code)}#checks`, 303);
        throw e;
      }
    });

    app.post<{ Params: { id: string } }>('/console/items/:id/validity', async (request, reply) => {
      const actor = requireActor(request, 'item.set-validity');
      const f = formFields(request.body);
      const target = `/console/items/${request.params.id}`;
      try {
        const by = f.byIndexNumber?.trim() ? await s.database.db.selectFrom('items').select('id').where('index_number', '=', f.byIndexNumber.trim()).executeTakeFirst() : undefined;
        if (f.byIndexNumber?.trim() && !by) throw new InvalidInput({ byItemId: 'unknown-index-number' });
        if (!isValidity(f.validity)) throw new InvalidInput({ validity: 'required' });
        await s.items.setValidity(actor, request.params.id, { validity: f.validity, on: isLocalDate(f.on) ? (f.on as LocalDate) : null, byItemId: by?.id ?? null, expectedVersion: positiveInt(f.version, 0) || undefined });
        return redirectWithNotice(reply, target, 'validity');
      } catch (e) {
        if (e instanceof InvalidInput) return reply.redirect(`${target}?error=${encodeURIComponent(Object.values(e.fields)[0] ?? e.code)}`, 303);
        if (e instanceof DomainError && e.code === 'stale-version') return reply.redirect(`${target}?error=stale-version`, 303);
        throw e;
      }
    });

    app.post<{ Params: { id: string } }>('/console/items/:id/attachments', async (request, reply) => {
      const actor = requireActor(request, 'item.attach');
      const target = `/console/items/${request.params.id}`;
      const file = await request.file();
      if (!file) return reply.redirect(`${target}?error=attachment-empty`, 303);
      try {
        await s.attachments.add(actor, request.params.id, file.filename, await file.toBuffer());
        return redirectWithNotice(reply, target, 'attached');
      } catch (e) {
        if (e instanceof DomainError && e.status < 500 && e.status !== 403) return reply.redirect(`${target}?error=${encodeURIComponent(e instanceof InvalidInput ? (Object.values(e.fields)[0] ?? e.code) : e.code)}`, 303);
        throw e;
      }
    });

    app.post<{ Params: { id: string; aid: string } }>('/console/items/:id/attachments/:aid/remove', async (request, reply) => {
      const actor = requireActor(request, 'item.attach');
      await s.attachments.remove(actor, request.params.id, request.params.aid);
      return redirectWithNotice(reply, `/console/items/${request.params.id}`, 'detached');
    });

    app.get<{ Params: { aid: string } }>('/console/attachments/:aid', async (request, reply) => {
      const actor = requireActor(request, 'item.read');
      const { attachment, stream } = await s.attachments.open(actor, request.params.aid);
      return reply.type(attachment.mediaType).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`).header('x-content-type-options', 'nosniff').send(stream);
    });
  };
}

/** Everything the detail page shows, gathered in one place for the console and the API. */
export async function detailData(s: Services, item: Item): Promise<ItemDetailData> {
  const db = s.database.db;
  const organ = await db.selectFrom('organs').select('name').where('id', '=', item.organId).executeTakeFirst();
  const unit = item.unitId ? await db.selectFrom('units').select('name').where('id', '=', item.unitId).executeTakeFirst() : undefined;
  const entry = item.catalogueEntryId ? await s.catalogueEntries.get(item.catalogueEntryId).catch(() => undefined) : undefined;
  const limitWorkingDays = publicationLimitWorkingDays(entry?.timeLimitWorkingDays ?? (await s.settings.get()).defaultPublicationLimitWorkingDays);
  const timeliness = assessTimeliness({ writtenOn: item.writtenOn, publishedOn: item.publishedOn, limitWorkingDays, today: s.clock.today() }, s.calendar.current());
  return {
    item,
    organName: organ?.name ?? '',
    unitName: unit?.name ?? null,
    topicLabel: await s.reference.topicLabel(item.topicCode),
    genreName: await s.reference.genreName(item.genreCode),
    entryLabel: entry ? `${entry.level1}${entry.level2 ? ' / ' + entry.level2 : ''}（${entry.timeLimitText}）` : null,
    timeliness: { ...timeliness, limitWorkingDays },
    attachments: await s.attachments.list(item.id),
    editions: await itemRepository.listEditions(db, item.id),
    links: await itemRepository.listLinks(db, item.id),
    audit: await listAudit(db, { subjectType: 'item', subjectId: item.id, limit: 200 }),
    checks: await s.items.assessNow(item),
    editionChecks: await s.items.listEditionChecks(item.id),
  };
}
