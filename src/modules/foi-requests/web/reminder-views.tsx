/** The office's 提醒 list: reply deadlines due soon or passed (条例 Art. 33), each with 已读. */
import { CsrfField } from '../../../web/components.tsx';
import type { Html } from '../../../web/jsx/jsx-runtime.ts';
import { REMINDER_KIND_LABELS } from '../domain/reminders.ts';
import type { ReminderView } from '../reminder-service.ts';
import { DeadlineBadge } from './console-views.tsx';

function stateOf(v: ReminderView): string {
  if (v.reminder.acknowledgedAt) return `已读（${v.reminder.acknowledgedByName ?? ''}，${v.reminder.acknowledgedAt.slice(0, 10)}）`;
  if (v.reminder.resolvedAt) return '已不适用（申请已办结或答复期限已变化）';
  return '未读';
}

export function ReminderList({ views, all, csrf, canAcknowledge, dueSoonDays }: { views: ReminderView[]; all: boolean; csrf: string; canAcknowledge: boolean; dueSoonDays: number }): Html {
  return (
    <>
      <p class="hint">每日自动检查：剩余不超过{dueSoonDays}个工作日时提醒“即将到期”（在“系统设置”中设定），超过答复期限时提醒“已超期”；同一申请、同一答复期限只提醒一次，答复期限变化（如延期）后重新提醒（条例第三十三条）。</p>
      <p class="actions">
        {all ? <a href="/console/foi/reminders">只看未读提醒</a> : <a href="/console/foi/reminders?all=1">查看全部提醒</a>}
        {' '}
        <a href="/console/foi">返回申请列表</a>
      </p>
      <div class="table-scroll">
        <table>
          <caption>{all ? `全部提醒 ${views.length} 条` : `未读提醒 ${views.length} 条`}</caption>
          <thead>
            <tr>
              <th scope="col">提醒</th>
              <th scope="col">申请</th>
              <th scope="col">内容</th>
              <th scope="col">当前答复期限</th>
              <th scope="col">提醒日期</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {views.map((v) => (
              <tr id={`reminder-${v.reminder.id}`}>
                <td>
                  <span class={v.reminder.kind === 'overdue' ? 'badge error' : 'badge warn'}>{REMINDER_KIND_LABELS[v.reminder.kind]}</span>
                </td>
                <td>
                  <a href={`/console/foi/${v.reminder.requestId}`}>{v.request.request.trackingCode}</a>（{v.request.request.applicantName}）
                </td>
                <td>{v.message}</td>
                <td>
                  {v.request.deadline.dueOn ?? '—'}
                  {v.request.deadline.isProvisional && '（暂定）'} <DeadlineBadge view={v.request} />
                </td>
                <td>{v.reminder.raisedOn}</td>
                <td>
                  {stateOf(v)}
                  {canAcknowledge && !v.reminder.acknowledgedAt && (
                    <form method="post" action={`/console/foi/reminders/${v.reminder.id}/acknowledge`} class="inline">
                      <CsrfField token={csrf} />
                      <button type="submit" aria-label={`将 ${v.request.request.trackingCode} 的${REMINDER_KIND_LABELS[v.reminder.kind]}提醒标记为已读`}>
                        已读
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
