import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { RouteModule } from '../../../app.tsx';
import { requireActor } from '../../../web/http.ts';
import { checkText, DEFAULT_RULE_SET, type Finding } from '../index.ts';

const Body = Type.Object(
  {
    text: Type.String({ maxLength: 500_000, description: '待检查的文本' }),
    writtenOn: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: '成文日期（用于日期矛盾检查）' })),
    publishedOn: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
  },
  { additionalProperties: false },
);

/** The shape the API and `gongkai check --json` share: offsets are JavaScript (UTF-16) string offsets. */
export function findingsJson(findings: readonly Finding[]) {
  return { findings: findings.map(({ start, end, text, rule, severity, suggestion, message }) => ({ start, end, text, rule, severity, suggestion, message })) };
}

/** POST /api/v1/content-checks: 错敏字 and wording checks of a text (issue #6). */
export function contentCheckRoutes(): RouteModule {
  return (app: FastifyInstance) => {
    app.post('/api/v1/content-checks', { schema: { tags: ['内容检查'], summary: '检查文本中的错别字、转换错误、标点、文号格式和表述问题', body: Body } }, async (request) => {
      requireActor(request, 'item.read');
      const body = request.body as Static<typeof Body>;
      return findingsJson(checkText(body.text, DEFAULT_RULE_SET, { writtenOn: body.writtenOn, publishedOn: body.publishedOn } as never));
    });
  };
}
