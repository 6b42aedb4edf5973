import type { FastifyRequest } from 'fastify';
import { message } from '../../../web/messages.ts';

const NOTICES: Record<string, string> = {
  created: '已保存为草稿。',
  saved: '修改已保存。',
  'saved-with-findings': '已保存。内容检查发现“确定”问题（见“发布前检查”），修改或经领导放行前不能审核通过或发布。',
  'checks-overridden': '已放行，放行理由已记入操作记录。',
  submit: '已提交审核。',
  return: '已退回修改。',
  approve: '审核通过，保密审查意见已记录。',
  schedule: '已设定定时发布。',
  unschedule: '已取消定时发布。',
  publish: '已发布，公开页面已更新。',
  revise: '已开始修订；修订稿发布前，公众仍看到上一版。',
  retract: '已撤回，内容已从所有公开渠道移除。',
  validity: '有效性已更新。',
  attached: '附件已上传。',
  detached: '附件已删除。',
  'entry-saved': '目录事项已保存。',
};

/** The notice or error to show after a redirect (`?notice=` / `?error=`). */
export function noticeFrom(request: FastifyRequest): { kind: 'ok' | 'error'; text: string } | undefined {
  const q = request.query as Record<string, string | undefined>;
  if (q.error) return { kind: 'error', text: message(q.error) };
  if (q.notice && NOTICES[q.notice]) return { kind: 'ok', text: NOTICES[q.notice]! };
  return undefined;
}

/** `datetime-local` values are Beijing time. */
export function parseBeijingDateTime(value: string | undefined): Date | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return undefined;
  const d = new Date(`${value.length === 16 ? value + ':00' : value}+08:00`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export function positiveInt(value: unknown, fallback: number): number {
  const n = typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(n) && n > 0 && n < 1_000_000 ? n : fallback;
}
