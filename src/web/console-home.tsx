import type { FastifyInstance } from 'fastify';
import type { RouteModule } from '../app.tsx';
import { ITEM_STATE_LABELS, ITEM_STATES } from '../modules/catalogue/domain/item-workflow.ts';
import { assessTimeliness, publicationLimitWorkingDays } from '../modules/catalogue/domain/timeliness.ts';
import type { Services } from '../services.ts';
import { requireActor, sendHtml } from './http.ts';
import { ConsoleLayout } from './layout.tsx';

/** 工作台: counts by state and the proactive items nearing or past their 公开时限 (条例 Art. 26). */
export function consoleHomeRoutes(s: Services): RouteModule {
  return (app: FastifyInstance) => {
    app.get('/console', async (request, reply) => {
      const actor = requireActor(request, 'item.read');
      const db = s.database.db;
      const counts = await db.selectFrom('items').select(['state', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('state').execute();
      const byState = new Map(counts.map((c) => [c.state, Number(c.n)]));
      const waiting = await db
        .selectFrom('items')
        .leftJoin('catalogue_entries as e', 'e.id', 'items.catalogue_entry_id')
        .select(['items.id', 'items.title', 'items.written_on', 'items.state', 'e.time_limit_working_days'])
        .where('items.disclosure', '=', 'proactive')
        .where('items.current_edition', 'is', null)
        .where('items.state', 'in', ['draft', 'submitted', 'approved', 'scheduled'])
        .orderBy('items.written_on')
        .limit(200)
        .execute();
      const settings = await s.settings.get();
      const today = s.clock.today();
      const calendar = s.calendar.current();
      const rows = waiting
        .map((w) => ({ ...w, t: assessTimeliness({ writtenOn: w.written_on as never, publishedOn: null, limitWorkingDays: publicationLimitWorkingDays(w.time_limit_working_days ?? settings.defaultPublicationLimitWorkingDays), today }, calendar) }))
        .slice(0, 30);
      return sendHtml(reply, (
        <ConsoleLayout site={await s.site()} title="工作台" actor={actor} csrfToken={request.csrfToken} current="/console">
          <h2>政府信息状态</h2>
          <ul>
            {ITEM_STATES.map((state) => (
              <li><a href={`/console/items?state=${state}`}>{ITEM_STATE_LABELS[state]}</a>：{byState.get(state) ?? 0} 条</li>
            ))}
          </ul>
          <h2>待公开的主动公开信息（按公开时限）</h2>
          {rows.length === 0 ? <p class="muted">没有待公开的信息。</p> : (
            <table>
              <thead><tr><th scope="col">标题</th><th scope="col">状态</th><th scope="col">成文日期</th><th scope="col">公开时限</th></tr></thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <td><a href={`/console/items/${r.id}`}>{r.title}</a></td>
                    <td>{ITEM_STATE_LABELS[r.state as keyof typeof ITEM_STATE_LABELS]}</td>
                    <td>{r.written_on}</td>
                    <td>
                      <span class={`badge ${r.t.status === 'overdue' ? 'bad' : 'warn'}`}>{r.t.status === 'overdue' ? `已超期 ${r.t.lateByDays} 天` : '未超期'}</span> {r.t.dueOn} 前{r.t.isProvisional && '（暂定）'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </ConsoleLayout>
      ));
    });
  };
}
