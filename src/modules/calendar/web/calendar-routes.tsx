import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { RouteModule } from '../../../app.tsx';
import { InvalidInput } from '../../../kernel/errors.ts';
import type { Services } from '../../../services.ts';
import { formFields, redirectWithNotice, requireActor, sendHtml } from '../../../web/http.ts';
import { ConsoleLayout } from '../../../web/layout.tsx';
import { message } from '../../../web/messages.ts';
import { authorize } from '../../identity/index.ts';
import { workdaysAdd, workdaysBetween } from '../workdays-cli.ts';

const lines = (text: string | undefined) => (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

/** Parses the console form: 放假 blocks one per line as `start,end` (or a single date), 调休 days one per line. */
function yearFromForm(f: Record<string, string>) {
  return {
    year: Number(f.year),
    notice: f.notice ?? '',
    issuedOn: f.issuedOn || null,
    source: f.source || null,
    off: lines(f.off).map((l) => {
      const [a, b] = l.split(/[,，~～至\s]+/);
      return [a, b ?? a];
    }),
    work: lines(f.work),
  };
}

/** 工作日历: administrators add each year's 国办发明电 notice; every deadline is recomputed from it. */
export function calendarRoutes(s: Services): RouteModule {
  return (app: FastifyInstance) => {
    app.get('/console/calendar', async (request, reply) => {
      const actor = requireActor(request, 'item.read');
      const q = request.query as Record<string, string | undefined>;
      const years = await s.calendar.listYears();
      const calendar = s.calendar.current();
      let lookup: string | undefined;
      try {
        if (q.date && q.n) lookup = `${q.date} 之后第 ${q.n} 个工作日：${workdaysAdd(calendar, q.date, q.n).replace(' provisional', '（暂定）')}`;
      } catch (e) {
        lookup = e instanceof InvalidInput ? Object.values(e.fields).map(message).join('；') : '查询失败';
      }
      const canManage = actor.role === 'admin';
      return sendHtml(reply, (
        <ConsoleLayout site={await s.site()} title="工作日历（放假与调休）" actor={actor} csrfToken={request.csrfToken} current="/console/calendar" notice={q.notice ? { text: '日历已保存，所有期限已按新日历重新计算。' } : q.error ? { kind: 'error', text: message(q.error) } : undefined}>
          <p>已录入至 {calendar.lastKnownYear} 年。此后的日期按周一至周五、扣除元旦、劳动节、国庆节固定日期暂定计算，并标注“暂定”。</p>
          <table>
            <thead><tr><th scope="col">年度</th><th scope="col">通知</th><th scope="col">放假</th><th scope="col">调休上班</th><th scope="col">版本</th></tr></thead>
            <tbody>
              {years.map((y) => (
                <tr>
                  <td>{y.year}</td>
                  <td>{y.source ? <a href={y.source}>{y.notice}</a> : y.notice}{y.issuedOn && <div class="muted">{y.issuedOn}</div>}</td>
                  <td>{y.off.map(([a, b]) => (a === b ? a : `${a} 至 ${b}`)).join('；')}</td>
                  <td>{y.work.join('、')}</td>
                  <td>{y.version}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>期限查询</h2>
          <form method="get" action="/console/calendar" class="filters">
            <div class="field"><label for="date">起算日期</label><input type="date" id="date" name="date" value={q.date ?? ''} /></div>
            <div class="field"><label for="n">工作日数</label><input type="number" id="n" name="n" min="1" max="1000" value={q.n ?? '20'} /></div>
            <button type="submit">计算</button>
          </form>
          {lookup && <p class="notice">{lookup}</p>}
          {canManage && (
            <>
              <h2>录入或更正年度放假安排</h2>
              <form method="post" action="/console/calendar">
                <input type="hidden" name="_csrf" value={request.csrfToken} />
                <div class="field"><label for="year">年度</label><input type="number" id="year" name="year" required min="2000" max="2100" /></div>
                <div class="field"><label for="notice">通知文号</label><input type="text" id="notice" name="notice" placeholder="国办发明电〔2026〕×号" required /></div>
                <div class="field"><label for="issuedOn">发布日期</label><input type="date" id="issuedOn" name="issuedOn" /></div>
                <div class="field"><label for="source">来源网址</label><input type="text" id="source" name="source" /></div>
                <div class="field"><label for="off">放假时段（每行一段：开始日期,结束日期）</label><textarea id="off" name="off" rows="7" /></div>
                <div class="field"><label for="work">调休上班日（每行一个日期）</label><textarea id="work" name="work" rows="5" /></div>
                <div class="field"><label for="version">当前版本（更正已有年度时填写，新年度留空）</label><input type="number" id="version" name="version" min="1" /></div>
                <button type="submit">保存</button>
              </form>
            </>
          )}
        </ConsoleLayout>
      ));
    });

    app.post('/console/calendar', async (request, reply) => {
      const actor = requireActor(request, 'calendar.manage');
      const f = formFields(request.body);
      try {
        await s.calendar.saveYear({ id: actor.id, name: actor.displayName }, yearFromForm(f), f.version ? Number(f.version) : undefined);
        return redirectWithNotice(reply, '/console/calendar', 'saved');
      } catch (e) {
        if (e instanceof InvalidInput) return reply.redirect(`/console/calendar?error=${encodeURIComponent(Object.values(e.fields)[0] ?? e.code)}`, 303);
        if (e instanceof Error && 'code' in e && (e as { code: string }).code === 'stale-version') return reply.redirect('/console/calendar?error=stale-version', 303);
        throw e;
      }
    });

    const tags = ['工作日历'];
    app.get('/api/v1/calendar/years', { schema: { tags, summary: '已录入的年度放假安排' } }, async (request) => {
      requireActor(request, 'item.read');
      return { years: await s.calendar.listYears() };
    });
    app.put<{ Params: { year: string } }>('/api/v1/calendar/years/:year', {
      schema: {
        tags,
        summary: '录入或更正年度放假安排（国办发明电）',
        body: Type.Object(
          { notice: Type.String({ maxLength: 200 }), issuedOn: Type.Optional(Type.Union([Type.String(), Type.Null()])), source: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])), off: Type.Array(Type.Tuple([Type.String(), Type.String()]), { maxItems: 60 }), work: Type.Array(Type.String(), { maxItems: 30 }), version: Type.Optional(Type.Integer({ minimum: 1 })) },
          { additionalProperties: false },
        ),
      },
    }, async (request) => {
      const actor = requireActor(request, 'calendar.manage');
      authorize(actor, 'calendar.manage');
      const { version, ...body } = request.body as { version?: number } & Record<string, unknown>;
      return s.calendar.saveYear({ id: actor.id, name: actor.displayName }, { ...body, year: Number(request.params.year) }, version);
    });
    app.get('/api/v1/calendar/add', { schema: { tags, summary: '某日之后第 N 个工作日（起算日不计）', querystring: Type.Object({ date: Type.String(), n: Type.String() }) } }, async (request) => {
      requireActor(request);
      const q = request.query as { date: string; n: string };
      const [date, flag] = workdaysAdd(s.calendar.current(), q.date, q.n).split(' ');
      return { date, isProvisional: flag === 'provisional' };
    });
    app.get('/api/v1/calendar/between', { schema: { tags, summary: 'A 之后至 B（含）的工作日数', querystring: Type.Object({ from: Type.String(), to: Type.String() }) } }, async (request) => {
      requireActor(request);
      const q = request.query as { from: string; to: string };
      const [days, flag] = workdaysBetween(s.calendar.current(), q.from, q.to).split(' ');
      return { workingDays: Number(days), isProvisional: flag === 'provisional' };
    });
  };
}
