/**
 * A site with stale and broken parts, built through the real use cases on 2026-12-04 (China): a withdrawn item still
 * linked from a public body, a wrong 索引号 link, a missing attachment blob, an old unanswered request, a stale
 * 通知公告 column and an empty 人事 column, next to healthy links, attachments, columns and a recent request.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { newId } from '../../../kernel/ids.ts';
import { anItemInput, type TestContext } from '../../../../test/support/test-services.ts';
import type { ItemInput } from '../../catalogue/item-service.ts';
import type { Item } from '../../catalogue/sql/item-rows.ts';
import { anApplicationBody } from '../../foi-requests/testing/foi-builders.ts';
import { buildTestPdf } from '../../../../test/support/pdf.ts';

export const SEEDED_TODAY = '2026-12-04';
const AT = (date: string) => `${date}T01:00:00Z`;

export interface SeededSite {
  entries: { news: string; notice: string; people: string; policy: string };
  retracted: Item;
  healthy: Item;
  linking: Item;
  staleNotice: Item;
  policy: Item;
  missingAttachmentId: string;
  healthyAttachmentId: string;
  oldRequestId: string;
  recentRequestId: string;
}

async function anEntry(t: TestContext, sortOrder: number, level1: string, level2: string): Promise<string> {
  const id = newId();
  const now = t.clock.now().toISOString();
  await t.database.db
    .insertInto('catalogue_entries')
    .values({ id, organ_id: t.organId, sort_order: sortOrder, level1, level2, content: level2, basis_json: '[]', time_limit_working_days: null, time_limit_text: '', subject: '办公室', channels_json: '[]', audience_json: '[]', methods_json: '[]', levels_json: '[]', version: 1, created_at: now, updated_at: now })
    .execute();
  return id;
}

/** Publishes on `date`, written three days before (within the 公开时限), with optional PDF attachments. */
async function publishedOn(t: TestContext, date: string, input: Partial<ItemInput>, files: string[] = []): Promise<{ item: Item; attachmentIds: string[] }> {
  t.clock.set(AT(date));
  const { items } = t.services;
  const written = new Date(Date.parse(`${date}T00:00:00Z`) - 3 * 86_400_000).toISOString().slice(0, 10);
  const draft = await items.create(t.actors.officer, anItemInput({ writtenOn: written, documentNumber: null, ...input } as Partial<ItemInput>));
  const attachmentIds: string[] = [];
  for (const name of files) attachmentIds.push((await t.services.attachments.add(t.actors.officer, draft.id, name, buildTestPdf(['科技创新券申报材料'], { marker: `${name} ${draft.id}` }))).id);
  await items.apply(t.actors.officer, draft.id, 'submit');
  await items.apply(t.actors.leader, draft.id, 'approve', { note: '经保密审查，同意公开' });
  return { item: await items.apply(t.actors.officer, draft.id, 'publish'), attachmentIds };
}

export async function seedBrokenSite(t: TestContext): Promise<SeededSite> {
  const entries = {
    news: await anEntry(t, 1, '工作动态', '工作动态'),
    notice: await anEntry(t, 2, '通知公告', '通知公告'),
    people: await anEntry(t, 3, '人事信息', '人事任免和招聘'),
    policy: await anEntry(t, 4, '政策文件', '其他文件'),
  };
  const { item: staleNotice, attachmentIds: [missingAttachmentId] } = await publishedOn(t, '2026-04-10', { title: '关于组织申报科技创新券的通知', genreCode: 'notice', catalogueEntryId: entries.notice }, ['申报表.pdf']);
  const { item: policy, attachmentIds: [healthyAttachmentId] } = await publishedOn(t, '2026-09-01', { title: '县科技局科技计划项目管理办法', genreCode: 'other-document', catalogueEntryId: entries.policy }, ['管理办法.pdf']);
  const { item: retracted } = await publishedOn(t, '2026-11-25', { title: '科技活动周活动安排', genreCode: 'work-news', catalogueEntryId: entries.news });
  const { item: healthy } = await publishedOn(t, '2026-11-30', { title: '县科技局召开科技特派员工作会议', genreCode: 'work-news', catalogueEntryId: entries.news });
  const body = [
    `<p>详见<a href="/xxgk/content/${retracted.id}">活动安排</a>。</p>`,
    `<p>另见<a href="/xxgk/content/${healthy.id}">工作会议</a>和<a href="/api/v1/public/items/${encodeURIComponent(healthy.indexNumber)}">会议索引号链接</a>。</p>`,
    `<p>依据<a href="/api/v1/public/items/11330000MB0000001X%2F2019-99999">已失效的索引号</a>办理。</p>`,
    `<p>申报附件见<a href="/xxgk/content/${policy.id}/files/${healthyAttachmentId}">管理办法</a>，参考<a href="https://www.gov.cn/zhengce/">中国政府网</a>和<a href="/xxgk/no-such-column">专题栏目</a>。</p>`,
  ].join('');
  const { item: linking } = await publishedOn(t, '2026-12-01', { title: '县科技局开展科技服务进企业活动', genreCode: 'work-news', catalogueEntryId: entries.news, bodyHtml: body });
  t.clock.set(AT('2026-12-02'));
  await t.services.items.apply(t.actors.officer, retracted.id, 'retract', { reason: '活动取消' });
  const sha = (await t.database.db.selectFrom('attachments').select('sha256').where('id', '=', missingAttachmentId!).executeTakeFirstOrThrow()).sha256;
  rmSync(join(t.dataDir, 'blobs', sha.slice(0, 2), sha));
  t.clock.set(AT(SEEDED_TODAY));
  const oldRequest = await t.services.foi.requests.register(t.actors.officer, anApplicationBody({ receivedOn: '2026-08-03' }) as never);
  const recentRequest = await t.services.foi.requests.register(t.actors.officer, anApplicationBody({ receivedOn: '2026-11-02', description: '2026年度科技特派员名单' }) as never);
  return { entries, retracted, healthy, linking, staleNotice, policy, missingAttachmentId: missingAttachmentId!, healthyAttachmentId: healthyAttachmentId!, oldRequestId: oldRequest.request.id, recentRequestId: recentRequest.request.id };
}
