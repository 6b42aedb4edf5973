/**
 * The search index rows for the bulk load, made with the search module's own functions
 * (bodyText → indexTexts → segmentForIndex → capTokens: what SearchService.indexItem does for one item)
 * in worker threads, so that jieba runs beside the database writes. The module is found at run time
 * (it may be absent or changing in a checkout); when its functions or tables are not the expected ones the
 * loader falls back to calling the projection listeners item by item, which is slow but always right.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import type { Database } from '../src/db/database.ts';
import { bodyText } from '../src/modules/catalogue/body-html.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SEARCH = join(ROOT, 'src/modules/search');

/** What one public item gives the index (its current edition). */
export interface IndexSourceMessage {
  itemId: string;
  editionNo: number;
  publishedOn: string;
  title: string;
  documentNumber: string | null;
  indexNumber: string;
  summary: string;
  bodyHtml: string;
  attachmentNames: string[];
}

/** Space-joined tokens and the snippet text, as the index stores them. */
export interface IndexRowMessage {
  itemId: string;
  editionNo: number;
  publishedOn: string;
  title: string;
  body: string;
  snippetSource: string;
}

export interface SearchFunctions {
  indexRow(source: IndexSourceMessage): IndexRowMessage;
}

type IndexTexts = (s: { title: string; documentNumber: string | null; indexNumber: string; summary: string; bodyText: string; attachmentNames: readonly string[] }) => { title: string; body: string; snippetSource: string };
type CapTokens = (title: readonly string[], body: readonly string[]) => { title: string[]; body: string[] };
type Segment = (text: string) => string[];

/** The search module's index-entry functions, or undefined when they are not (yet) there. */
export async function loadSearchFunctions(): Promise<SearchFunctions | undefined> {
  const docFile = join(SEARCH, 'domain/index-document.ts');
  const segFile = join(SEARCH, 'segmenter.ts');
  if (!existsSync(docFile) || !existsSync(segFile)) return undefined;
  try {
    const doc = (await import(pathToFileURL(docFile).href)) as { indexTexts?: IndexTexts; capTokens?: CapTokens };
    const seg = (await import(pathToFileURL(segFile).href)) as { segmentForIndex?: Segment };
    const { indexTexts, capTokens } = doc;
    const { segmentForIndex } = seg;
    if (typeof indexTexts !== 'function' || typeof capTokens !== 'function' || typeof segmentForIndex !== 'function') return undefined;
    return {
      indexRow(s) {
        const texts = indexTexts({ title: s.title, documentNumber: s.documentNumber, indexNumber: s.indexNumber, summary: s.summary, bodyText: bodyText(s.bodyHtml), attachmentNames: s.attachmentNames });
        const tokens = capTokens(segmentForIndex(texts.title), segmentForIndex(texts.body));
        return { itemId: s.itemId, editionNo: s.editionNo, publishedOn: s.publishedOn, title: tokens.title.join(' '), body: tokens.body.join(' '), snippetSource: texts.snippetSource };
      },
    };
  } catch {
    return undefined;
  }
}

/** The index tables have the shape this bulk path writes (migration 202611290006), else undefined. */
export async function searchTableShape(database: Database): Promise<'sqlite-fts5' | 'postgres-tsvector' | undefined> {
  const columns = async (table: string): Promise<string> => {
    if (database.dialect === 'sqlite') {
      const r = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(database.db);
      return r.rows.map((c) => c.name).sort().join(',');
    }
    const r = await sql<{ column_name: string }>`select column_name from information_schema.columns where table_schema = current_schema() and table_name = ${table}`.execute(database.db);
    return r.rows.map((c) => c.column_name).sort().join(',');
  };
  const docs = await columns('item_search_docs');
  const index = await columns('item_search');
  if (docs !== 'body_text,doc_id,edition_no,item_id') return undefined;
  if (database.dialect === 'sqlite' && index === 'body,facets,item_id,title') return 'sqlite-fts5';
  if (database.dialect === 'postgres' && index === 'body_seg,facets,item_id,title_seg,tsv') return 'postgres-tsvector';
  return undefined;
}

/**
 * The rows to insert for a batch of index rows, each entry keyed by its 发布日期 as the search module
 * keys it (`docKey`: src/modules/search/domain/doc-key.ts): FTS5 rowid = item_search_docs.doc_id on SQLite.
 */
export function searchRows(shape: 'sqlite-fts5' | 'postgres-tsvector', rows: readonly IndexRowMessage[], docKey: (publishedOn: string) => number, facetsOf: (itemId: string) => string) {
  const docs: Record<string, unknown>[] = [];
  const index: Record<string, unknown>[] = [];
  /** The narrow table of titles: PostgreSQL's item_search_keys (migration 202612040006), SQLite's item_search_titles (202612050004). */
  const keys: Record<string, unknown>[] = [];
  for (const r of rows) {
    const docId = docKey(r.publishedOn);
    docs.push({ doc_id: docId, item_id: r.itemId, edition_no: r.editionNo, body_text: r.snippetSource });
    if (shape === 'sqlite-fts5') {
      index.push({ rowid: docId, item_id: r.itemId, title: r.title, body: r.body, facets: facetsOf(r.itemId) });
      keys.push({ rowid: docId, title: r.title, facets: facetsOf(r.itemId) });
    } else {
      // Facet words as tsvector input: the same lexemes as to_tsvector('simple', …), without positions (never matched as phrases).
      index.push({ item_id: r.itemId, title_seg: r.title, body_seg: r.body, facets: facetsOf(r.itemId) });
      keys.push({ doc_id: docId, item_id: r.itemId, title_seg: r.title, facets: facetsOf(r.itemId) });
    }
  }
  return { docs, index, keys };
}

/** `workers` threads segmenting batches round-robin; with 0 workers the work runs on the calling thread. */
export class SegmenterPool {
  private next = 0;
  private seq = 0;
  private readonly waiting = new Map<number, (rows: IndexRowMessage[]) => void>();

  private constructor(
    private readonly workers: Worker[],
    private readonly local: SearchFunctions,
  ) {
    for (const w of workers)
      w.on('message', (m: { id?: number; rows?: IndexRowMessage[] }) => {
        if (m.id === undefined || !m.rows) return;
        this.waiting.get(m.id)?.(m.rows);
        this.waiting.delete(m.id);
      });
  }

  static async start(count: number, local: SearchFunctions): Promise<SegmenterPool> {
    const workers = await Promise.all(
      Array.from({ length: count }, () => {
        const w = new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: { module: new URL('./search-worker.ts', import.meta.url).href } });
        return new Promise<Worker>((res, rej) => {
          w.once('error', rej);
          w.once('message', () => res(w));
        });
      }),
    );
    for (const w of workers) w.on('error', (e) => console.error('search worker failed:', e));
    return new SegmenterPool(workers, local);
  }

  run(sources: IndexSourceMessage[]): Promise<IndexRowMessage[]> {
    if (this.workers.length === 0) return Promise.resolve(sources.map((s) => this.local.indexRow(s)));
    const id = ++this.seq;
    const worker = this.workers[this.next++ % this.workers.length]!;
    return new Promise((res) => {
      this.waiting.set(id, res);
      worker.postMessage({ id, sources });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
