import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/test-database.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-services.ts';
import { Forbidden, InvalidInput } from '../../kernel/errors.ts';
import { AnnualReportService } from './annual-report-service.ts';
import { NO_ENTERED_FIGURES } from './domain/entered-figures.ts';
import type { ReportOrgan } from './report-compiler.ts';
import { aNormativeDocument, aRequest, fakeRecords, reportsWith } from './testing/builders.ts';

/**
 * 更正 of a published 年度报告 on both databases: the office reopens the 2025 report after publication because the
 * 行政许可 figure was entered as 12 instead of 21, corrects it, and republishes it with a 更正说明 as edition 2 of the
 * same catalogue item; edition 1 stays on file.
 */
const REQUESTS = [
  aRequest('2025-03-02', 'natural-person', { outcome: 'disclosed', decidedOn: '2025-03-20' }),
  aRequest('2025-05-06', 'commercial', { outcome: 'partially-disclosed', decidedOn: '2025-05-30' }),
];
const SOURCE = '县政务服务中心审批系统2025年度统计表';
const NOTE = '表二“行政许可”本年处理决定数量原误填为12件，更正为21件。';

describe.each(await testDialects())('annual report corrections on %s', (dialect) => {
  let t: TestContext;
  let reports: AnnualReportService;
  let organ: ReportOrgan;
  let itemId = '';
  const get = () => reports.get(t.actors.officer, organ, 2025);
  const publicBody = async () => (await t.services.publicCatalogue.findItem(itemId))!;

  beforeAll(async () => {
    t = await createTestContext(dialect);
    reports = reportsWith(t, fakeRecords(REQUESTS));
    organ = await reports.organ();
    await aNormativeDocument(t, '2025-03-05');
    let r = await reports.generate(t.actors.officer, organ, 2025);
    r = await reports.update(t.actors.officer, organ, 2025, r.version, { figures: { ...NO_ENTERED_FIGURES, licensing: 12, decisionsSource: SOURCE } });
    r = await reports.publish(t.actors.officer, organ, 2025, r.version);
    itemId = r.publishedItemId!;
  });
  afterAll(() => t.close());

  it('keeps the first publication as edition 1 of the report’s history', async () => {
    const list = await reports.corrections.listEditions(t.actors.auditor, organ, 2025);
    expect(list.map((e) => [e.editionNo, e.itemId, e.itemEditionNo, e.correctionNote, e.figures.licensing, e.publishedBy])).toEqual([[1, itemId, 1, null, 12, '测试officer']]);
    expect(list[0]!.tables.proactive.licensing).toBe(12);
  });

  it('refuses to correct what is not published, and to publish a correction that was not opened', async () => {
    const draft = await reports.generate(t.actors.officer, organ, 2024);
    await expect(reports.corrections.open(t.actors.officer, organ, 2024, draft.version)).rejects.toMatchObject({ code: 'report-not-published' });
    const r = await get();
    await expect(reports.corrections.publish(t.actors.officer, organ, 2025, r.version, NOTE)).rejects.toMatchObject({ code: 'report-not-correcting' });
    await expect(reports.update(t.actors.officer, organ, 2025, r.version, { sections: [] })).rejects.toMatchObject({ code: 'report-already-published' });
  });

  it('opens a correction for the office only, at the current version; the portal keeps edition 1', async () => {
    const r = await get();
    await expect(reports.corrections.open(t.actors.leader, organ, 2025, r.version)).rejects.toBeInstanceOf(Forbidden);
    await expect(reports.corrections.open(t.actors.officer, organ, 2025, r.version - 1)).rejects.toMatchObject({ code: 'stale-version' });
    const opened = await reports.corrections.open(t.actors.officer, organ, 2025, r.version);
    expect(opened).toMatchObject({ status: 'published', correctionOpenedBy: '测试officer', version: r.version + 1 });
    expect((await reports.listYears(t.actors.officer, organ)).find((y) => y.year === 2025)).toMatchObject({ isCorrecting: true, standing: 'published-late' });
    const updated = await reports.update(t.actors.officer, organ, 2025, opened.version, { figures: { ...opened.figures, licensing: 21 } });
    expect(updated.tables.proactive.licensing).toBe(21);
    const regenerated = await reports.generate(t.actors.officer, organ, 2025, updated.version);
    expect(regenerated.tables.proactive.licensing).toBe(21);
    const shown = await publicBody();
    expect(shown.editionNo).toBe(1);
    expect(shown.content.bodyHtml).toMatch(/<td>行政许可<\/td><td colspan="3">12<\/td>/);
  });

  it('requires a 更正说明 and rules R1–R7 to hold before the correction is published', async () => {
    const r = await get();
    const error = await reports.corrections.publish(t.actors.officer, organ, 2025, r.version, '  ').catch((e) => e);
    expect(error).toBeInstanceOf(InvalidInput);
    expect(error.fields).toEqual({ correctionNote: 'correction-note-required' });
    const broken = await reports.update(t.actors.officer, organ, 2025, r.version, { figures: { ...r.figures, previousCarriedForward: { 'natural-person': 3 } } });
    await expect(reports.corrections.publish(t.actors.officer, organ, 2025, broken.version, NOTE)).rejects.toMatchObject({ code: 'report-rules-failed' });
    await reports.update(t.actors.officer, organ, 2025, broken.version, { figures: { ...broken.figures, previousCarriedForward: null } });
    expect((await publicBody()).editionNo).toBe(1);
  });

  it('publishes the correction as edition 2 of the same catalogue item, with the 更正说明 on the public page', async () => {
    const r = await get();
    await expect(reports.corrections.publish(t.actors.editor, organ, 2025, r.version, NOTE)).rejects.toBeInstanceOf(Forbidden);
    const published = await reports.corrections.publish(t.actors.officer, organ, 2025, r.version, ` ${NOTE}\n`);
    expect(published).toMatchObject({ status: 'published', publishedItemId: itemId, correctionOpenedAt: null, version: r.version + 1 });
    const shown = await publicBody();
    expect(shown.editionNo).toBe(2);
    expect(shown.content.bodyHtml).toContain(`<p>更正说明（2026年11月27日）：${NOTE}</p>`);
    expect(shown.content.bodyHtml).toMatch(/<td>行政许可<\/td><td colspan="3">21<\/td>/);
    expect(shown.content.summary).toContain('本报告已于2026年11月27日更正');
    expect(shown.content.title).toBe('某县科学技术局2025年政府信息公开工作年度报告');
    const catalogueEditions = await t.database.db.selectFrom('item_editions').select(['edition_no', 'change_note']).where('item_id', '=', itemId).orderBy('edition_no').execute();
    expect(catalogueEditions.map((e) => [Number(e.edition_no), e.change_note])).toEqual([[1, '历史数据导入'], [2, `更正：${NOTE}`]]);
    const items = await t.database.db.selectFrom('items').select('id').where('genre_code', '=', 'annual-report').execute();
    expect(items).toHaveLength(1);
  });

  it('keeps both editions in the report’s history, each as it was published', async () => {
    const list = await reports.corrections.listEditions(t.actors.auditor, organ, 2025);
    expect(list.map((e) => [e.editionNo, e.itemEditionNo, e.correctionNote, e.tables.proactive.licensing])).toEqual([
      [1, 1, null, 12],
      [2, 2, NOTE, 21],
    ]);
    const first = await reports.corrections.getEdition(t.actors.auditor, organ, 2025, 1);
    expect(first.figures.licensing).toBe(12);
    await expect(reports.corrections.getEdition(t.actors.auditor, organ, 2025, 3)).rejects.toMatchObject({ code: 'report-edition-not-found' });
  });

  it('audits every step, on the report and on its catalogue item', async () => {
    const report = await get();
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'actor_name', 'after_json']).where('subject_id', 'in', [report.id, itemId]).orderBy('seq').execute();
    const actions = audit.map((a) => a.action);
    expect(actions.slice(actions.indexOf('annual-report.open-correction'))).toEqual([
      'annual-report.open-correction',
      'annual-report.update',
      'annual-report.generate',
      'annual-report.update',
      'annual-report.update',
      'item.revise',
      'item.edit',
      'item.submit',
      'item.approve',
      'item.publish',
      'annual-report.publish-correction',
    ]);
    expect(audit.find((a) => a.action === 'item.approve')!.actor_name).toBe('测试officer（年度报告更正）');
    expect(JSON.parse(audit.at(-1)!.after_json!)).toMatchObject({ editionNo: 2, itemId, itemEditionNo: 2, correctionNote: NOTE, state: 'published' });
  });

  it('cancels an open correction, restoring the last published figures and text', async () => {
    let r = await get();
    r = await reports.corrections.open(t.actors.officer, organ, 2025, r.version);
    r = await reports.update(t.actors.officer, organ, 2025, r.version, { sections: [{ heading: '六、其他需要报告的事项', text: '改到一半的文字。' }], figures: { ...r.figures, licensing: 99 } });
    const cancelled = await reports.corrections.cancel(t.actors.officer, organ, 2025, r.version);
    expect(cancelled.correctionOpenedAt).toBeNull();
    expect(cancelled.tables.proactive.licensing).toBe(21);
    expect(cancelled.figures.licensing).toBe(21);
    expect(cancelled.sections.find((s) => s.heading.startsWith('六'))!.text).toContain('信息处理费0元');
    await expect(reports.corrections.cancel(t.actors.officer, organ, 2025, cancelled.version)).rejects.toMatchObject({ code: 'report-not-correcting' });
  });

  it('resumes from a catalogue item left in review by an interrupted attempt, publishing the current text', async () => {
    let r = await get();
    r = await reports.corrections.open(t.actors.officer, organ, 2025, r.version);
    let item = await t.services.items.apply(t.actors.officer, itemId, 'revise');
    item = await t.services.items.update(t.actors.officer, itemId, item.version, { title: item.title, writtenOn: item.writtenOn, topicCode: item.topicCode, genreCode: item.genreCode, summary: item.summary, bodyHtml: '<p>中断时的旧稿。</p>', disclosure: 'proactive' });
    await t.services.items.apply(t.actors.officer, itemId, 'submit');
    r = await reports.update(t.actors.officer, organ, 2025, r.version, { sections: [{ heading: '五、存在的主要问题及改进情况', text: '统计口径说明不够清楚。' }] });
    await reports.corrections.publish(t.actors.officer, organ, 2025, r.version, '第五部分补充存在的主要问题。');
    const shown = await publicBody();
    expect(shown.editionNo).toBe(3);
    expect(shown.content.bodyHtml).toContain('统计口径说明不够清楚。');
    expect(shown.content.bodyHtml).not.toContain('中断时的旧稿');
    expect(shown.content.bodyHtml.indexOf('更正说明（2026年11月27日）：第五部分补充')).toBeLessThan(shown.content.bodyHtml.indexOf(`更正说明（2026年11月27日）：${NOTE}`));
  });

  it('records the edition the public now sees even when the report was edited meanwhile, and keeps the correction open', async () => {
    const items = t.services.items;
    let racing: AnnualReportService | undefined;
    // The real publishing service; only its publish step is preceded by another officer's edit of the report.
    const proxy = new Proxy(items, {
      get(target, prop) {
        if (prop === 'apply') {
          return async (...args: Parameters<typeof items.apply>) => {
            if (args[2] === 'publish') {
              const now = await racing!.get(t.actors.admin, organ, 2025);
              await racing!.update(t.actors.admin, organ, 2025, now.version, { sections: [{ heading: '六、其他需要报告的事项', text: '同时修改的文字。' }] });
            }
            return target.apply(...args);
          };
        }
        const value = Reflect.get(target, prop);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    racing = new AnnualReportService({ db: t.database.db, clock: t.clock, audit: t.services.audit, items: proxy, records: fakeRecords(REQUESTS) });
    let r = await get();
    r = await racing.corrections.open(t.actors.officer, organ, 2025, r.version);
    await expect(racing.corrections.publish(t.actors.officer, organ, 2025, r.version, '第四部分文字更正。')).rejects.toMatchObject({ code: 'stale-version' });
    expect((await publicBody()).editionNo).toBe(4);
    const list = await racing.corrections.listEditions(t.actors.officer, organ, 2025);
    expect(list.map((e) => [e.editionNo, e.itemEditionNo, e.correctionNote])).toContainEqual([4, 4, '第四部分文字更正。']);
    const after = await get();
    expect(after.correctionOpenedAt).not.toBeNull();
    expect(after.sections.find((s) => s.heading.startsWith('六'))!.text).toBe('同时修改的文字。');
    await reports.corrections.cancel(t.actors.officer, organ, 2025, after.version);
  });

  it('refuses to correct a report whose catalogue item was retracted', async () => {
    let r = await get();
    r = await reports.corrections.open(t.actors.officer, organ, 2025, r.version);
    await t.services.items.apply(t.actors.officer, itemId, 'retract', { reason: '测试撤回' });
    await expect(reports.corrections.publish(t.actors.officer, organ, 2025, r.version, NOTE)).rejects.toMatchObject({ code: 'report-item-retracted' });
    expect((await reports.corrections.listEditions(t.actors.officer, organ, 2025)).length).toBe(4);
  });
});
