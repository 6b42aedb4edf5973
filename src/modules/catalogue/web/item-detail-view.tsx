import type { Actor } from '../../../kernel/actor.ts';
import type { AuditRecord } from '../../audit/index.ts';
import { can } from '../../identity/domain/permissions.ts';
import { ActionButton } from '../../../web/components.tsx';
import { actionLabel, formatInstant } from '../../../web/format.ts';
import type { Html } from '../../../web/jsx/jsx-runtime.ts';
import { DISCLOSURE_ATTRIBUTE_LABELS, EXEMPTIONS } from '../domain/disclosure.ts';
import { allowedEvents, ITEM_TRANSITIONS, type ItemEvent } from '../domain/item-workflow.ts';
import type { Timeliness } from '../domain/timeliness.ts';
import { VALIDITY_LABELS } from '../domain/validity.ts';
import { EVENT_ACTIONS } from '../item-service.ts';
import type { Attachment, ItemLink } from '../sql/item-repository.ts';
import type { Edition, Item } from '../sql/item-rows.ts';
import type { ItemChecks } from '../content-gate.ts';
import type { EditionCheckRecord } from '../sql/check-repository.ts';
import { EditionCheckNote, ItemChecksSection } from './item-checks-view.tsx';
import { StateBadge } from './item-views.tsx';

export interface ItemDetailData {
  item: Item;
  organName: string;
  unitName: string | null;
  topicLabel: string;
  genreName: string;
  entryLabel: string | null;
  timeliness: Timeliness & { limitWorkingDays: number };
  attachments: Attachment[];
  editions: Edition[];
  links: ItemLink[];
  audit: AuditRecord[];
  /** The publication gate now (issue 6), and what it recorded for each published edition. */
  checks: ItemChecks;
  editionChecks: EditionCheckRecord[];
}

const TIMELINESS_LABELS = { 'on-time': ['按时公开', 'ok'], late: ['超期公开', 'bad'], pending: ['待公开（未超期）', 'warn'], overdue: ['已超期未公开', 'bad'] } as const;

export function TimelinessLine({ t }: { t: ItemDetailData['timeliness'] }): Html {
  const [label, cls] = TIMELINESS_LABELS[t.status];
  return (
    <span>
      <span class={`badge ${cls}`}>{label}</span> 公开时限：成文后{t.limitWorkingDays}个工作日，即 {t.dueOn} 前
      {t.isProvisional && <span class="badge warn">暂定（该年度放假安排尚未录入）</span>}
      {t.lateByDays !== undefined && `，超出 ${t.lateByDays} 天`}
    </span>
  );
}

/** One form per event the actor may fire now, with the inputs that event needs. */
function EventForms({ item, actor, csrf }: { item: Item; actor: Actor; csrf: string }): Html {
  const events = allowedEvents(item.state, { disclosureAttribute: item.disclosure, hasPublishedEdition: item.currentEdition !== null }).filter((e) => e !== 'edit' && can(actor.role, EVENT_ACTIONS[e]));
  const base = `/console/items/${item.id}/events/`;
  const hidden = (
    <>
      <input type="hidden" name="_csrf" value={csrf} />
      <input type="hidden" name="version" value={String(item.version)} />
    </>
  );
  const form = (event: ItemEvent, body: Html) => (
    <form method="post" action={base + event} class="event-form">
      {hidden}
      {body}
    </form>
  );
  return (
    <div class="actions">
      {events.map((event) => {
        const label = ITEM_TRANSITIONS[event].label;
        switch (event) {
          case 'approve':
            return form(event, <><label for="note">保密审查意见</label><textarea id="note" name="note" rows="2" required>经审查，不涉及国家秘密，同意按主动公开发布。</textarea><button type="submit">{label}</button></>);
          case 'return':
          case 'retract':
            return form(event, <><label for={`${event}-reason`}>{event === 'retract' ? '撤回理由' : '退回理由'}</label><input type="text" id={`${event}-reason`} name="reason" required />{event === 'retract' && <><label for="retractNotice">公开页面保留的说明（可不填）</label><input type="text" id="retractNotice" name="retractNotice" /></>}<button type="submit" class={event === 'retract' ? 'danger' : 'secondary'}>{label}</button></>);
          case 'schedule':
            return form(event, <><label for="publishAt">定时发布时间（北京时间）</label><input type="datetime-local" id="publishAt" name="publishAt" required /><button type="submit" class="secondary">{label}</button></>);
          case 'publish':
            return form(event, <><label for="changeNote">发布说明</label><input type="text" id="changeNote" name="changeNote" placeholder={item.currentEdition ? '修订内容说明' : '首次发布'} /><button type="submit">{label}</button></>);
          default:
            return <ActionButton action={base + event} csrfToken={csrf} label={label} fields={{ version: String(item.version) }} className="secondary" />;
        }
      })}
      {item.state === 'draft' && can(actor.role, 'item.edit') && (
        <a class="button secondary" href={`/console/items/${item.id}/edit`}>
          编辑
        </a>
      )}
    </div>
  );
}

export function ItemDetail({ d, actor, csrf }: { d: ItemDetailData; actor: Actor; csrf: string }): Html {
  const { item } = d;
  const exemption = item.exemptionBasis ? EXEMPTIONS[item.exemptionBasis] : undefined;
  return (
    <>
      <p>
        <StateBadge item={item} /> 版本 {item.version}
        {item.currentEdition && (
          <>
            　已发布第 {item.currentEdition} 版　<a href={`/xxgk/content/${item.id}`}>查看公开页面</a>
          </>
        )}
      </p>
      <EventForms item={item} actor={actor} csrf={csrf} />
      <ItemChecksSection item={item} checks={d.checks} actor={actor} csrf={csrf} />
      <table class="meta-table">
        <tbody>
          <tr><th scope="row">索引号</th><td>{item.indexNumber}</td></tr>
          <tr><th scope="row">发布机构</th><td>{d.organName}{item.jointIssuers.length > 0 && `（联合发文：${item.jointIssuers.join('、')}）`}</td></tr>
          <tr><th scope="row">发文字号</th><td>{item.documentNumber ?? '无'}</td></tr>
          <tr><th scope="row">成文日期</th><td>{item.writtenOn}</td></tr>
          <tr><th scope="row">发布日期</th><td>{item.publishedOn ?? '未发布'}{item.scheduledAt && `（定时：${formatInstant(item.scheduledAt)}）`}</td></tr>
          <tr><th scope="row">公开时限</th><td><TimelinessLine t={d.timeliness} /></td></tr>
          <tr><th scope="row">主题分类</th><td>{d.topicLabel}</td></tr>
          <tr><th scope="row">体裁</th><td>{d.genreName}</td></tr>
          <tr><th scope="row">有效性</th><td>{VALIDITY_LABELS[item.validity]}{item.effectiveOn && `，${item.effectiveOn} 起施行`}{item.expiredOn && `，${item.expiredOn} 失效`}{item.repealedOn && `，${item.repealedOn} 废止`}</td></tr>
          <tr><th scope="row">公开属性</th><td>{DISCLOSURE_ATTRIBUTE_LABELS[item.disclosure]}{exemption && `：${exemption.label}（${exemption.legalBasis}）；理由：${item.exemptionReason}`}{item.onRequestReason && `：${item.onRequestReason}`}</td></tr>
          <tr><th scope="row">基本目录</th><td>{d.entryLabel ?? '未关联'}</td></tr>
          <tr><th scope="row">承办科室</th><td>{d.unitName ?? '未指定'}</td></tr>
          {item.approvalNote && <tr><th scope="row">保密审查</th><td>{item.approvedBy}（{formatInstant(item.approvedAt)}）：{item.approvalNote}</td></tr>}
          {item.retractedAt && <tr><th scope="row">撤回</th><td>{formatInstant(item.retractedAt)}：{item.retractReason}</td></tr>}
          <tr><th scope="row">内容概述</th><td>{item.summary}</td></tr>
        </tbody>
      </table>
      <h2>正文（工作稿）</h2>
      <div class="body-text" dangerouslySetInnerHTML={{ __html: rawBody(item.bodyHtml) }} />
      <AttachmentsSection d={d} actor={actor} csrf={csrf} />
      <ValiditySection d={d} actor={actor} csrf={csrf} />
      <h2>版本记录</h2>
      {d.editions.length === 0 ? <p class="muted">尚未发布。</p> : (
        <table>
          <thead><tr><th scope="col">版本</th><th scope="col">发布时间</th><th scope="col">发布人</th><th scope="col">说明</th><th scope="col">标题</th><th scope="col">发布时检查</th></tr></thead>
          <tbody>{d.editions.map((e) => <tr><td>第 {e.editionNo} 版</td><td>{formatInstant(e.publishedAt)}</td><td>{e.publishedBy}</td><td>{e.changeNote}</td><td>{e.snapshot.title}</td><td><EditionCheckNote record={d.editionChecks.find((c) => c.editionNo === e.editionNo)} /></td></tr>)}</tbody>
        </table>
      )}
      <h2>操作记录</h2>
      <ol class="timeline">
        {d.audit.map((a) => <li><strong>{actionLabel(a.action)}</strong>　{a.actorName}　<span class="muted">{formatInstant(a.at)}</span>{reasonOf(a) && <>　理由：{reasonOf(a)}</>}</li>)}
      </ol>
    </>
  );
}

import { raw } from '../../../web/jsx/jsx-runtime.ts';
/** Bodies are sanitised on every save (body-html.ts), so they render as markup. */
const rawBody = (html: string) => raw(html);

function AttachmentsSection({ d, actor, csrf }: { d: ItemDetailData; actor: Actor; csrf: string }): Html {
  const editable = d.item.state === 'draft' && can(actor.role, 'item.attach');
  return (
    <>
      <h2>附件</h2>
      {d.attachments.length === 0 ? <p class="muted">无附件。</p> : (
        <ul>
          {d.attachments.map((a) => (
            <li>
              <a href={`/console/attachments/${a.id}`}>{a.filename}</a> <span class="muted">（{Math.ceil(a.sizeBytes / 1024)} KB，SHA-256 {a.sha256.slice(0, 12)}…）</span>
              {editable && <ActionButton action={`/console/items/${d.item.id}/attachments/${a.id}/remove`} csrfToken={csrf} label="删除" className="secondary" />}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form method="post" action={`/console/items/${d.item.id}/attachments?_csrf=${encodeURIComponent(csrf)}`} enctype="multipart/form-data">
          <label for="file">上传附件（PDF、DOCX、XLSX、OFD 或图片，不超过20MB）</label>
          <input type="file" id="file" name="file" required />
          <button type="submit" class="secondary">上传</button>
        </form>
      )}
    </>
  );
}

function ValiditySection({ d, actor, csrf }: { d: ItemDetailData; actor: Actor; csrf: string }): Html {
  return (
    <>
      {d.links.length > 0 && (
        <>
          <h2>关联文件</h2>
          <ul>
            {d.links.map((l) => (
              <li>
                {l.direction === 'outgoing' ? `本文件${l.kind === 'repeals' ? '废止' : '修订'}：` : `本文件被${l.kind === 'repeals' ? '废止' : '修订'}：`}
                <a href={`/console/items/${l.direction === 'outgoing' ? l.toItemId : l.fromItemId}`}>{l.otherTitle}</a>（{l.otherIndexNumber}）
              </li>
            ))}
          </ul>
        </>
      )}
      {can(actor.role, 'item.set-validity') && d.item.validity !== 'repealed' && (
        <form method="post" action={`/console/items/${d.item.id}/validity`} class="filters">
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="version" value={String(d.item.version)} />
          <div class="field">
            <label for="validity">变更有效性</label>
            <select id="validity" name="validity">
              {(['effective', 'expired', 'repealed'] as const).map((v) => <option value={v} selected={v === d.item.validity}>{VALIDITY_LABELS[v]}</option>)}
            </select>
          </div>
          <div class="field"><label for="on">失效/废止日期</label><input type="date" id="on" name="on" /></div>
          <div class="field"><label for="byIndexNumber">据以修订/废止的新文件索引号</label><input type="text" id="byIndexNumber" name="byIndexNumber" /></div>
          <button type="submit" class="secondary">保存有效性</button>
        </form>
      )}
    </>
  );
}

/** The reason recorded with a return, retraction or check override, shown in the history. */
function reasonOf(a: AuditRecord): string | null {
  try {
    const after = a.afterJson ? (JSON.parse(a.afterJson) as { reason?: unknown }) : {};
    return typeof after.reason === 'string' && after.reason ? after.reason : null;
  } catch {
    return null;
  }
}
