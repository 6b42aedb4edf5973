import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { RouteModule } from '../../../app.tsx';
import type { Services } from '../../../services.ts';
import { requireActor, sendHtml } from '../../../web/http.ts';
import { actionLabel, formatInstant } from '../../../web/format.ts';
import { ConsoleLayout } from '../../../web/layout.tsx';
import { auditCsv, listAudit, verifyAuditChain, type AuditQuery } from '../audit-service.ts';

function queryFrom(q: Record<string, string | undefined>): AuditQuery {
  const before = Number(q.beforeSeq);
  return {
    subjectType: q.subjectType || undefined,
    subjectId: q.subjectId || undefined,
    actorName: q.actorName || undefined,
    action: q.action || undefined,
    from: q.from || undefined,
    to: q.to || undefined,
    beforeSeq: Number.isInteger(before) && before > 0 ? before : undefined,
  };
}

/** 审计日志: auditors browse, verify and export the chain (console and API). */
export function auditRoutes(s: Services): RouteModule {
  return (app: FastifyInstance) => {
    app.get('/console/audit', async (request, reply) => {
      const actor = requireActor(request, 'audit.read');
      const q = request.query as Record<string, string | undefined>;
      const query = queryFrom(q);
      const records = await listAudit(s.database.db, { ...query, limit: 100 });
      const verify = q.verify === '1' ? await verifyAuditChain(s.database.db) : undefined;
      const last = records[records.length - 1];
      const params = new URLSearchParams(Object.entries(q).filter(([k, v]) => v && k !== 'beforeSeq' && k !== 'verify') as [string, string][]);
      return sendHtml(reply, (
        <ConsoleLayout site={await s.site()} title="审计日志" actor={actor} csrfToken={request.csrfToken} current="/console/audit">
          {verify && (verify.firstBreak || verify.headMismatch ? (
            <p class="notice error" role="alert">哈希链校验失败：{verify.firstBreak ? `第 ${verify.firstBreak.seq} 条记录被篡改或缺失（${verify.firstBreak.problem}）` : '链尾与记录不一致（记录可能被截断）'}。</p>
          ) : <p class="notice ok" role="status">哈希链完整，已校验 {verify.checked} 条记录。</p>)}
          <form class="filters" method="get" action="/console/audit">
            <div class="field"><label for="actorName">操作人</label><input type="text" id="actorName" name="actorName" value={q.actorName ?? ''} /></div>
            <div class="field"><label for="action">操作</label><input type="text" id="action" name="action" value={q.action ?? ''} /></div>
            <div class="field"><label for="subjectId">对象编号</label><input type="text" id="subjectId" name="subjectId" value={q.subjectId ?? ''} /></div>
            <button type="submit">筛选</button>
          </form>
          <p class="actions">
            <a class="button secondary" href="/console/audit?verify=1">校验哈希链</a>
            {actor.role !== 'leader' && <a class="button secondary" href={`/console/audit.csv?${params}`}>导出 CSV</a>}
          </p>
          <div class="table-scroll">
            <table>
              <thead><tr><th scope="col">序号</th><th scope="col">时间</th><th scope="col">操作人</th><th scope="col">操作</th><th scope="col">对象</th><th scope="col">哈希</th></tr></thead>
              <tbody>
                {records.map((r) => (
                  <tr><td>{r.seq}</td><td>{formatInstant(r.at)}</td><td>{r.actorName}</td><td>{actionLabel(r.action)}</td><td>{r.subjectType}:{r.subjectId}</td><td><code>{r.hash.slice(0, 16)}…</code></td></tr>
                ))}
              </tbody>
            </table>
          </div>
          {last && records.length === 100 && <p><a href={`/console/audit?${params}&beforeSeq=${last.seq}`}>更早的记录</a></p>}
        </ConsoleLayout>
      ));
    });

    app.get('/console/audit.csv', async (request, reply) => {
      requireActor(request, 'audit.export');
      const records = await listAudit(s.database.db, { ...queryFrom(request.query as Record<string, string>), limit: 100_000 });
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="audit-log.csv"`).send(auditCsv(records));
    });

    const tags = ['审计日志'];
    app.get('/api/v1/audit', { schema: { tags, summary: '审计日志（新到旧）', querystring: Type.Object({ subjectType: Type.Optional(Type.String()), subjectId: Type.Optional(Type.String()), actorName: Type.Optional(Type.String()), action: Type.Optional(Type.String()), beforeSeq: Type.Optional(Type.String()) }) } }, async (request) => {
      requireActor(request, 'audit.read');
      return { records: await listAudit(s.database.db, { ...queryFrom(request.query as Record<string, string>), limit: 500 }) };
    });
    app.get('/api/v1/audit/verify', { schema: { tags, summary: '校验哈希链' } }, async (request) => {
      requireActor(request, 'audit.read');
      return verifyAuditChain(s.database.db);
    });
  };
}
