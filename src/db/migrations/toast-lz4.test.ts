import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anItemInput, createTestContext, type TestContext } from '../../../test/support/test-services.ts';
import { isPostgresAvailable } from '../../../test/support/test-database.ts';

describe.runIf(await isPostgresAvailable())('migration 202612050005: long text compressed with lz4 on PostgreSQL', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext('postgres');
  });
  afterAll(() => t.close());

  it('sets lz4 on every column that holds a document text', async () => {
    const { rows } = await sql<{ table: string; column: string; compression: string }>`
      select c.relname as table, a.attname as column, a.attcompression as compression
      from pg_attribute a join pg_class c on c.oid = a.attrelid
      where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r' and a.attcompression <> ''`.execute(t.database.db);
    expect(rows.map((r) => `${r.table}.${r.column}:${r.compression}`).sort()).toEqual(
      ['attachment_texts.text', 'item_editions.snapshot_json', 'item_search.body_seg', 'item_search.tsv', 'item_search_docs.body_text', 'items.body_html'].map((c) => `${c}:l`),
    );
  });

  it('stores a long body compressed with lz4 and reads it back unchanged', async () => {
    const paragraph = '<p>为深入实施创新驱动发展战略，加快培育科技型中小企业，根据有关规定，现将申报工作有关事项通知如下。</p>';
    const bodyHtml = paragraph.repeat(200);
    const item = await t.services.items.create(t.actors.editor, anItemInput({ bodyHtml }));
    const row = await sql<{ body_html: string; method: string | null }>`select body_html, pg_column_compression(body_html) as method from items where id = ${item.id}`.execute(t.database.db);
    expect(row.rows[0]).toEqual({ body_html: bodyHtml, method: 'lz4' });
  });
});
