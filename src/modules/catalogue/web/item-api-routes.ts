import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { RouteModule } from '../../../app.tsx';
import { DomainError, InvalidInput } from '../../../kernel/errors.ts';
import type { LocalDate } from '../../../kernel/local-date.ts';
import type { Services } from '../../../services.ts';
import { requireActor } from '../../../web/http.ts';
import { EXEMPTION_BASES } from '../domain/disclosure.ts';
import { ITEM_EVENTS, type ItemEvent } from '../domain/item-workflow.ts';
import { VALIDITIES } from '../domain/validity.ts';
import type { ItemInput } from '../item-service.ts';
import type { Item } from '../sql/item-rows.ts';
import { ContentCheckBlocked } from '../content-gate.ts';
import { detailData } from './console-routes.tsx';
import { checksJson, itemCheckApiRoutes, sendBlocked } from './item-check-api-routes.ts';

const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

const ItemBody = Type.Object(
  {
    title: Type.String({ maxLength: 500, description: '标题' }),
    disclosureAttribute: Type.Union([Type.Literal('proactive'), Type.Literal('on-request'), Type.Literal('exempt')], { description: '公开属性：主动公开 / 依申请公开 / 不予公开' }),
    exemption: Type.Optional(Type.Union([Type.Object({ basis: Type.Union(EXEMPTION_BASES.map((b) => Type.Literal(b))), reason: Type.String({ maxLength: 1000 }) }, { additionalProperties: false }), Type.Null()])),
    onRequestReason: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
    writtenOn: Type.String({ maxLength: 30, description: '成文日期 YYYY-MM-DD' }),
    topic: Type.String({ maxLength: 100, description: '主题分类：中文名称（如“科技”）、路径或代码' }),
    genre: Type.String({ maxLength: 100, description: '体裁：中文名称（如“其他文件”）或代码' }),
    body: Type.Optional(Type.String({ maxLength: 500_000, description: '正文 HTML（保存时清理）' })),
    summary: Type.Optional(Type.String({ maxLength: 2000 })),
    documentNumber: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    jointIssuers: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20 })),
    organCode: Type.Optional(Type.String({ maxLength: 40, description: '发布机构代码，默认为当前用户所属机关' })),
    catalogueEntryId: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    effectiveOn: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
    validity: Type.Optional(Type.Union(VALIDITIES.map((v) => Type.Literal(v)))),
    validityEndedOn: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
  },
  { additionalProperties: false },
);
type ItemBody = Static<typeof ItemBody>;

const UpdateBody = Type.Intersect([ItemBody, Type.Object({ version: Type.Integer({ minimum: 1 }) })], { unevaluatedProperties: false });

const EventBody = Type.Object(
  {
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    publishAt: Type.Optional(Type.String({ format: 'date-time' })),
    changeNote: Type.Optional(Type.String({ maxLength: 500 })),
    retractNotice: Type.Optional(Type.String({ maxLength: 500 })),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

const ValidityBody = Type.Object(
  { validity: Type.Union(VALIDITIES.map((v) => Type.Literal(v))), on: Type.Optional(Nullable(DateString)), byItemId: Type.Optional(Nullable(Type.String({ maxLength: 40 }))), version: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);

const ErrorResponse = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true }) });
const ItemResponse = Type.Object({ id: Type.String(), indexNumber: Type.String(), state: Type.String(), version: Type.Integer() }, { additionalProperties: true });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** JSON shape of an item for API clients. */
export function itemJson(item: Item) {
  return {
    id: item.id,
    indexNumber: item.indexNumber,
    title: item.title,
    organId: item.organId,
    unitId: item.unitId,
    jointIssuers: item.jointIssuers,
    documentNumber: item.documentNumber,
    writtenOn: item.writtenOn,
    publishedOn: item.publishedOn,
    topicCode: item.topicCode,
    genreCode: item.genreCode,
    validity: item.validity,
    effectiveOn: item.effectiveOn,
    expiredOn: item.expiredOn,
    repealedOn: item.repealedOn,
    summary: item.summary,
    body: item.bodyHtml,
    disclosureAttribute: item.disclosure,
    exemption: item.exemptionBasis ? { basis: item.exemptionBasis, reason: item.exemptionReason } : null,
    onRequestReason: item.onRequestReason,
    catalogueEntryId: item.catalogueEntryId,
    state: item.state,
    scheduledAt: item.scheduledAt,
    approval: item.approvedAt ? { by: item.approvedBy, at: item.approvedAt, note: item.approvalNote } : null,
    retraction: item.retractedAt ? { at: item.retractedAt, reason: item.retractReason, notice: item.retractNotice } : null,
    currentEdition: item.currentEdition,
    version: item.version,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}

/** Resolves names given by clients (topic, genre, organ) and maps the body to the use case input. */
async function toInput(s: Services, body: ItemBody): Promise<ItemInput> {
  const fields: Record<string, string> = {};
  const topic = await s.reference.topicCode(body.topic);
  if (!topic.ok) fields.topic = topic.reason;
  const genre = await s.reference.genreCode(body.genre);
  if (!genre.ok) fields.genre = genre.reason;
  let organId: string | undefined;
  if (body.organCode) {
    const organ = await s.database.db.selectFrom('organs').select('id').where('code', '=', body.organCode).executeTakeFirst();
    if (!organ) fields.organCode = 'unknown-organ';
    organId = organ?.id;
  }
  if (Object.keys(fields).length > 0) throw new InvalidInput(fields);
  return {
    title: body.title,
    organId,
    disclosure: body.disclosureAttribute,
    exemption: body.exemption ?? null,
    onRequestReason: body.onRequestReason ?? null,
    writtenOn: body.writtenOn,
    topicCode: topic.ok ? topic.code : '',
    genreCode: genre.ok ? genre.code : '',
    bodyHtml: body.body ?? '',
    summary: body.summary ?? '',
    documentNumber: body.documentNumber ?? null,
    jointIssuers: body.jointIssuers ?? [],
    catalogueEntryId: body.catalogueEntryId ?? null,
    effectiveOn: body.effectiveOn ?? null,
    validity: body.validity ?? null,
    validityEndedOn: body.validityEndedOn ?? null,
  } as ItemInput;
}

/** Field names of the API body for errors raised with the use case's names. */
const API_FIELD = (fields: Record<string, string>) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k === 'disclosure' ? 'disclosureAttribute' : k === 'bodyHtml' ? 'body' : k === 'topicCode' ? 'topic' : k === 'genreCode' ? 'genre' : k, v]));

const rethrow = (e: unknown): never => {
  if (e instanceof InvalidInput) throw new InvalidInput(API_FIELD(e.fields), e.code);
  throw e;
};

/** `/api/v1/items`: the catalogue's staff API (every console action). */
export function itemApiRoutes(s: Services): RouteModule {
  return (app: FastifyInstance) => {
    const tags = ['政府信息目录'];
    itemCheckApiRoutes(s)(app);
    app.post('/api/v1/items', { schema: { tags, summary: '新建政府信息（草稿）', body: ItemBody, response: { 201: ItemResponse, ...errors } } }, async (request, reply) => {
      const actor = requireActor(request, 'item.create');
      const item = await s.items.create(actor, await toInput(s, request.body as ItemBody)).catch(rethrow);
      return reply.status(201).send({ ...itemJson(item), checks: checksJson(await s.items.assessNow(item)) });
    });

    app.get('/api/v1/items', { schema: { tags, summary: '政府信息列表（后台）', querystring: Type.Object({ q: Type.Optional(Type.String()), state: Type.Optional(Type.String()), disclosureAttribute: Type.Optional(Type.String()), genre: Type.Optional(Type.String()), topic: Type.Optional(Type.String()), year: Type.Optional(Type.Integer()), page: Type.Optional(Type.Integer({ minimum: 1 })), pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }) } }, async (request) => {
      const actor = requireActor(request, 'item.read');
      const q = request.query as Record<string, string | number | undefined>;
      const { total, items } = await s.items.list(actor, { q: q.q as string, state: q.state as string, disclosure: q.disclosureAttribute as string, genreCode: q.genre as string, topicCode: q.topic as string, year: q.year as number, page: q.page as number, pageSize: q.pageSize as number });
      return { total, items: items.map(itemJson) };
    });

    app.get<{ Params: { id: string } }>('/api/v1/items/:id', { schema: { tags, summary: '政府信息详情（含公开时限、版本、附件）', response: { 200: ItemResponse, ...errors } } }, async (request) => {
      requireActor(request, 'item.read');
      const d = await detailData(s, await s.items.get(request.params.id));
      return { ...itemJson(d.item), timeliness: d.timeliness, attachments: d.attachments, editions: d.editions.map((e) => ({ editionNo: e.editionNo, publishedAt: e.publishedAt, publishedBy: e.publishedBy, changeNote: e.changeNote })), links: d.links };
    });

    app.put<{ Params: { id: string } }>('/api/v1/items/:id', { schema: { tags, summary: '修改草稿（需提供 version，防止覆盖他人修改）', body: UpdateBody, response: { 200: ItemResponse, ...errors } } }, async (request) => {
      const actor = requireActor(request, 'item.edit');
      const body = request.body as ItemBody & { version: number };
      const item = await s.items.update(actor, request.params.id, body.version, await toInput(s, body)).catch(rethrow);
      return { ...itemJson(item), checks: checksJson(await s.items.assessNow(item)) };
    });

    app.post<{ Params: { id: string; event: string } }>('/api/v1/items/:id/:event', { schema: { tags, summary: '工作流操作：submit | return | approve | schedule | unschedule | publish | revise | retract；approve、schedule、publish 在有未放行的“确定”检查问题时返回 409 content-check-blocked', body: EventBody, response: { 200: ItemResponse, ...errors } },
      // An event without details may be posted with no body at all.
      preValidation: async (request) => {
        request.body ??= {};
      },
    }, async (request, reply) => {
      const event = request.params.event as ItemEvent;
      if (!ITEM_EVENTS.includes(event) || event === 'edit') throw new DomainError('not-found', 404);
      const actor = requireActor(request);
      const b = (request.body ?? {}) as Static<typeof EventBody>;
      try {
        const item = await s.items.apply(actor, request.params.id, event, { expectedVersion: b.version, reason: b.reason, note: b.note, publishAt: b.publishAt ? new Date(b.publishAt) : undefined, changeNote: b.changeNote, retractNotice: b.retractNotice });
        return itemJson(item);
      } catch (e) {
        if (e instanceof ContentCheckBlocked) return sendBlocked(reply, e);
        throw e;
      }
    });

    app.post<{ Params: { id: string } }>('/api/v1/items/:id/validity', { schema: { tags, summary: '变更有效性（有效/失效/废止）', body: ValidityBody, response: { 200: ItemResponse, ...errors } } }, async (request) => {
      const actor = requireActor(request, 'item.set-validity');
      const b = request.body as Static<typeof ValidityBody>;
      return itemJson(await s.items.setValidity(actor, request.params.id, { validity: b.validity, on: (b.on ?? null) as LocalDate | null, byItemId: b.byItemId ?? null, expectedVersion: b.version }));
    });

    app.post<{ Params: { id: string } }>('/api/v1/items/:id/links', { schema: { tags, summary: '关联修订/废止的文件', body: Type.Object({ toItemId: Type.String({ maxLength: 40 }), kind: Type.Union([Type.Literal('revises'), Type.Literal('repeals')]) }, { additionalProperties: false }) } }, async (request, reply) => {
      const actor = requireActor(request, 'item.link');
      const b = request.body as { toItemId: string; kind: 'revises' | 'repeals' };
      await s.items.link(actor, request.params.id, b.toItemId, b.kind);
      return reply.status(204).send();
    });

    app.post<{ Params: { id: string } }>('/api/v1/items/:id/attachments', { schema: { tags, summary: '上传附件（multipart/form-data，字段 file）', consumes: ['multipart/form-data'] } }, async (request, reply) => {
      const actor = requireActor(request, 'item.attach');
      const file = request.isMultipart() ? await request.file() : undefined;
      if (!file) throw new InvalidInput({ file: 'required' });
      const attachment = await s.attachments.add(actor, request.params.id, file.filename, await file.toBuffer());
      return reply.status(201).send(attachment);
    });

    app.delete<{ Params: { id: string; aid: string } }>('/api/v1/items/:id/attachments/:aid', { schema: { tags, summary: '删除草稿附件' } }, async (request, reply) => {
      const actor = requireActor(request, 'item.attach');
      await s.attachments.remove(actor, request.params.id, request.params.aid);
      return reply.status(204).send();
    });
  };
}
