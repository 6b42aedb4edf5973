import type { Db, Executor } from '../../db/database.ts';
import { DEFAULT_GENRES, resolveGenre, type Genre } from './domain/genres.ts';
import { DEFAULT_TOPICS, resolveTopic, topicPath, type Topic } from './domain/topics.ts';

/**
 * 主题分类 and 体裁 as stored (the gov.cn tree and the genre list by default; counties may
 * replace them). Cached per process; both lists are small.
 */
export class ReferenceData {
  private cache: { topics: Topic[]; genres: Genre[] } | undefined;

  constructor(private readonly db: Db) {}

  /** Inserts the defaults into empty tables (first start). */
  async ensureDefaults(trx: Executor = this.db): Promise<void> {
    const topicCount = await trx.selectFrom('topics').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(topicCount.n) === 0)
      for (const t of DEFAULT_TOPICS) await trx.insertInto('topics').values({ code: t.code, name: t.name, parent_code: t.parentCode, sort_order: t.sortOrder }).execute();
    const genreCount = await trx.selectFrom('genres').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(genreCount.n) === 0)
      for (const g of DEFAULT_GENRES) await trx.insertInto('genres').values({ code: g.code, name: g.name, column_type: g.columnType, sort_order: g.sortOrder }).execute();
    this.cache = undefined;
  }

  /** Inside a transaction pass it as `db` (SQLite has one connection). */
  async load(db: Executor = this.db): Promise<{ topics: Topic[]; genres: Genre[] }> {
    if (this.cache) return this.cache;
    const topics = (await db.selectFrom('topics').selectAll().orderBy('sort_order').execute()).map((r) => ({
      code: r.code,
      name: r.name,
      parentCode: r.parent_code,
      sortOrder: Number(r.sort_order),
    }));
    const genres = (await db.selectFrom('genres').selectAll().orderBy('sort_order').execute()).map((r) => ({
      code: r.code,
      name: r.name,
      columnType: r.column_type as Genre['columnType'],
      sortOrder: Number(r.sort_order),
    }));
    this.cache = { topics, genres };
    return this.cache;
  }

  async topicLabel(code: string): Promise<string> {
    const { topics } = await this.load();
    return (topicPath(topics, code) ?? [code]).join(' › ');
  }

  async genreName(code: string): Promise<string> {
    const { genres } = await this.load();
    return genres.find((g) => g.code === code)?.name ?? code;
  }

  /** A topic code from a code, a Chinese name ("科技") or a path ("科技、教育/科技"). */
  async topicCode(nameOrCode: string): Promise<{ ok: true; code: string } | { ok: false; reason: string }> {
    const { topics } = await this.load();
    if (topics.some((t) => t.code === nameOrCode)) return { ok: true, code: nameOrCode };
    const r = resolveTopic(topics, nameOrCode);
    return r.ok ? { ok: true, code: r.value.code } : { ok: false, reason: r.reason === 'ambiguous' ? 'topic-ambiguous' : 'unknown-topic' };
  }

  /** A genre code from a code or its Chinese name ("其他文件"). */
  async genreCode(nameOrCode: string): Promise<{ ok: true; code: string } | { ok: false; reason: string }> {
    const { genres } = await this.load();
    if (genres.some((g) => g.code === nameOrCode)) return { ok: true, code: nameOrCode };
    const r = resolveGenre(genres, nameOrCode);
    return r.ok ? { ok: true, code: r.value.code } : { ok: false, reason: 'unknown-genre' };
  }
}
