/**
 * 条例 Art. 45 档案: the complete case file of one application as a ZIP — the case as JSON (identity number masked),
 * the deadline explanation, every generated 告知书 and released document, and the audit trail of the request.
 */
import type { Actor } from '../../kernel/actor.ts';
import { escapeHtml } from '../../web/jsx/jsx-runtime.ts';
import { listAudit } from '../audit/index.ts';
import { authorize } from '../identity/domain/authorize.ts';
import type { FoiDeps, FoiRequestService } from './foi-request-service.ts';
import { requestJson } from './request-json.ts';
import { foiRequestRepository as repo } from './sql/foi-request-repository.ts';
import { zipArchive, type ZipEntry } from './zip-archive.ts';

async function bytesOf(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** Builds the case-file ZIP of one request (foi.export). */
export async function exportCaseFile(deps: FoiDeps, requests: FoiRequestService, actor: Actor, requestId: string): Promise<{ filename: string; zip: Buffer }> {
  authorize(actor, 'foi.export');
  const view = await requests.load(deps.db, requestId);
  const reviews = await repo.listReviews(deps.db, requestId);
  const documents = await repo.listDocuments(deps.db, requestId);
  const audit = await listAudit(deps.db, { subjectType: 'foi-request', subjectId: requestId, limit: 1000 });
  const entries: ZipEntry[] = [
    { name: 'case.json', data: Buffer.from(JSON.stringify({ ...requestJson(view), reviews, documents: documents.map(({ htmlText: _html, ...d }) => d) }, null, 2)) },
    { name: '答复期限计算说明.txt', data: Buffer.from(view.deadline.explanation.join('\n') + '\n') },
    { name: 'audit.json', data: Buffer.from(JSON.stringify(audit.reverse(), null, 2)) },
  ];
  for (const [i, d] of documents.entries()) {
    const folder = d.kind === 'notice' ? '告知书' : '提供的政府信息';
    entries.push({ name: `${folder}/${String(i + 1).padStart(2, '0')}-${d.filename}`, data: await bytesOf(deps.blobs.stream(d.sha256)) });
    if (d.htmlText) entries.push({ name: `${folder}/${String(i + 1).padStart(2, '0')}-${d.title}.html`, data: Buffer.from(`<!DOCTYPE html><html lang="zh-CN"><meta charset="utf-8"><title>${escapeHtml(d.title)}</title>${d.htmlText}</html>`) });
  }
  return { filename: `${view.request.trackingCode}-案卷.zip`, zip: zipArchive(entries, deps.clock.now()) };
}
