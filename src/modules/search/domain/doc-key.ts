/**
 * The key of an item's entry in the search index (FTS5 rowid = item_search_docs.doc_id) orders
 * entries by 发布日期: the day (days since 1970-01-01) times DOCS_PER_DAY, plus a sequence within the
 * day. Both engines can then take the newest matches first by walking the key backwards and stop
 * after a page, instead of sorting every match (issue #3: search p99 with words in most items).
 */
export const DOCS_PER_DAY = 2 ** 20;

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date. */
export function epochDay(date: string): number {
  const ms = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  if (!Number.isFinite(ms)) throw new Error(`not a date: ${date}`);
  return Math.floor(ms / MS_PER_DAY);
}

/** The keys an entry published on `date` may take: [first, last]. */
export function docKeyRange(date: string): readonly [number, number] {
  const first = epochDay(date) * DOCS_PER_DAY;
  return [first, first + DOCS_PER_DAY - 1];
}

/** Whether `key` is one of the keys of `date`. */
export function isKeyOfDay(key: number, date: string): boolean {
  const [first, last] = docKeyRange(date);
  return key >= first && key <= last;
}

/** The next free key of `date`, given the highest key that day already has. */
export function nextDocKey(date: string, highestThatDay: number | undefined): number {
  const [first, last] = docKeyRange(date);
  const next = highestThatDay === undefined ? first : highestThatDay + 1;
  if (next > last) throw new Error(`more than ${DOCS_PER_DAY} search entries published on ${date}`);
  return next;
}
