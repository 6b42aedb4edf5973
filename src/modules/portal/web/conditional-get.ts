/**
 * Conditional GET (RFC 9110 §13): If-None-Match wins over If-Modified-Since; Last-Modified is sent
 * only when its second is over, because HTTP dates have one-second resolution and a second change
 * within the same second would otherwise look unmodified to a client that saw the first.
 */

/** Whether an If-None-Match header (a list, `*`, weak or strong tags) names `etag`. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === opaque);
}

/** The last `changedAt` formatted: nearly every cached response carries the same one (the last public change). */
let formatted: { changedAt: string; second: number; text: string } | undefined;

/** The Last-Modified value for `changedAt`, or undefined while the change's second is not yet over at `now`. */
export function lastModifiedHeader(changedAt: string | undefined, now: Date): string | undefined {
  if (!changedAt) return undefined;
  if (formatted?.changedAt !== changedAt) {
    const ms = Date.parse(changedAt);
    if (Number.isNaN(ms)) return undefined;
    const second = Math.floor(ms / 1000) * 1000;
    formatted = { changedAt, second, text: new Date(second).toUTCString() };
  }
  return now.getTime() >= formatted.second + 1000 ? formatted.text : undefined;
}

/** Whether the client's copy is current: by ETag when it sent one, else by date. */
export function isNotModified(headers: { 'if-none-match'?: string | undefined; 'if-modified-since'?: string | undefined }, etag: string, lastModified: string | undefined): boolean {
  if (headers['if-none-match'] !== undefined) return etagMatches(headers['if-none-match'], etag);
  const since = headers['if-modified-since'];
  if (!since || !lastModified) return false;
  const sinceMs = Date.parse(since);
  return !Number.isNaN(sinceMs) && Date.parse(lastModified) <= sinceMs;
}
