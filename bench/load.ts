/**
 * Bulk-loads a bench dataset (JSONL from bench/dataset.ts) into a fresh database, fast.
 *
 *   npx tsx bench/load.ts --dataset bench/.cache/dataset-s1-n100000.jsonl --db sqlite --out bench/.cache/db.sqlite
 *   npx tsx bench/load.ts --dataset … --db postgres --schema bench_s1_n100000
 *
 * The per-item use case (PublishingService.importItem: one transaction, a dozen statements and an
 * audit record per item) manages a few hundred items a second. This path keeps the app's rules and
 * mappings but batches the writes:
 *  - the schema, reference data, calendar and settings come from the app itself (createServices, migrations);
 *    organs and 科室 through the identity use cases;
 *  - every item is checked with the app's own draft check (toItemDraft), gets its 索引号 from the configured
 *    pattern (validateIndexPattern/formatIndexNumber/indexNumberPeriodKey) and is mapped with itemToRow;
 *    public visibility is decided by PublicCatalogue.isPublic; public_items rows are the projection's mapping;
 *  - items, editions, links, public_items and (when a search module has registered a projection listener)
 *    the search index are written in batched transactions, with ONE audit record per batch
 *    (action 'bench.bulk-import') appended through the app's audit log, so the hash chain stays valid;
 *  - search rows are made by the search module's own functions in worker threads (bench/search-bulk.ts) while
 *    this thread writes the previous batch; if they cannot be found, its listeners run item by item;
 *  - secondary indexes are dropped first and rebuilt at the end from their own catalogue definitions;
 *  - the 索引号 counters and the public version are set at the end, so later app writes continue the series
 *    and every render cache sees a new version.
 */
import SQLite from 'better-sqlite3';
import { createReadStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { Kysely, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { nextCounterValue } from '../src/db/counters.ts';
import { nextDocKey } from '../src/modules/search/domain/doc-key.ts';
import { kyselyCounterReader, openDatabase, type Database, type Executor } from '../src/db/database.ts';
import type { Schema } from '../src/db/schema.ts';
import { systemClock } from '../src/kernel/clock.ts';
import { newId } from '../src/kernel/ids.ts';
import type { LocalDate } from '../src/kernel/local-date.ts';
import { verifyAuditChain } from '../src/modules/audit/index.ts';
import { formatIndexNumber, indexNumberPeriodKey, validateIndexPattern } from '../src/modules/catalogue/domain/index-number.ts';
import { toItemDraft, type ItemDraftInput } from '../src/modules/catalogue/domain/item.ts';
import { sanitizeBodyHtml } from '../src/modules/catalogue/body-html.ts';
import { PublicCatalogue } from '../src/modules/catalogue/public-catalogue.ts';
import { itemToRow, type EditionSnapshot, type Item } from '../src/modules/catalogue/sql/item-rows.ts';
import { systemActor } from '../src/modules/identity/index.ts';
import { PUBLIC_VERSION_COUNTER, publicItemRow, type ProjectionListener } from '../src/modules/portal/public-projection.ts';
import { createServices, type Services } from '../src/services.ts';
import { BENCH_ORGANS, LAST_PUBLISHED_ON, type BenchItem } from './dataset.ts';
import { facetTokens, type FacetValues } from '../src/modules/search/domain/facet-tokens.ts';
import { loadSearchFunctions, searchRows, searchTableShape, SegmenterPool, type IndexRowMessage, type IndexSourceMessage } from './search-bulk.ts';

export interface LoadOptions {
  dataset: string;
  /** A SQLite file path, or a postgres:// URL (whose search_path names the fresh schema). */
  databaseUrl: string;
  dataDir: string;
  batchSize?: number;
  /** Worker threads that segment text for the search index (default: one per core; the main thread mostly waits for them). */
  searchWorkers?: number;
  /** Keep the secondary indexes during the load instead of dropping and recreating them (slower; for comparison). */
  keepIndexes?: boolean;
  log?: (line: string) => void;
}

export interface LoadStats {
  items: number;
  publicItems: number;
  editions: number;
  links: number;
  searchRows: number;
  batches: number;
  auditRecords: number;
  auditChainValid: boolean;
  ms: number;
  itemsPerSecond: number;
  /** How the search index was filled: not at all (no search module), in bulk, or item by item through the listeners. */
  searchIndexed: 'none' | 'bulk' | 'projection-listeners';
  /** Hits for 科技 through the app's search service after the load (a smoke test of the index), when it has one. */
  searchProbe: number | null;
  /** Secondary indexes dropped before the load and recreated from their own definitions after it, and the time that took. */
  deferredIndexes: string[];
  indexRebuildMs: number;
  /** The machine's 1-minute load average when the load ended (it is shared: above 2 the load had to wait for CPU). */
  loadAverage: number;
}

/** Tables the load fills; their secondary (non-constraint) indexes are built once at the end. */
const LOADED_TABLES = ['items', 'item_editions', 'item_links', 'public_items', 'item_search', 'item_search_docs', 'item_search_keys'];

/**
 * Drops the secondary indexes of the loaded tables and returns their exact definitions (from the
 * database's catalogue, so whatever the migrations made is rebuilt as it was). Indexes that back a
 * primary key or unique constraint stay: they check the data as it goes in.
 */
async function dropSecondaryIndexes(database: Database): Promise<{ name: string; definition: string }[]> {
  const { db, dialect } = database;
  const rows =
    dialect === 'sqlite'
      ? (await sql<{ name: string; definition: string }>`select name, sql as definition from sqlite_master where type = 'index' and sql is not null and tbl_name in (${sql.join(LOADED_TABLES)})`.execute(db)).rows
      : (
          await sql<{ name: string; definition: string }>`select i.relname as name, pg_get_indexdef(i.oid) as definition
            from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid join pg_namespace n on n.oid = t.relnamespace
            where n.nspname = current_schema() and t.relname in (${sql.join(LOADED_TABLES)}) and not x.indisprimary
              and not exists (select 1 from pg_constraint c where c.conindid = i.oid)`.execute(db)
        ).rows;
  for (const r of rows) await sql`drop index ${sql.id(r.name)}`.execute(db);
  return rows;
}

async function recreateIndexes(database: Database, indexes: readonly { definition: string }[]): Promise<void> {
  if (database.dialect === 'postgres') {
    // Two connections build at once (a GIN build uses one core): the full-text index on one, the rest on the other.
    const [first, ...rest] = [...indexes].sort((a, b) => Number(b.definition.includes('item_search_tsv')) - Number(a.definition.includes('item_search_tsv')));
    const groups = [first ? [first] : [], rest];
    await Promise.all(
      groups.map((group) =>
        database.db.transaction().execute(async (trx) => {
          await sql`set local maintenance_work_mem = '256MB'`.execute(trx);
          for (const i of group) await sql.raw(i.definition).execute(trx);
        }),
      ),
    );
  }
  else for (const i of indexes) await sql.raw(i.definition).execute(database.db);
}

/** The instant a historic item was written or published: 10:00 Beijing time that day. */
const at = (date: string, hour = 10) => `${date}T${String(hour - 8).padStart(2, '0')}:00:00.000Z`;
const ACTOR = systemActor('基准测试批量导入');
const AUDIT_ACTOR = { id: ACTOR.id, name: ACTOR.displayName };

/** Writes rows of one table: prepared statements on SQLite, one `insert … select from unnest(…)` per batch on PostgreSQL. */
interface BulkWriter {
  insert(trx: Executor, table: keyof Schema, rows: readonly Record<string, unknown>[]): Promise<void>;
}

function sqliteWriter(handle: SQLite.Database): BulkWriter {
  const statements = new Map<string, { columns: string[]; statement: SQLite.Statement }>();
  return {
    async insert(_trx, table, rows) {
      const first = rows[0];
      if (!first) return;
      let s = statements.get(table);
      if (!s) {
        const columns = Object.keys(first);
        s = { columns, statement: handle.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`) };
        statements.set(table, s);
      }
      const { columns, statement } = s;
      // Same connection as the Kysely transaction that is open around this call.
      for (const row of rows) statement.run(columns.map((c) => row[c] ?? null));
    },
  };
}

function postgresWriter(): BulkWriter {
  const columnTypes = new Map<string, Map<string, string>>();
  return {
    async insert(trx, table, rows) {
      const first = rows[0];
      if (!first) return;
      let types = columnTypes.get(table);
      if (!types) {
        const r = await sql<{ column_name: string; udt_name: string }>`select column_name, udt_name from information_schema.columns where table_schema = current_schema() and table_name = ${table}`.execute(trx);
        types = new Map(r.rows.map((c) => [c.column_name, c.udt_name]));
        columnTypes.set(table, types);
      }
      const columns = Object.keys(first);
      const arrays = columns.map((c) => rows.map((r) => r[c] ?? null));
      const casts = columns.map((c, i) => sql`${arrays[i]}::${sql.raw(types!.get(c) ?? 'text')}[]`);
      await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) select * from unnest(${sql.join(casts)})`.execute(trx);
    },
  };
}

/** Opens the target like the app does (same pragmas); on SQLite the raw handle is kept for prepared inserts. */
function openTarget(url: string): { database: Database; writer: BulkWriter } {
  if (/^postgres(ql)?:\/\//.test(url)) return { database: openDatabase(url, { poolSize: 3 }), writer: postgresWriter() };
  const file = url.replace(/^sqlite:(\/\/)?/, '');
  mkdirSync(dirname(resolve(file)), { recursive: true });
  const handle = new SQLite(file);
  handle.pragma('journal_mode = WAL');
  handle.pragma('foreign_keys = ON');
  handle.pragma('busy_timeout = 5000');
  handle.pragma('synchronous = NORMAL');
  handle.pragma('cache_size = -262144'); // 256 MB page cache for the load only
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: handle }) });
  return { database: { db, dialect: 'sqlite', readCounter: kyselyCounterReader(db), destroy: () => db.destroy() }, writer: sqliteWriter(handle) };
}

/** Removes a SQLite file (and its WAL) or recreates a PostgreSQL schema, so the load starts empty. */
export async function resetTarget(url: string): Promise<void> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const schema = new URL(url).searchParams.get('options')?.match(/search_path=(\w+)/)?.[1];
    if (!schema) throw new Error(`postgres URL needs options=-c search_path=<schema>: ${url}`);
    const admin = new pg.Client({ connectionString: url.replace(/\?.*$/, '') });
    await admin.connect();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.query(`create schema ${schema}`);
    await admin.end();
    return;
  }
  const file = url.replace(/^sqlite:(\/\/)?/, '');
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) rmSync(f);
}


/** Organs and 科室 through the identity use cases (few rows), and the site settings. */
async function setUpOrganisation(s: Services): Promise<Map<string, { id: string; code: string; name: string; units: Map<string, string> }>> {
  const organs = new Map<string, { id: string; code: string; name: string; units: Map<string, string> }>();
  for (const o of BENCH_ORGANS) {
    const organ = await s.identity.createOrgan(ACTOR, { name: o.name, shortName: o.shortName, code: o.code, creditCode: o.code, isMain: o.isMain, siteIdCode: '3310230001', address: '某县城关镇人民东路88号', phone: '0576-83912610' });
    const units = new Map<string, string>();
    for (const [i, name] of o.units.entries()) units.set(name, (await s.identity.createUnit(ACTOR, { name, organCode: o.code, sortOrder: i + 1 })).id);
    organs.set(o.key, { id: organ.id, code: o.code, name: o.name, units });
  }
  const main = BENCH_ORGANS.find((o) => o.isMain)!;
  await s.settings.update(AUDIT_ACTOR, { siteName: `${main.name}政府信息公开`, siteDomain: 'kjj.example.gov.cn', siteIdCode: '3310230001' });
  return organs;
}

async function* lines(file: string): AsyncGenerator<string> {
  const rl = createInterface({ input: createReadStream(file, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  for await (const line of rl) if (line) yield line;
}

export async function loadDataset(options: LoadOptions): Promise<LoadStats> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const { database, writer } = openTarget(options.databaseUrl);
  const s = await createServices({ database, dataDir: options.dataDir, clock: systemClock, instanceId: 'bench-load' });
  let pool: SegmenterPool | undefined;
  try {
    const organs = await setUpOrganisation(s);
    const { topics, genres } = await s.reference.load();
    const topicParent = new Map(topics.map((t) => [t.code, t.parentCode]));
    const columnTypes = new Map(genres.map((g) => [g.code, g.columnType as string]));
    const settings = await s.settings.get();
    const pattern = validateIndexPattern(settings.indexNumberPattern);
    if (!pattern.ok) throw new Error(`index pattern: ${pattern.reason}`);
    const serials = new Map<string, number>();
    // Search indexing (src/modules/search) hangs off the public projection. In bulk, the module's own functions
    // make the rows (in worker threads); otherwise its listeners are called item by item.
    const listeners = (s.publicProjection as unknown as { listeners: ProjectionListener[] }).listeners ?? [];
    const shape = listeners.length > 0 ? await searchTableShape(database) : undefined;
    const fns = shape ? await loadSearchFunctions() : undefined;
    const workers = options.searchWorkers ?? cpus().length;
    pool = shape && fns ? await SegmenterPool.start(workers, fns) : undefined;
    const searchIndexed: LoadStats['searchIndexed'] = listeners.length === 0 ? 'none' : pool ? 'bulk' : 'projection-listeners';
    // The search module's keys (发布日期 order): the next free key of each day.
    const highestKey = new Map<string, number>();
    const docKey = (publishedOn: string) => {
      const key = nextDocKey(publishedOn, highestKey.get(publishedOn));
      highestKey.set(publishedOn, key);
      return key;
    };
    log(`  search index: ${searchIndexed === 'none' ? 'none (no search listener on the public projection)' : searchIndexed === 'bulk' ? `bulk (${shape}, ${workers} segmenting worker thread(s))` : `${listeners.length} projection listener(s), item by item`}`);
    const deferred = options.keepIndexes ? [] : await dropSecondaryIndexes(database);
    if (deferred.length) log(`  deferring ${deferred.length} secondary indexes: ${deferred.map((i) => i.name).join(', ')}`);
    const today = LAST_PUBLISHED_ON as LocalDate;
    const batchSize = options.batchSize ?? (database.dialect === 'sqlite' ? 5000 : 2000);
    const stats = { items: 0, publicItems: 0, editions: 0, links: 0, searchRows: 0, batches: 0 };
    let sanitizeChecked = 0;
    const phaseMs = { build: 0, waitSearch: 0, write: 0 };

    interface Built {
      batch: BenchItem[];
      items: Record<string, unknown>[];
      editions: Record<string, unknown>[];
      publicRows: Record<string, unknown>[];
      links: Record<string, unknown>[];
      publicIds: string[];
      search?: Promise<IndexRowMessage[]>;
    }

    const build = (batch: BenchItem[]): Built => {
      const buildStarted = performance.now();
      try {
        return buildRows(batch);
      } finally {
        phaseMs.build += performance.now() - buildStarted;
      }
    };
    const buildRows = (batch: BenchItem[]): Built => {
      const items: Record<string, unknown>[] = [];
      const editions: Record<string, unknown>[] = [];
      const publicRows: Record<string, unknown>[] = [];
      const links: Record<string, unknown>[] = [];
      const publicIds: string[] = [];
      const sources: IndexSourceMessage[] = [];
      const newerNormative = new Map<string, { id: string; writtenOn: string }>();
      const repealed: { id: string; organ: string; writtenOn: string }[] = [];
      for (const b of batch) {
        const organ = organs.get(b.organ)!;
        const input: ItemDraftInput = {
          title: b.title,
          organId: organ.id,
          jointIssuers: b.jointIssuers,
          documentNumber: b.documentNumber,
          writtenOn: b.writtenOn,
          topicCode: b.topicCode,
          genreCode: b.genreCode,
          summary: b.summary,
          bodyHtml: b.bodyHtml,
          disclosure: b.disclosure,
          exemption: b.exemption,
          onRequestReason: b.onRequestReason,
          validity: b.validity,
          effectiveOn: b.effectiveOn,
          validityEndedOn: b.validityEndedOn,
        };
        const checked = toItemDraft(input, { today, topics, genres });
        if (!checked.ok) throw new Error(`dataset item ${b.n} refused by the draft check: ${JSON.stringify(checked.errors)}`);
        const d = checked.value;
        // The use case sanitises every body; the generator emits only kept tags, which a sample proves.
        if (b.n % 997 === 0) {
          sanitizeChecked++;
          if (sanitizeBodyHtml(d.bodyHtml) !== d.bodyHtml) throw new Error(`dataset item ${b.n}: body changes under sanitizeBodyHtml`);
        }
        const periodKey = indexNumberPeriodKey(pattern.value, organ.code, d.writtenOn);
        const serial = (serials.get(periodKey) ?? 0) + 1;
        serials.set(periodKey, serial);
        const indexNumber = formatIndexNumber(pattern.value, { organCode: organ.code, date: d.writtenOn, serial });
        if (!indexNumber.ok) throw new Error(`index number: ${indexNumber.reason}`);
        const published = b.state === 'published' || b.state === 'retracted';
        const publishedAt = published ? at(b.publishedOn!) : null;
        const createdAt = at(d.writtenOn, 9);
        const approved = published || b.state === 'approved';
        const item: Item = {
          id: newId(Date.parse(publishedAt ?? createdAt)),
          organId: organ.id,
          unitId: b.unit ? (organ.units.get(b.unit) ?? null) : null,
          indexNumber: indexNumber.value,
          indexYear: Number(d.writtenOn.slice(0, 4)),
          indexSerial: serial,
          title: d.title,
          jointIssuers: d.jointIssuers,
          documentNumber: d.documentNumber,
          writtenOn: d.writtenOn,
          publishedOn: published ? (b.publishedOn as LocalDate) : null,
          topicCode: d.topicCode,
          genreCode: d.genreCode,
          validity: d.validity ?? 'effective',
          effectiveOn: d.effectiveOn,
          expiredOn: d.validity === 'expired' ? d.validityEndedOn : null,
          repealedOn: d.validity === 'repealed' ? d.validityEndedOn : null,
          summary: d.summary,
          bodyHtml: d.bodyHtml,
          disclosure: d.disclosure.attribute,
          exemptionBasis: d.disclosure.attribute === 'exempt' ? d.disclosure.exemption.basis : null,
          exemptionReason: d.disclosure.attribute === 'exempt' ? d.disclosure.exemption.reason : null,
          onRequestReason: d.disclosure.attribute === 'on-request' ? d.disclosure.onRequestReason : null,
          catalogueEntryId: null,
          state: b.state,
          scheduledAt: null,
          approvedBy: approved ? ACTOR.displayName : null,
          approvedAt: approved ? (publishedAt ?? createdAt) : null,
          approvalNote: published ? '历史数据导入，发布时已审查' : approved ? '经保密审查，同意按公开属性处理。' : null,
          retractedAt: b.state === 'retracted' ? at(b.publishedOn!, 16) : null,
          retractReason: b.retractReason,
          retractNotice: null,
          currentEdition: published ? 1 : null,
          createdBy: ACTOR.id,
          version: b.state === 'retracted' ? 3 : published || b.state === 'approved' ? 2 : b.state === 'submitted' ? 2 : 1,
          createdAt,
          updatedAt: b.state === 'retracted' ? at(b.publishedOn!, 16) : (publishedAt ?? createdAt),
        };
        items.push(itemToRow(item) as unknown as Record<string, unknown>);
        if (!published) continue;
        const snapshot: EditionSnapshot = {
          title: item.title,
          organId: item.organId,
          organName: organ.name,
          jointIssuers: item.jointIssuers,
          documentNumber: item.documentNumber,
          writtenOn: item.writtenOn,
          publishedOn: item.publishedOn!,
          topicCode: item.topicCode,
          genreCode: item.genreCode,
          summary: item.summary,
          bodyHtml: item.bodyHtml,
          catalogueEntryId: null,
          attachments: [],
        };
        editions.push({ id: newId(Date.parse(publishedAt!)), item_id: item.id, edition_no: 1, published_at: publishedAt, published_by: ACTOR.displayName, change_note: '历史数据导入', snapshot_json: JSON.stringify(snapshot) });
        if (!PublicCatalogue.isPublic(item)) continue;
        publicRows.push({ ...publicItemRow(item, snapshot, 1, (c) => topicParent.get(c) ?? null, (g) => columnTypes.get(g) ?? 'other', publishedAt!) });
        publicIds.push(item.id);
        sources.push({ itemId: item.id, editionNo: 1, publishedOn: snapshot.publishedOn, title: snapshot.title, documentNumber: snapshot.documentNumber, indexNumber: item.indexNumber, summary: snapshot.summary, bodyHtml: snapshot.bodyHtml, attachmentNames: [] });
        if (item.genreCode === 'normative-document') {
          const newest = newerNormative.get(b.organ);
          if (!newest || newest.writtenOn < item.writtenOn) newerNormative.set(b.organ, { id: item.id, writtenOn: item.writtenOn });
          if (item.validity === 'repealed') repealed.push({ id: item.id, organ: b.organ, writtenOn: item.writtenOn });
        }
      }
      // 废止 links: the newest public 规范性文件 of the same organ in this batch repeals the older repealed ones.
      for (const r of repealed) {
        const by = newerNormative.get(r.organ);
        if (by && by.id !== r.id && by.writtenOn > r.writtenOn) links.push({ id: newId(), from_item_id: by.id, to_item_id: r.id, kind: 'repeals', created_at: at(by.writtenOn) });
      }
      return { batch, items, editions, publicRows, links, publicIds, ...(pool ? { search: pool.run(sources) } : {}) };
    };

    const write = async ({ batch, items, editions, publicRows, links, publicIds, search }: Built) => {
      const waitStarted = performance.now();
      const facets = new Map(publicRows.map((r) => [r.item_id as string, facetTokens(r as unknown as FacetValues).join(' ')]));
      const index = search && shape ? searchRows(shape, await search, docKey, (id) => facets.get(id)!) : undefined;
      const batchNo = ++stats.batches;
      const writeStarted = performance.now();
      phaseMs.waitSearch += writeStarted - waitStarted;
      await database.db.transaction().execute(async (trx) => {
        await writer.insert(trx, 'items', items);
        await writer.insert(trx, 'item_editions', editions);
        await writer.insert(trx, 'item_links', links);
        await writer.insert(trx, 'public_items', publicRows);
        if (index) {
          await writer.insert(trx, 'item_search_docs' as keyof Schema, index.docs);
          await writer.insert(trx, 'item_search' as keyof Schema, index.index);
          await writer.insert(trx, (shape === 'sqlite-fts5' ? 'item_search_titles' : 'item_search_keys') as keyof Schema, index.keys);
        } else for (const id of publicIds) for (const l of listeners) await l(trx, { itemId: id, isPublic: true });
        await s.audit(trx, {
          actor: AUDIT_ACTOR,
          action: 'bench.bulk-import',
          subjectType: 'bench-batch',
          subjectId: `${batchNo}`,
          after: { dataset: options.dataset.split('/').pop(), first: batch[0]!.n, last: batch[batch.length - 1]!.n, items: items.length, editions: editions.length, publicItems: publicRows.length, links: links.length },
        });
      });
      phaseMs.write += performance.now() - writeStarted;
      stats.items += items.length;
      stats.editions += editions.length;
      stats.publicItems += publicRows.length;
      stats.links += links.length;
      stats.searchRows += listeners.length > 0 ? publicIds.length : 0;
    };

    // Pipeline: while the workers segment the newest batches, this thread writes the oldest — on
    // PostgreSQL two batches at once, each in its own transaction on its own connection (the second
    // backend computes its batch's tsvectors while the first commits; the audit head row orders the
    // two audit records). A batch's links point only into the same batch.
    const pending: Built[] = [];
    const depth = pool ? Math.max(1, workers) : 0;
    const writing: Promise<void>[] = [];
    const writers = database.dialect === 'postgres' ? 2 : 1;
    const startWrite = async (built: Built) => {
      const written = write(built);
      written.catch(() => {}); // awaited below; this only keeps an early failure from counting as unhandled
      writing.push(written);
      if (writing.length >= writers) await writing.shift();
    };
    let batch: BenchItem[] = [];
    let lastLog = performance.now();
    for await (const line of lines(options.dataset)) {
      batch.push(JSON.parse(line) as BenchItem);
      if (batch.length >= batchSize) {
        pending.push(build(batch));
        while (pending.length > depth) await startWrite(pending.shift()!);
        batch = [];
        if (performance.now() - lastLog > 5000) {
          lastLog = performance.now();
          log(`  ${stats.items.toLocaleString('en')} items, ${Math.round(stats.items / ((performance.now() - started) / 1000)).toLocaleString('en')} items/s`);
        }
      }
    }
    if (batch.length > 0) pending.push(build(batch));
    while (pending.length > 0) await startWrite(pending.shift()!);
    await Promise.all(writing);
    await pool?.close();
    pool = undefined;
    const indexStarted = performance.now();
    await recreateIndexes(database, deferred);
    const indexRebuildMs = performance.now() - indexStarted;
    if (deferred.length) log(`  recreated ${deferred.length} indexes in ${(indexRebuildMs / 1000).toFixed(1)} s`);

    await database.db.transaction().execute(async (trx) => {
      for (const [key, value] of serials)
        await trx
          .insertInto('counters')
          .values({ key: `index:${key}`, value })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: sql`case when counters.value > excluded.value then counters.value else excluded.value end` }))
          .execute();
      await nextCounterValue(trx, PUBLIC_VERSION_COUNTER);
    });
    // The loaded tables only: a bare ANALYZE would also analyse every other schema of the database (other bench loads).
    if (database.dialect === 'postgres') await sql`analyze ${sql.join(LOADED_TABLES.map((t) => sql.table(t)))}`.execute(database.db);
    else {
      await sql`analyze`.execute(database.db);
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(database.db);
    }
    const ms = performance.now() - started;
    const audit = await verifyAuditChain(database.db);
    const auditChainValid = !audit.firstBreak && !audit.headMismatch;
    let searchProbe: number | null = null;
    const searchPort = (s as unknown as { search?: { search?: (o: { q: string; page: number; pageSize: number }) => Promise<{ total: number }> } }).search;
    if (searchIndexed !== 'none' && typeof searchPort?.search === 'function') searchProbe = (await searchPort.search({ q: '科技', page: 1, pageSize: 1 })).total;
    log(`  main thread: building rows ${(phaseMs.build / 1000).toFixed(1)} s, waiting for the segmenters ${(phaseMs.waitSearch / 1000).toFixed(1)} s, writing ${(phaseMs.write / 1000).toFixed(1)} s`);
    log(`  sanitizeBodyHtml left ${sanitizeChecked} sampled bodies unchanged; audit chain ${auditChainValid ? 'valid' : 'BROKEN'} (${audit.checked} records)${searchProbe === null ? '' : `; search 科技 finds ${searchProbe.toLocaleString('en')}`}`);
    return { ...stats, auditRecords: audit.checked, auditChainValid, ms, itemsPerSecond: stats.items / (ms / 1000), searchIndexed, searchProbe, deferredIndexes: deferred.map((i) => i.name), indexRebuildMs, loadAverage: loadavg()[0]! };
  } finally {
    await pool?.close();
    await s.close();
  }
}

/** A postgres URL whose connections use `schema` (as test/support/test-database.ts does). */
export function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

export const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? (process.argv[i + 1] as string) : fallback;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dataset = arg('dataset', '');
  if (!dataset || !existsSync(dataset)) throw new Error('--dataset <file.jsonl> is required (make one with bench/dataset.ts)');
  const kind = arg('db', 'sqlite');
  const url = kind === 'postgres' ? withSearchPath(POSTGRES_URL, arg('schema', 'bench_load')) : arg('out', 'bench/.cache/load.sqlite');
  await resetTarget(url);
  const dataDir = arg('data-dir', resolve(dirname(dataset), 'data-load'));
  const stats = await loadDataset({ dataset, databaseUrl: url, dataDir, batchSize: Number(arg('batch', '0')) || undefined, searchWorkers: arg('workers', '') === '' ? undefined : Number(arg('workers', '1')), keepIndexes: process.argv.includes('--keep-indexes'), log: console.log });
  console.log(JSON.stringify(stats, null, 2));
  console.log(`imported ${stats.items.toLocaleString('en')} items in ${(stats.ms / 1000).toFixed(1)} s = ${Math.round(stats.itemsPerSecond).toLocaleString('en')} items/s`);
}
