import { unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestPdf } from '../../../test/support/pdf.ts';
import { testDialects } from '../../../test/support/test-database.ts';
import { anItemInput, createTestContext, type TestContext } from '../../../test/support/test-services.ts';
import { Conflict, Forbidden, InvalidInput } from '../../kernel/errors.ts';
import { listAudit } from '../audit/index.ts';
import { ContentCheckBlocked } from './content-gate.ts';

const NOTE = { note: '经保密审查，不涉密，同意公开。' };
/** The seed plan's conversion artifacts (效劳 for 服务, 根本目录 for 基本目录). */
const FAULTY_BODY = '<p>各科室：为推进政务效劳公开，按照主动公开根本目录的要求，现将有关事项通知如下。</p>';

describe.each(await testDialects())('the publication gate on %s', (dialect) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext(dialect);
  });
  afterAll(() => t.close());

  const submitted = async (overrides = {}) => {
    const draft = await t.services.items.create(t.actors.editor, anItemInput(overrides));
    return t.services.items.apply(t.actors.editor, draft.id, 'submit');
  };
  const blockedBy = async (promise: Promise<unknown>) => {
    const error = await promise.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ContentCheckBlocked);
    return (error as ContentCheckBlocked).blocking.map((f) => `${f.source}:${f.text || f.rule}`);
  };

  it('lets a faulty draft be submitted, then refuses approval listing the 确定 findings, and changes nothing', async () => {
    const item = await submitted({ bodyHtml: FAULTY_BODY });
    expect(await blockedBy(t.services.items.apply(t.actors.leader, item.id, 'approve', NOTE))).toEqual(['body:效劳', 'body:根本目录']);
    const after = await t.services.items.get(item.id);
    expect([after.state, after.version]).toEqual(['submitted', item.version]);
    const checks = await t.services.items.checks(t.actors.editor, item.id);
    expect(checks.decision.blocking.map((f) => [f.rule, f.suggestion, f.before.slice(-4)])).toEqual([
      ['conversion/效劳', '服务', '为推进政务'.slice(-4)],
      ['conversion/根本目录', '基本目录', '主动公开'],
    ]);
  });

  it('publishes after the text is fixed, with the gate record kept on the edition', async () => {
    const item = await submitted({ bodyHtml: FAULTY_BODY });
    await t.services.items.apply(t.actors.leader, item.id, 'return', { reason: '请修改错别字' });
    const fixed = await t.services.items.update(t.actors.editor, item.id, item.version + 1, anItemInput({ bodyHtml: FAULTY_BODY.replace('效劳', '服务').replace('根本目录', '基本目录') }));
    await t.services.items.apply(t.actors.editor, fixed.id, 'submit');
    await t.services.items.apply(t.actors.leader, fixed.id, 'approve', NOTE);
    const published = await t.services.items.apply(t.actors.officer, fixed.id, 'publish');
    expect(published.state).toBe('published');
    const [record] = await t.services.items.listEditionChecks(item.id);
    expect(record).toMatchObject({ editionNo: 1, timelinessStatus: 'on-time', overrideIds: [] });
  });

  it('lets only a leader override, with a reason; the override is audited and the item publishes', async () => {
    const item = await submitted({ bodyHtml: FAULTY_BODY });
    await expect(t.services.items.overrideChecks(t.actors.editor, item.id, { reason: '引用原文' })).rejects.toBeInstanceOf(Forbidden);
    await expect(t.services.items.overrideChecks(t.actors.leader, item.id, { reason: ' ' })).rejects.toBeInstanceOf(InvalidInput);
    const override = await t.services.items.overrideChecks(t.actors.leader, item.id, { reason: '引用上级文件原文，保持原样' });
    expect(override.findings.map((f) => f.text)).toEqual(['效劳', '根本目录']);
    await t.services.items.apply(t.actors.leader, item.id, 'approve', NOTE);
    await t.services.items.apply(t.actors.officer, item.id, 'publish');
    const audit = await listAudit(t.database.db, { subjectType: 'item', subjectId: item.id });
    const entry = audit.find((a) => a.action === 'item.override-checks');
    expect(entry?.actorName).toBe('测试leader');
    expect(JSON.parse(entry!.afterJson!)).toMatchObject({ reason: '引用上级文件原文，保持原样', findings: [{ text: '效劳' }, { text: '根本目录' }] });
    const [record] = await t.services.items.listEditionChecks(item.id);
    expect(record!.overrideIds).toEqual([override.id]);
    expect(record!.findings.filter((f) => f.severity === '确定').map((f) => f.text)).toEqual(['效劳', '根本目录']);
    await expect(t.services.items.overrideChecks(t.actors.leader, item.id, { reason: '再次放行试试' })).rejects.toMatchObject({ code: 'nothing-to-override' });
  });

  it('blocks again when a revision brings a new 确定 finding the override did not cover', async () => {
    const item = await submitted({ bodyHtml: FAULTY_BODY });
    await t.services.items.overrideChecks(t.actors.leader, item.id, { reason: '引用上级文件原文，保持原样' });
    await t.services.items.apply(t.actors.leader, item.id, 'approve', NOTE);
    const published = await t.services.items.apply(t.actors.officer, item.id, 'publish');
    const draft = await t.services.items.apply(t.actors.officer, published.id, 'revise');
    const edited = await t.services.items.update(t.actors.officer, draft.id, draft.version, anItemInput({ bodyHtml: FAULTY_BODY + '<p>加强政务效劳。</p>' }));
    await t.services.items.apply(t.actors.officer, edited.id, 'submit');
    expect(await blockedBy(t.services.items.apply(t.actors.leader, item.id, 'approve', NOTE))).toEqual(['body:效劳']);
  });

  it('checks attachment text and refuses attachments that do not open, which no override can pass', async () => {
    const draft = await t.services.items.create(t.actors.editor, anItemInput());
    await t.services.attachments.add(t.actors.editor, draft.id, '实施方案.pdf', buildTestPdf(['县科技局政务公开实施方案', '加强管理效劳公开方面。']));
    const damaged = buildTestPdf(['损坏的附件']).subarray(0, 120);
    await t.services.attachments.add(t.actors.editor, draft.id, '损坏.pdf', damaged);
    const checks = await t.services.items.checks(t.actors.editor, draft.id);
    expect(checks.decision.blocking.map((f) => [f.source, f.attachmentName, f.rule, f.text])).toEqual([
      ['attachment', '实施方案.pdf', 'conversion/效劳', '效劳'],
      ['attachment', '损坏.pdf', 'attachment/unreadable', '损坏.pdf'],
    ]);
    await t.services.items.overrideChecks(t.actors.leader, draft.id, { reason: '附件为原件扫描转换，保持原样' });
    await t.services.items.apply(t.actors.editor, draft.id, 'submit');
    expect(await blockedBy(t.services.items.apply(t.actors.leader, draft.id, 'approve', NOTE))).toEqual(['attachment:损坏.pdf']);
  });

  it('stops a scheduled publication whose attachment went missing, and puts the item back to 已审核', async () => {
    const draft = await t.services.items.create(t.actors.editor, anItemInput({ title: '定时发布带附件' }));
    const pdf = buildTestPdf(['定时发布的附件正文']);
    const attachment = await t.services.attachments.add(t.actors.editor, draft.id, '附件.pdf', pdf);
    await t.services.items.apply(t.actors.editor, draft.id, 'submit');
    await t.services.items.apply(t.actors.leader, draft.id, 'approve', NOTE);
    await t.services.items.apply(t.actors.officer, draft.id, 'schedule', { publishAt: new Date('2026-11-27T06:00:00Z') });
    unlinkSync(join(t.dataDir, 'blobs', attachment.sha256.slice(0, 2), attachment.sha256));
    t.clock.set('2026-11-27T06:00:01Z');
    try {
      expect(await t.services.scheduler.runDue()).toBe(0); // ran, and failed
    } finally {
      t.clock.set('2026-11-27T02:00:00Z');
    }
    const item = await t.services.items.get(draft.id);
    expect([item.state, item.currentEdition, item.scheduledAt]).toEqual(['approved', null, null]);
    expect(await t.services.publicCatalogue.findItem(draft.id)).toBeUndefined();
    const job = await t.database.db.selectFrom('scheduled_jobs').select('error').where('subject_id', '=', draft.id).executeTakeFirstOrThrow();
    expect(job.error).toBe('content-check-blocked: attachment/missing');
    const audit = await listAudit(t.database.db, { subjectType: 'item', subjectId: draft.id });
    expect(audit.some((a) => a.action === 'item.unschedule' && JSON.parse(a.afterJson!).reason.includes('内容检查未通过'))).toBe(true);
  });

  it('refuses an import that would publish 确定 findings, and imports nothing', async () => {
    const before = await t.database.db.selectFrom('items').select('id').execute();
    const error = await t.services.items.importItem(t.actors.officer, anItemInput({ title: '导入的政务效劳通知' }), { publishedOn: '2026-11-25' as never }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentCheckBlocked);
    expect((error as Conflict).code).toBe('content-check-blocked');
    expect((await t.database.db.selectFrom('items').select('id').execute()).length).toBe(before.length);
  });

  it('publishes late items and records the lateness with the edition (条例 Art. 26)', async () => {
    const item = await submitted({ writtenOn: '2026-09-01', documentNumber: '县科技发〔2026〕40号' });
    const before = await t.services.items.checks(t.actors.officer, item.id);
    expect(before.decision.canPublish).toBe(true);
    expect(before.decision.advisory.map((f) => f.rule)).toContain('timeliness/late');
    await t.services.items.apply(t.actors.leader, item.id, 'approve', NOTE);
    await t.services.items.apply(t.actors.officer, item.id, 'publish');
    const [record] = await t.services.items.listEditionChecks(item.id);
    expect(record).toMatchObject({ timelinessStatus: 'late', dueOn: '2026-09-29' });
    expect(record!.lateByDays).toBeGreaterThan(50);
  });
});
