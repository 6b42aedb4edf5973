import type { Actor } from '../../../kernel/actor.ts';
import { formatInstant } from '../../../web/format.ts';
import type { Html } from '../../../web/jsx/jsx-runtime.ts';
import { can } from '../../identity/domain/permissions.ts';
import type { ItemChecks } from '../content-gate.ts';
import { CHECK_SOURCE_LABELS, type CheckSeverity, type ItemCheckFinding } from '../domain/publication-gate.ts';
import type { EditionCheckRecord } from '../sql/check-repository.ts';
import type { Item } from '../sql/item-rows.ts';

const SEVERITY_CLASS: Record<CheckSeverity, string> = { 确定: 'bad', 疑似: 'warn', 提示: 'muted' };

/** Where a finding is, in words: 正文第12字, 附件《…》第3字, 元数据（发文字号）. */
export function findingPlace(f: ItemCheckFinding): string {
  if (f.source === 'metadata' || f.source === 'timeliness') return CHECK_SOURCE_LABELS[f.source];
  const at = `第${f.start + 1}字`;
  if (f.source === 'attachment') return `附件“${f.attachmentName ?? ''}”${f.rule.startsWith('attachment/') ? '' : at}`;
  return `${CHECK_SOURCE_LABELS[f.source]}${at}`;
}

function FindingRow({ f, note }: { f: ItemCheckFinding; note?: string }): Html {
  const isText = !f.rule.startsWith('metadata/') && !f.rule.startsWith('attachment/') && !f.rule.startsWith('timeliness/');
  return (
    <tr data-rule={f.rule} data-severity={f.severity}>
      <td><span class={`badge ${SEVERITY_CLASS[f.severity]}`}>{f.severity}</span>{note && <> <span class="badge muted">{note}</span></>}</td>
      <td>{findingPlace(f)}</td>
      <td>{isText ? <>…{f.before}<mark>{f.text}</mark>{f.after}…</> : f.text}</td>
      <td>{f.suggestion ? <>改为“{f.suggestion}”</> : '—'}</td>
      <td>{f.message}<br /><span class="muted">{f.rule}</span></td>
    </tr>
  );
}

function FindingTable({ rows }: { rows: { f: ItemCheckFinding; note?: string }[] }): Html {
  return (
    <table class="check-findings">
      <thead><tr><th scope="col">程度</th><th scope="col">位置</th><th scope="col">原文</th><th scope="col">建议</th><th scope="col">说明（规则）</th></tr></thead>
      <tbody>{rows.map((r) => <FindingRow f={r.f} note={r.note} />)}</tbody>
    </table>
  );
}

/**
 * 发布前检查 on the item page: the gate's verdict, every finding inline (position, rule, 确定/疑似/提示, suggestion,
 * the text in context, the attachment), the leader's override form and the overrides made so far.
 */
export function ItemChecksSection({ item, checks, actor, csrf }: { item: Item; checks: ItemChecks; actor: Actor; csrf: string }): Html {
  const { decision, overrides } = checks;
  const isOpen = item.state !== 'retracted' && item.state !== 'published';
  const rows = [
    ...decision.blocking.map((f) => ({ f, note: f.isOverridable ? undefined : '须修改' })),
    ...decision.overridden.map((f) => ({ f, note: '已放行' })),
    ...decision.advisory.map((f) => ({ f })),
  ];
  return (
    <section id="checks" aria-labelledby="checks-title">
      <h2 id="checks-title">发布前检查</h2>
      {decision.canPublish ? (
        <p class="notice ok">没有阻止发布的问题{decision.overridden.length > 0 && `（${decision.overridden.length} 个“确定”问题已由领导放行）`}{decision.advisory.length > 0 && `；另有 ${decision.advisory.length} 条疑似或提示，请核对`}。</p>
      ) : (
        <p class="notice error" role="alert">内容检查发现 {decision.blocking.length} 个“确定”问题，修改或放行前不能审核通过或发布。</p>
      )}
      {rows.length > 0 && <FindingTable rows={rows} />}
      {isOpen && decision.overridable.length > 0 && can(actor.role, 'item.override-checks') && (
        <form method="post" action={`/console/items/${item.id}/check-overrides`} class="event-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="version" value={String(item.version)} />
          <label for="override-reason">放行理由（放行上表 {decision.overridable.length} 个“确定”用词问题，记入操作记录）</label>
          <textarea id="override-reason" name="reason" rows="2" required></textarea>
          <button type="submit" class="secondary">领导放行</button>
        </form>
      )}
      {overrides.length > 0 && (
        <>
          <h3>放行记录</h3>
          <ul class="check-overrides">
            {overrides.map((o) => <li>{formatInstant(o.overriddenAt)}　{o.overriddenByName} 放行 {o.findings.length} 个问题（{o.findings.map((f) => `“${f.text}”`).join('、')}）。理由：{o.reason}</li>)}
          </ul>
        </>
      )}
    </section>
  );
}

/** What the gate recorded for an edition, for the 版本记录 table. */
export function EditionCheckNote({ record }: { record: EditionCheckRecord | undefined }): Html {
  if (!record) return <span class="muted">—</span>;
  const overridden = record.findings.filter((f) => f.severity === '确定').length;
  return (
    <span>
      {record.timelinessStatus === 'late' ? <span class="badge bad">超期公开 {record.lateByDays} 天</span> : record.timelinessStatus === 'on-time' ? <span class="badge ok">按时公开</span> : null}
      {overridden > 0 && <> <span class="badge warn">放行 {overridden} 项</span></>}
    </span>
  );
}
