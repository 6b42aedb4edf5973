import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import type { RouteModule } from '../../../app.tsx';
import { InvalidInput } from '../../../kernel/errors.ts';
import type { Services } from '../../../services.ts';
import { requireActor } from '../../../web/http.ts';
import { APPLICANT_KINDS, ID_TYPES } from '../domain/applicant.ts';
import { DELIVERY_METHODS, PROVISION_FORMS } from '../domain/intake.ts';
import { OUTCOME_CODES } from '../domain/outcomes.ts';
import { CHANNELS, CONSULTATION_PARTIES, FEE_METHODS, REQUEST_EVENT_TYPES } from '../domain/request-events.ts';
import { requestJson } from '../request-json.ts';
import type { FoiRequestView } from '../request-view.ts';
import { REVIEW_KINDS, REVIEW_RESULTS, type FoiDocument } from '../sql/foi-rows.ts';
import { reminderApiRoutes } from './reminder-api-routes.ts';

const literals = <T extends string>(list: readonly T[], description?: string) => Type.Union(list.map((v) => Type.Literal(v)), description ? { description } : {});
const DateString = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: `${description}（YYYY-MM-DD）` });
const Text = (maxLength: number, description?: string) => Type.String({ maxLength, ...(description ? { description } : {}) });

const ApplicantBody = Type.Object(
  {
    kind: literals(APPLICANT_KINDS, '申请人类型：自然人 / 商业企业 / 科研机构 / 社会公益组织 / 法律服务机构 / 其他'),
    name: Text(200, '姓名或名称'),
    idType: Type.Optional(literals(ID_TYPES, '自然人：身份证件类型')),
    idNumber: Type.Optional(Text(40, '自然人：身份证件号码（加密保存，仅显示脱敏号码）')),
    creditCode: Type.Optional(Text(40, '组织：统一社会信用代码')),
    legalRepresentative: Type.Optional(Text(200, '组织：法定代表人或负责人')),
    contactName: Type.Optional(Text(200, '组织：联系人')),
    phone: Type.Optional(Text(40, '联系电话（后四位用于查询办理进度）')),
    address: Type.Optional(Text(200, '通信地址')),
    email: Type.Optional(Text(200, '电子邮箱')),
  },
  { additionalProperties: false },
);

const CreateBody = Type.Object(
  {
    channel: literals(CHANNELS, '申请渠道'),
    receivedOn: DateString('收到申请之日：当面提交之日、签收之日或双方确认之日（条例第三十一条），不得晚于今天'),
    arrivedAt: Type.Optional(Type.String({ format: 'date-time', description: '申请实际送达的时间' })),
    applicant: ApplicantBody,
    description: Text(4000, '申请公开的政府信息的名称、文号或者特征性描述'),
    informationName: Type.Optional(Text(200, '信息名称')),
    documentNumber: Type.Optional(Text(100, '文号')),
    provisionForm: Type.Optional(literals(PROVISION_FORMS, '提供形式（条例第二十九条）')),
    deliveryMethod: Type.Optional(literals(DELIVERY_METHODS, '获取方式（条例第二十九条）')),
  },
  { additionalProperties: false },
);

const EventBody = Type.Object(
  {
    type: literals(REQUEST_EVENT_TYPES, '办理事项'),
    on: DateString('发生日期'),
    items: Type.Optional(Type.Array(Text(500), { maxItems: 50, description: 'correction-requested：需要补正的事项' })),
    correctionDueOn: Type.Optional(DateString('correction-requested：补正期限')),
    party: Type.Optional(literals(CONSULTATION_PARTIES, 'consultation-started：第三方或其他机关')),
    name: Type.Optional(Text(200, 'consultation-started：征求意见对象')),
    workingDays: Type.Optional(Type.Integer({ description: 'extension-approved：延长的工作日数（1–20）' })),
    approvedBy: Type.Optional(Text(100, 'extension-approved：同意延期的工作机构负责人，默认为当前用户')),
    amount: Type.Optional(Type.Number({ description: 'fee-notified：收费金额（元）' })),
    method: Type.Optional(literals(FEE_METHODS, 'fee-notified：按件或按量计收，默认按件')),
    outcome: Type.Optional(literals(OUTCOME_CODES, 'replied：答复结果')),
    reason: Type.Optional(Text(5000, 'replied / withdrawn：理由')),
    responsibleOrgan: Type.Optional(Type.Object({ name: Text(200), contact: Type.Optional(Text(200)) }, { additionalProperties: false })),
    whereToFind: Type.Optional(Text(2000, 'replied：获取方式和途径')),
    version: Type.Optional(Type.Integer({ minimum: 1, description: '读取时的版本号；已被他人修改时返回 409 stale-version' })),
  },
  { additionalProperties: false },
);

const ReviewBody = Type.Object(
  {
    kind: literals(REVIEW_KINDS, '行政复议 / 直接提起行政诉讼 / 复议后提起行政诉讼'),
    result: literals(REVIEW_RESULTS, '维持 / 纠正 / 其他 / 尚未审结'),
    filedOn: DateString('提起日期'),
    decidedOn: Type.Optional(Type.Union([DateString('审结日期'), Type.Null()])),
    note: Type.Optional(Type.Union([Text(2000), Type.Null()])),
  },
  { additionalProperties: false },
);

const PromoteBody = Type.Object(
  { title: Text(500), topic: Text(100, '主题分类：名称、路径或代码'), genre: Text(100, '体裁：名称或代码'), summary: Type.Optional(Text(2000)), body: Type.Optional(Text(500_000)), documentNumber: Type.Optional(Type.Union([Text(100), Type.Null()])) },
  { additionalProperties: false },
);

const ErrorResponse = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true }) });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const Created = Type.Object({ id: Type.String(), trackingCode: Type.String(), status: Type.String(), replyDueOn: Type.Union([Type.String(), Type.Null()]), isProvisional: Type.Boolean() });
const RequestResponse = Type.Object({ id: Type.String(), trackingCode: Type.String(), status: Type.String(), replyDueOn: Type.Union([Type.String(), Type.Null()]), isProvisional: Type.Boolean(), workingDaysUsed: Type.Integer(), workingDaysLeft: Type.Integer(), explanation: Type.Array(Type.String()) }, { additionalProperties: true });

/** A list row: what the due-soon and overdue lists need, without the timeline. */
export function summaryJson(v: FoiRequestView) {
  const j = requestJson(v);
  return { id: j.id, trackingCode: j.trackingCode, channel: j.channel, receivedOn: j.receivedOn, applicantKind: v.request.applicantKind, applicantName: v.request.applicantName, description: j.description, duplicateOf: j.duplicateOf, status: j.status, outcome: j.outcome, deadlineStatus: j.deadlineStatus, replyDueOn: j.replyDueOn, isProvisional: j.isProvisional, isOverdue: j.isOverdue, workingDaysUsed: j.workingDaysUsed, workingDaysLeft: j.workingDaysLeft };
}

/** Sends a stored file as a download (RFC 6266 UTF-8 filename). */
export function sendDocument(reply: FastifyReply, file: { document: FoiDocument; stream(): Readable }): FastifyReply {
  return reply.type(file.document.mediaType).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.document.filename)}`).header('x-content-type-options', 'nosniff').header('cache-control', 'no-store').send(file.stream());
}

/** `/api/v1/foi-requests`: issue 4's fixed API, plus the list, the 告知书 and the case file. */
export function foiApiRoutes(s: Services): RouteModule {
  return (app: FastifyInstance) => {
    reminderApiRoutes(s)(app);
    const tags = ['依申请公开'];
    type Id = { Params: { id: string } };

    app.post('/api/v1/foi-requests', { schema: { tags, summary: '登记政府信息公开申请（收到申请之日晚于今天的返回 400）', body: CreateBody, response: { 201: Created, ...errors } } }, async (request, reply) => {
      const actor = requireActor(request, 'foi.register');
      const b = request.body as Static<typeof CreateBody>;
      const view = await s.foi.requests.register(actor, { ...b, applicant: b.applicant as Record<string, unknown> });
      const j = requestJson(view);
      return reply.status(201).send({ id: j.id, trackingCode: j.trackingCode, status: j.status, replyDueOn: j.replyDueOn, isProvisional: j.isProvisional });
    });

    app.get('/api/v1/foi-requests', { schema: { tags, summary: '申请列表；due=soon 为即将到期（剩余工作日不超过系统设置 foiDueSoonWorkingDays，默认5），due=overdue 为已超期', querystring: Type.Object({ due: Type.Optional(literals(['soon', 'overdue'] as const)), status: Type.Optional(Type.String()), open: Type.Optional(Type.Boolean()), q: Type.Optional(Type.String({ maxLength: 100 })), channel: Type.Optional(Type.String()) }) } }, async (request) => {
      const actor = requireActor(request, 'foi.read');
      const q = request.query as { due?: 'soon' | 'overdue'; status?: string; open?: boolean; q?: string; channel?: string };
      const views = await s.foi.requests.list(actor, { due: q.due, state: q.status, openOnly: q.open, q: q.q, channel: q.channel });
      return { total: views.length, items: views.map(summaryJson) };
    });

    app.get<Id>('/api/v1/foi-requests/:id', { schema: { tags, summary: '申请详情：状态、答复期限、已用和剩余工作日及逐日说明', response: { 200: RequestResponse, ...errors } } }, async (request) => {
      const actor = requireActor(request, 'foi.read');
      return requestJson(await s.foi.requests.get(actor, request.params.id));
    });

    app.post<Id>('/api/v1/foi-requests/:id/events', { schema: { tags, summary: '记录办理事项；状态表不允许的返回 409 及原因代码', body: EventBody, response: { 200: RequestResponse, ...errors } } }, async (request) => {
      const actor = requireActor(request);
      const { version, ...event } = request.body as Static<typeof EventBody>;
      return requestJson(await s.foi.requests.addEvent(actor, request.params.id, event, { expectedVersion: version }));
    });

    app.post<Id>('/api/v1/foi-requests/:id/reviews', { schema: { tags, summary: '记录行政复议、行政诉讼及结果', body: ReviewBody, response: errors } }, async (request, reply) => {
      const actor = requireActor(request, 'foi.process');
      return reply.status(201).send(await s.foi.cases.addReview(actor, request.params.id, request.body as Static<typeof ReviewBody>));
    });

    app.get<Id>('/api/v1/foi-requests/:id/notice.docx', { schema: { tags, summary: '下载最新的告知书（DOCX）', produces: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'] } }, async (request, reply) => {
      const actor = requireActor(request, 'foi.read');
      return sendDocument(reply, await s.foi.cases.openLatestNotice(actor, request.params.id));
    });

    app.get<Id>('/api/v1/foi-requests/:id/case-file.zip', { schema: { tags, summary: '导出完整案卷（ZIP，证件号码脱敏）', produces: ['application/zip'] } }, async (request, reply) => {
      const actor = requireActor(request, 'foi.export');
      const file = await s.foi.exportCaseFile(actor, request.params.id);
      return reply.type('application/zip').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`).header('cache-control', 'no-store').send(file.zip);
    });

    app.post<Id>('/api/v1/foi-requests/:id/documents', { schema: { tags, summary: '上传提供给申请人的政府信息（multipart/form-data，字段 file）', consumes: ['multipart/form-data'] } }, async (request, reply) => {
      const actor = requireActor(request, 'foi.process');
      const file = request.isMultipart() ? await request.file() : undefined;
      if (!file) throw new InvalidInput({ file: 'required' });
      return reply.status(201).send(await s.foi.cases.attachReleased(actor, request.params.id, file.filename, await file.toBuffer()));
    });

    app.post<Id>('/api/v1/foi-requests/:id/promote', { schema: { tags, summary: '将予以公开的答复转为主动公开并发布（条例第四十四条）', body: PromoteBody } }, async (request, reply) => {
      const actor = requireActor(request, 'foi.process');
      const b = request.body as Static<typeof PromoteBody>;
      const topic = await s.reference.topicCode(b.topic);
      const genre = await s.reference.genreCode(b.genre);
      if (!topic.ok || !genre.ok) throw new InvalidInput({ ...(topic.ok ? {} : { topic: topic.reason }), ...(genre.ok ? {} : { genre: genre.reason }) });
      const promoted = await s.foi.cases.promoteToCatalogue(actor, request.params.id, { title: b.title, topicCode: topic.code, genreCode: genre.code, summary: b.summary ?? '', bodyHtml: b.body ?? '', documentNumber: b.documentNumber ?? null });
      return reply.status(201).send(promoted);
    });
  };
}
