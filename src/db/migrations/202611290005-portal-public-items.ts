import type { Kysely } from 'kysely';

/**
 * The public projection of the catalogue: one row per item the public may see, written in the
 * same transaction as every change that alters it. Portal lists, facets, feeds, sitemap and the
 * open API read only this table, so a non-public item cannot reach them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('public_items')
    .addColumn('item_id', 'text', (c) => c.primaryKey().references('items.id'))
    .addColumn('index_number', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('document_number', 'text')
    .addColumn('organ_id', 'text', (c) => c.notNull())
    .addColumn('organ_name', 'text', (c) => c.notNull())
    .addColumn('joint_issuers_json', 'text', (c) => c.notNull())
    .addColumn('written_on', 'text', (c) => c.notNull())
    .addColumn('published_on', 'text', (c) => c.notNull())
    .addColumn('published_year', 'integer', (c) => c.notNull())
    .addColumn('topic_code', 'text', (c) => c.notNull())
    .addColumn('topic_root_code', 'text', (c) => c.notNull())
    .addColumn('genre_code', 'text', (c) => c.notNull())
    .addColumn('column_type', 'text', (c) => c.notNull())
    .addColumn('validity', 'text', (c) => c.notNull())
    .addColumn('effective_on', 'text')
    .addColumn('expired_on', 'text')
    .addColumn('repealed_on', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('catalogue_entry_id', 'text')
    .addColumn('edition_no', 'integer', (c) => c.notNull())
    .addColumn('attachments_json', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  for (const [name, columns] of [
    ['public_items_published', ['published_on', 'item_id']],
    ['public_items_topic', ['topic_code', 'published_on']],
    ['public_items_topic_root', ['topic_root_code', 'published_on']],
    ['public_items_genre', ['genre_code', 'published_on']],
    ['public_items_column', ['column_type', 'published_on']],
    ['public_items_organ', ['organ_id', 'published_on']],
    ['public_items_year', ['published_year', 'published_on']],
    ['public_items_entry', ['catalogue_entry_id', 'published_on']],
  ] as const)
    await db.schema.createIndex(name).on('public_items').columns([...columns]).execute();
}
