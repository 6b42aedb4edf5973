import type { Kysely } from 'kysely';

/**
 * 依申请公开 (条例 Art. 27–45): applications, their events, reviews, documents and notice templates.
 * Status and reply due date are not stored: they are derived from the events and the calendar (STYLE.md §3).
 * The applicant's identity number is stored only encrypted, masked and as a keyed hash (issue 4).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('foi_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organ_id', 'text', (c) => c.notNull().references('organs.id'))
    .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('arrived_at', 'text', (c) => c.notNull())
    .addColumn('applicant_kind', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('applicant_json', 'text', (c) => c.notNull())
    .addColumn('intake_json', 'text', (c) => c.notNull())
    .addColumn('id_number_cipher', 'text')
    .addColumn('id_number_masked', 'text')
    .addColumn('id_number_hash', 'text')
    .addColumn('phone_last4', 'text')
    .addColumn('information_name', 'text')
    .addColumn('document_number', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('provision_form', 'text')
    .addColumn('delivery_method', 'text')
    .addColumn('duplicate_of', 'text', (c) => c.references('foi_requests.id'))
    .addColumn('promoted_item_id', 'text', (c) => c.references('items.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('foi_requests_received').on('foi_requests').columns(['organ_id', 'received_on']).execute();
  await db.schema.createIndex('foi_requests_identity').on('foi_requests').column('id_number_hash').execute();
  await db.schema
    .createTable('foi_request_events')
    .addColumn('request_id', 'text', (c) => c.notNull().references('foi_requests.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('foi_request_events_pk', ['request_id', 'seq'])
    .execute();
  await db.schema
    .createTable('foi_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('foi_requests.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('filed_on', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text')
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('foi_reviews_request').on('foi_reviews').column('request_id').execute();
  await db.schema
    .createTable('foi_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('foi_requests.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('html_text', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('foi_documents_request').on('foi_documents').columns(['request_id', 'created_at']).execute();
  await db.schema
    .createTable('foi_notice_templates')
    .addColumn('outcome', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
}
