import type { Kysely } from 'kysely';

/** 政府信息目录: items, editions, links, attachments; 主题分类, 体裁 and the 主动公开基本目录. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('topics')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text', (c) => c.references('topics.code'))
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('genres')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('column_type', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('catalogue_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organ_id', 'text', (c) => c.notNull().references('organs.id'))
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('level1', 'text', (c) => c.notNull())
    .addColumn('level2', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('basis_json', 'text', (c) => c.notNull())
    .addColumn('time_limit_working_days', 'integer')
    .addColumn('time_limit_text', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('channels_json', 'text', (c) => c.notNull())
    .addColumn('audience_json', 'text', (c) => c.notNull())
    .addColumn('methods_json', 'text', (c) => c.notNull())
    .addColumn('levels_json', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organ_id', 'text', (c) => c.notNull().references('organs.id'))
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('index_number', 'text', (c) => c.notNull().unique())
    .addColumn('index_year', 'integer', (c) => c.notNull())
    .addColumn('index_serial', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('joint_issuers_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('document_number', 'text')
    .addColumn('written_on', 'text', (c) => c.notNull())
    .addColumn('published_on', 'text')
    .addColumn('topic_code', 'text', (c) => c.notNull().references('topics.code'))
    .addColumn('genre_code', 'text', (c) => c.notNull().references('genres.code'))
    .addColumn('validity', 'text', (c) => c.notNull())
    .addColumn('effective_on', 'text')
    .addColumn('expired_on', 'text')
    .addColumn('repealed_on', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('disclosure', 'text', (c) => c.notNull())
    .addColumn('exemption_basis', 'text')
    .addColumn('exemption_reason', 'text')
    .addColumn('on_request_reason', 'text')
    .addColumn('catalogue_entry_id', 'text', (c) => c.references('catalogue_entries.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('scheduled_at', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('approval_note', 'text')
    .addColumn('retracted_at', 'text')
    .addColumn('retract_reason', 'text')
    .addColumn('retract_notice', 'text')
    .addColumn('current_edition', 'integer')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('items_state').on('items').columns(['state', 'updated_at']).execute();
  await db.schema.createIndex('items_public').on('items').columns(['current_edition', 'retracted_at', 'published_on']).execute();
  await db.schema
    .createTable('item_editions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('edition_no', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addColumn('change_note', 'text', (c) => c.notNull())
    .addColumn('snapshot_json', 'text', (c) => c.notNull())
    .addUniqueConstraint('item_editions_no', ['item_id', 'edition_no'])
    .execute();
  await db.schema
    .createTable('item_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('from_item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('to_item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('item_links_unique', ['from_item_id', 'to_item_id', 'kind'])
    .execute();
  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .execute();
  await db.schema.createIndex('attachments_item').on('attachments').column('item_id').execute();
}
