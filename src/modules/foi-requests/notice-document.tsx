/**
 * Builds the 告知书 of a closed application (条例 Art. 36–39, 30; 国办函〔2020〕109号) from the outcome's template, with
 * the receipt and deadline facts, the legal basis and the applicant's remedies, as DOCX and as an HTML fragment.
 */
import { formatChineseDate, type LocalDate } from '../../kernel/local-date.ts';
import { officialDocumentText, renderOfficialDocx, type Block, type OfficialDocument } from '../../web/docx/official-document.ts';
import type { Html } from '../../web/jsx/jsx-runtime.ts';
import { OUTCOMES, type OutcomeCode } from './domain/outcomes.ts';
import type { ReplyDeadline } from './domain/reply-deadline.ts';
import type { RequestEvent } from './domain/request-events.ts';
import { findLastEvent } from './domain/request-workflow.ts';
import { fillPlaceholders } from './notice-templates.ts';
import type { FoiRequestRecord } from './sql/foi-rows.ts';

/** 行政复议法 (2023) Art. 20: 60 days; 行政诉讼法 Art. 46: six months. Always printed, whatever the template says. */
export const REMEDIES_TEXT =
  '如对本答复不服，可以自收到本告知书之日起六十日内依法申请行政复议，或者自收到本告知书之日起六个月内依法向人民法院提起行政诉讼。';

export interface NoticeFacts {
  request: FoiRequestRecord;
  /** Every event, the closing one last. */
  events: readonly RequestEvent[];
  outcome: OutcomeCode;
  deadline: ReplyDeadline;
  organName: string;
  template: { title: string; body: string };
  releasedFilenames: readonly string[];
}

const LAW = '《中华人民共和国政府信息公开条例》';
const cn = (d: LocalDate) => formatChineseDate(d);

/** `条例第三十六条…` → `《中华人民共和国政府信息公开条例》第三十六条…` for the notice's reader. */
export function legalBasisText(outcome: OutcomeCode): string {
  return OUTCOMES[outcome].legalBasis.replace(/(?<!》)条例第/g, `${LAW}第`).replace(/、《中华人民共和国政府信息公开条例》第/g, '、第');
}

function requestedText(r: FoiRequestRecord): string {
  return [r.informationName, r.documentNumber ? `文号：${r.documentNumber}` : null, r.description].filter(Boolean).join('；');
}

function receiptParagraph(r: FoiRequestRecord, events: readonly RequestEvent[]): string {
  const requested = findLastEvent(events, 'correction-requested');
  const corrected = findLastEvent(events, 'correction-received');
  const correction = requested ? `本机关于${cn(requested.on)}一次性告知您补正${corrected ? `，于${cn(corrected.on)}收到补正后的申请` : ''}。` : '';
  return `本机关于${cn(r.receivedOn)}收到您提出的政府信息公开申请（受理编号：${r.trackingCode}），申请获取“${requestedText(r)}”。${correction}`;
}

function deadlineParagraph(deadline: ReplyDeadline, closedOn: LocalDate, events: readonly RequestEvent[]): string {
  if (!deadline.dueOn) return `本告知书于${cn(closedOn)}作出。`;
  const extension = findLastEvent(events, 'extension-approved');
  const paused = [events.some((e) => e.type === 'consultation-started') && '征求意见', events.some((e) => e.type === 'fee-notified') && '缴纳信息处理费'].filter(Boolean).join('、');
  const parts = [`依照${LAW}第三十三条的规定，本申请的答复期限至${cn(deadline.dueOn)}（共${deadline.limitWorkingDays}个工作日`];
  if (extension) parts.push(`，其中经政府信息公开工作机构负责人同意延长${extension.workingDays}个工作日`);
  if (paused) parts.push(`；${paused}所需时间不计算在内`);
  parts.push(`）。本机关于${cn(closedOn)}作出本答复。`);
  return parts.join('');
}

/** The notice as an official document (title, recipient, blocks, signature). */
export function buildNotice(f: NoticeFacts): OfficialDocument {
  const closing = f.events.at(-1)!;
  const replied = closing.type === 'replied' ? closing : undefined;
  const organ = replied?.responsibleOrgan;
  const values = {
    申请人: f.request.applicantName,
    收到日期: cn(f.request.receivedOn),
    申请内容: requestedText(f.request),
    答复日期: cn(closing.on),
    理由: replied?.reason ?? '',
    获取途径: replied?.whereToFind ?? '',
    负责机关: organ ? `${organ.name}${organ.contact ? `（联系方式：${organ.contact}）` : ''}` : '',
    法律依据: legalBasisText(f.outcome),
    本机关: f.organName,
    受理编号: f.request.trackingCode,
  };
  const body = fillPlaceholders(f.template.body, values)
    .split(/\n+/)
    .map((t) => t.trim())
    .filter(Boolean);
  const blocks: Block[] = [
    { kind: 'paragraph', text: receiptParagraph(f.request, f.events) },
    ...body.map((text): Block => ({ kind: 'paragraph', text })),
  ];
  if (f.releasedFilenames.length > 0) blocks.push({ kind: 'paragraph', text: `附件：${f.releasedFilenames.map((n, i) => `${i + 1}.${n}`).join('；')}` });
  blocks.push({ kind: 'paragraph', text: deadlineParagraph(f.deadline, closing.on, f.events) });
  blocks.push({ kind: 'paragraph', text: REMEDIES_TEXT });
  blocks.push({ kind: 'signature', lines: [f.organName, cn(closing.on)] });
  return { title: f.template.title, documentNumber: `（${f.request.trackingCode}）`, recipient: f.request.applicantName, blocks };
}

/** The notice as a print-ready, escaped HTML fragment. */
export function noticeHtml(doc: OfficialDocument): Html {
  const [title, ...rest] = officialDocumentText(doc);
  const signature = doc.blocks.find((b) => b.kind === 'signature');
  const lines = signature?.kind === 'signature' ? rest.slice(0, rest.length - signature.lines.length) : rest;
  return (
    <article class="official-notice">
      <h2>{title}</h2>
      {lines.map((line) => (
        <p>{line}</p>
      ))}
      {signature?.kind === 'signature' && <p class="signature">{signature.lines.map((l, i) => (i === 0 ? l : [<br />, l]))}</p>}
    </article>
  );
}

/** Both renderings of one notice. */
export async function renderNotice(f: NoticeFacts): Promise<{ title: string; docx: Buffer; html: string }> {
  const doc = buildNotice(f);
  return { title: doc.title, docx: await renderOfficialDocx(doc), html: noticeHtml(doc).value };
}
