import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../db/migrations/index.ts';
import { createTestDatabase, testDialects } from '../../../../test/support/test-database.ts';
import { reportEditionRepository as editions } from './report-edition-repository.ts';

/**
 * Migration 202612040004 and the editions store on both databases: reports published before the migration get their
 * first edition from their own row, and the schema refuses a later edition without its 更正说明.
 */
const THIS = '202612040004-annual-report-corrections';
const NOW = '2026-01-20T02:00:00.000Z';

const reportRow = (id: string, status: string) => ({
  id,
  organ_id: 'organ-1',
  year: status === 'published' ? 2024 : 2025,
  status,
  sections_json: JSON.stringify([{ heading: '一、总体情况', text: '总体情况。' }]),
  drafts_json: '[]',
  figures_json: JSON.stringify({ licensing: 7, decisionsSource: '审批系统' }),
  tables_json: JSON.stringify({ proactive: { licensing: 7 } }),
  findings_json: '[]',
  problems_json: '[]',
  generated_at: NOW,
  published_at: status === 'published' ? NOW : null,
  published_by: status === 'published' ? '周敏' : null,
  published_item_id: null,
  version: 3,
  created_at: NOW,
  updated_at: NOW,
});

describe.each(await testDialects())('annual report editions store on %s', (dialect) => {
  let drop = async () => {};
  afterEach(() => drop());

  it('gives a report published before the migration its first edition, and none to a draft', async () => {
    const bare = await createTestDatabase(dialect, { migrate: false });
    drop = bare.drop;
    const db = bare.db as any;
    const index = migrations.findIndex(([name]) => name === THIS);
    for (const [, m] of migrations.slice(0, index)) await m.up(db, dialect);
    await db.insertInto('organs').values({ id: 'organ-1', code: '11330000MB0000001X', name: '某县科学技术局', short_name: '县科技局', credit_code: '11330000MB0000001X', is_main: 1, site_id_code: '3300000001', address: '某县人民路1号', phone: '0571-00000000', created_at: NOW }).execute();
    await db.insertInto('annual_reports').values([reportRow('report-2024', 'published'), reportRow('report-2025', 'draft')]).execute();
    await migrations[index]![1].up(db, dialect);

    const [first, ...rest] = await editions.list(db, 'report-2024');
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ editionNo: 1, itemEditionNo: 1, publishedAt: NOW, publishedBy: '周敏', correctionNote: null, sections: [{ heading: '一、总体情况', text: '总体情况。' }] });
    expect(first!.figures.licensing).toBe(7);
    expect(await editions.list(db, 'report-2025')).toEqual([]);
    const report = await db.selectFrom('annual_reports').select(['correction_opened_at', 'correction_opened_by']).where('id', '=', 'report-2024').executeTakeFirst();
    expect(report).toEqual({ correction_opened_at: null, correction_opened_by: null });

    // A later edition is a 更正 and must carry its 更正说明; edition numbers are unique per report.
    const second = { ...first!, id: 'e2', editionNo: 2, correctionNote: '表二行政许可由7件更正为8件。' };
    await expect(editions.insert(db, { ...second, correctionNote: null })).rejects.toThrow();
    await expect(editions.insert(db, { ...second, id: 'e1b', editionNo: 1, correctionNote: null })).rejects.toThrow();
    await editions.insert(db, second);
    expect((await editions.latest(db, 'report-2024'))?.correctionNote).toBe('表二行政许可由7件更正为8件。');
    expect((await editions.find(db, 'report-2024', 1))?.id).toBe('report-2024-1');
  });
});
