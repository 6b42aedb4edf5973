import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../../../services.ts';
import { requireActor } from '../../../web/http.ts';
import { message } from '../../../web/messages.ts';
import { ContentCheckBlocked, type ItemChecks } from '../content-gate.ts';
import type { ItemCheckFinding } from '../domain/publication-gate.ts';
import type { CheckOverrideRecord } from '../sql/check-repository.ts';

const Severity = Type.Union([Type.Literal('确定'), Type.Literal('疑似'), Type.Literal('提示')]);
const Finding = Type.Object(
  {
    key: Type.String({ description: '稳定标识：来源、规则、原文及其出现次序；放行按此匹配' }),
    source: Type.Union(['title', 'summary', 'body', 'attachment', 'metadata', 'timeliness'].map((s) => Type.Literal(s)), { description: '位置：标题、内容概述、正文、附件、元数据、公开时限' }),
    attachmentId: Type.Union([Type.String(), Type.Null()]),
    attachmentName: Type.Union([Type.String(), Type.Null()]),
    field: Type.Union([Type.String(), Type.Null()]),
    start: Type.Integer({ description: '在该文本中的起始位置（JavaScript 字符串偏移）' }),
    end: Type.Integer(),
    text: Type.String(),
    before: Type.String({ description: '前文（最多20字）' }),
    after: Type.String({ description: '后文（最多20字）' }),
    rule: Type.String(),
    severity: Severity,
    suggestion: Type.String(),
    message: Type.String(),
    isOverridable: Type.Boolean({ description: '是否可由领导放行（仅用词问题）' }),
    overrideId: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
const Override = Type.Object(
  { id: Type.String(), itemVersion: Type.Integer(), overriddenAt: Type.String(), overriddenBy: Type.String(), overriddenByName: Type.String(), reason: Type.String(), findings: Type.Array(Finding) },
  { additionalProperties: false },
);
const ChecksResponse = Type.Object(
  {
    canPublish: Type.Boolean({ description: '没有未放行的“确定”问题' }),
    publishOn: Type.String({ description: '据以判断公开时限的发布日期' }),
    blocking: Type.Array(Finding, { description: '阻止审核通过和发布的“确定”问题' }),
    overridden: Type.Array(Finding, { description: '已由领导放行的“确定”问题' }),
    advisory: Type.Array(Finding, { description: '疑似、提示：不阻止发布' }),
    overrides: Type.Array(Override),
  },
  { additionalProperties: false },
);
const OverrideBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000, description: '放行理由' }), version: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });
const ErrorResponse = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true }) });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

const overrideJson = (o: CheckOverrideRecord) => ({ id: o.id, itemVersion: o.itemVersion, overriddenAt: o.overriddenAt, overriddenBy: o.overriddenBy, overriddenByName: o.overriddenByName, reason: o.reason, findings: o.findings });

/** The gate as API clients see it. */
export function checksJson(c: ItemChecks): Static<typeof ChecksResponse> {
  return { canPublish: c.decision.canPublish, publishOn: c.publishOn, blocking: c.decision.blocking, overridden: c.decision.overridden, advisory: c.decision.advisory, overrides: c.overrides.map(overrideJson) };
}

/** A 409 `content-check-blocked` with the blocking findings, so a client can show them. */
export function sendBlocked(reply: FastifyReply, error: ContentCheckBlocked): FastifyReply {
  return reply.status(409).send({ error: { code: error.code, message: message(error.code), findings: error.blocking as ItemCheckFinding[] } });
}

/** `/api/v1/items/{id}/checks` and `/check-overrides`: the publication gate and the leader's override (issue 6). */
export function itemCheckApiRoutes(s: Services) {
  return (app: FastifyInstance) => {
    const tags = ['政府信息目录', '内容检查'];
    app.get<{ Params: { id: string } }>('/api/v1/items/:id/checks', { schema: { tags, summary: '发布前检查：错敏字、元数据、附件、公开时限及放行记录', response: { 200: ChecksResponse, ...errors } } }, async (request) => {
      const actor = requireActor(request, 'item.read');
      return checksJson(await s.items.checks(actor, request.params.id));
    });

    app.post<{ Params: { id: string } }>('/api/v1/items/:id/check-overrides', { schema: { tags, summary: '领导放行当前的“确定”用词问题（须填写理由；元数据缺失、附件无法打开不能放行）', body: OverrideBody, response: { 201: Override, ...errors } } }, async (request, reply) => {
      const actor = requireActor(request, 'item.override-checks');
      const body = request.body as Static<typeof OverrideBody>;
      const record = await s.items.overrideChecks(actor, request.params.id, { reason: body.reason, expectedVersion: body.version });
      return reply.status(201).send(overrideJson(record));
    });
  };
}
