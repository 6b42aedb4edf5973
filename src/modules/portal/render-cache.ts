import { createHash } from 'node:crypto';

/** A rendered response as the cache keeps it: the bytes, their validators, and the public version they show. */
export interface RenderedResponse {
  status: number;
  contentType: string;
  body: Buffer;
  /** Strong validator: a hash of the bytes, so equal bytes give equal ETags on every instance. */
  etag: string;
  /** The last public change (ISO instant) when rendered, for Last-Modified; undefined when nothing was ever public. */
  lastChangedAt: string | undefined;
}

interface Entry {
  version: number;
  renderedAtMs: number;
  response: RenderedResponse;
  /** Hit since the eviction scan last passed it (CLOCK, a second chance instead of moving every hit to the end). */
  used: boolean;
}

export interface RenderCacheOptions {
  /** Total bytes of bodies kept; 0 turns the cache off. */
  maxBytes: number;
  /**
   * How long an entry may serve data that is not versioned by the public projection (site name,
   * organ contact details, 基本目录 rows): public items are exact, these are at most this old.
   */
  maxAgeMs: number;
}

/** A response from bytes: status, type and validators. */
export function renderedResponse(body: string | Buffer, contentType: string, lastChangedAt: string | undefined, status = 200): RenderedResponse {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
  return { status, contentType, body: bytes, etag, lastChangedAt };
}

/**
 * Rendered pages, feeds and API responses keyed by URL, each valid only while the public version
 * (`PUBLIC_VERSION_COUNTER`, bumped in the transaction of every publish, 撤回 and 有效性
 * change on any instance) equals the version it was rendered at. The caller reads the version
 * once per request, before rendering, so a page rendered during a change is at worst labelled
 * older than its content and is re-rendered on the next request; it can never be served after a
 * change it does not show. When the byte budget is spent, entries not hit since the eviction scan
 * last passed them go first (CLOCK: a hit only marks its entry, so hits do not reorder the map);
 * concurrent misses for one key and version share a single render.
 */
export class RenderCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<RenderedResponse>>();
  private bytes = 0;
  private hitCount = 0;
  private missCount = 0;

  constructor(private readonly options: RenderCacheOptions) {}

  /** The cached response for `key` at `version`, or the one `render` makes (kept when its status is 200). */
  async getOrRender(key: string, version: number, nowMs: number, render: () => Promise<RenderedResponse>): Promise<RenderedResponse> {
    const hit = this.get(key, version, nowMs);
    if (hit) return hit;
    this.missCount++;
    const flightKey = `${version}\u0000${key}`;
    const pending = this.inFlight.get(flightKey);
    if (pending) return pending;
    const rendering = render().then((response) => {
      if (response.status === 200) this.set(key, version, nowMs, response);
      return response;
    });
    this.inFlight.set(flightKey, rendering);
    try {
      return await rendering;
    } finally {
      this.inFlight.delete(flightKey);
    }
  }

  /** The entry for `key` when it is still valid at `version` (counted as a hit), without rendering. */
  peek(key: string, version: number, nowMs: number): RenderedResponse | undefined {
    return this.get(key, version, nowMs);
  }

  stats(): { entries: number; bytes: number; hits: number; misses: number } {
    return { entries: this.entries.size, bytes: this.bytes, hits: this.hitCount, misses: this.missCount };
  }

  private get(key: string, version: number, nowMs: number): RenderedResponse | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.version !== version || nowMs - entry.renderedAtMs > this.options.maxAgeMs || nowMs < entry.renderedAtMs) {
      this.remove(key, entry);
      return undefined;
    }
    entry.used = true;
    this.hitCount++;
    return entry.response;
  }

  private set(key: string, version: number, nowMs: number, response: RenderedResponse): void {
    const size = response.body.byteLength + key.length * 2;
    if (size > this.options.maxBytes / 4) return;
    const old = this.entries.get(key);
    if (old) {
      // A slower render for an older version must not replace a newer one.
      if (old.version > version) return;
      this.remove(key, old);
    }
    this.entries.set(key, { version, renderedAtMs: nowMs, response, used: false });
    this.bytes += size;
    // Map order is insertion order: the oldest first. A hit since the last pass buys another round at
    // the end (where this loop meets it again, unmarked); the new entry, last and within a quarter of
    // the budget, is never reached.
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      if (e.used) {
        e.used = false;
        this.entries.delete(k);
        this.entries.set(k, e);
      } else this.remove(k, e);
    }
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.response.body.byteLength + key.length * 2;
  }
}
