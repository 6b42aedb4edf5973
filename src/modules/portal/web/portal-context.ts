import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { Services } from '../../../services.ts';
import type { Html } from '../../../web/jsx/jsx-runtime.ts';
import type { SiteInfo } from '../../../web/layout.tsx';
import type { PortalOptions } from '../portal-options.ts';
import { PublicListing } from '../public-listing.ts';
import { PUBLIC_VERSION_COUNTER } from '../public-projection.ts';
import { RenderCache, renderedResponse, type RenderedResponse } from '../render-cache.ts';
import { isApiRequest } from '../../../web/http.ts';
import type { RateLimitHook } from './rate-limit.tsx';
import { isNotModified, lastModifiedHeader } from './conditional-get.ts';

/**
 * The search door as the open API uses it (`services.search` of the search module), typed here so the
 * portal builds with or without that module; filters use the search module's names.
 */
export interface SearchPort {
  search(options: {
    q: string;
    topicRootCode?: string | undefined;
    topicCode?: string | undefined;
    genreCode?: string | undefined;
    organId?: string | undefined;
    year?: number | undefined;
    validity?: string | undefined;
    page: number;
    pageSize: number;
  }): Promise<{ total: number; totalIsExact: boolean; hits: readonly { itemId: string }[] }>;
}

/** What a cached surface renders: a page, a feed or a JSON document. */
export interface Rendered {
  body: string | Html;
  contentType: string;
  status?: number;
}

export interface ServeOptions {
  /**
   * Whether later requests for the same address may be answered by the fast path (default true
   * except under /api/). False for surfaces behind a rate limit: the fast path runs before it.
   */
  fastPath?: boolean;
}

/**
 * How a public page of another module (the /search page) is served like the portal's own: through
 * the render cache (`serve`: the fast path only while no limit applies), behind the portal's
 * per-address rate limit (`limit`, for the route's onRequest; undefined when limiting is off).
 */
export interface PublicSurface {
  serve(request: FastifyRequest, reply: FastifyReply, key: string, render: (version: number) => Promise<Rendered>): Promise<FastifyReply>;
  limit: RateLimitHook | undefined;
}

/** Marks responses served through the render cache (they carry no per-visitor cookie). */
export const CACHED_SURFACE = 'x-gongkai-cached-surface';

export const HTML = 'text/html; charset=utf-8';
export const ATOM = 'application/atom+xml; charset=utf-8';
export const XML = 'application/xml; charset=utf-8';
export const JSON_TYPE = 'application/json; charset=utf-8';

const MAX_MEMOS = 2_000;
const MAX_FAST_ADDRESSES = 100_000;

/**
 * A cached response as answered to this request: ETag, Cache-Control, Last-Modified once its second
 * is over, and 304 without a body when the client's copy is current.
 */
function cachedAnswer(requestHeaders: IncomingHttpHeaders, response: RenderedResponse, now: Date): { status: number; headers: Record<string, string>; body: Buffer | undefined } {
  const lastModified = lastModifiedHeader(response.lastChangedAt, now);
  if (response.status === 200 && isNotModified(requestHeaders as Record<string, string | undefined>, response.etag, lastModified)) {
    const headers: Record<string, string> = { etag: response.etag, 'cache-control': 'public, no-cache' };
    if (lastModified) headers['last-modified'] = lastModified;
    return { status: 304, headers, body: undefined };
  }
  return { status: response.status, headers: fullHeaders(response, lastModified), body: response.body };
}

const madeHeaders = new WeakMap<RenderedResponse, { lastModified: string | undefined; headers: Record<string, string> }>();

/** The headers of a full answer, made once per cached response (and again when Last-Modified appears). */
function fullHeaders(response: RenderedResponse, lastModified: string | undefined): Record<string, string> {
  const made = madeHeaders.get(response);
  if (made && made.lastModified === lastModified) return made.headers;
  const headers: Record<string, string> = { etag: response.etag, 'cache-control': 'public, no-cache' };
  if (lastModified) headers['last-modified'] = lastModified;
  headers['content-type'] = response.contentType;
  headers['content-length'] = String(response.body.byteLength);
  madeHeaders.set(response, { lastModified, headers });
  return headers;
}

/** Written straight to the socket: the answer `send` gives, without Fastify's reply pipeline. */
function writeAnswer(res: ServerResponse, answer: ReturnType<typeof cachedAnswer>): void {
  res.writeHead(answer.status, answer.headers).end(answer.body);
}

/** What a response may depend on besides the public version: scheme and host (absolute links in feeds) and the URL. */
function addressOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}${request.url}`;
}

/** Everything the portal's routes share within one app instance. */
export class PortalContext {
  readonly listing: PublicListing;
  readonly cache: RenderCache;
  private lastChange: { version: number; at: Promise<string | undefined> } | undefined;
  private readonly memos = new Map<string, Promise<unknown>>();
  private memoVersion = -1;
  /** Request address (scheme, host, path and query) → render-cache key, for `serveFromCache`. */
  private readonly fastKeys = new Map<string, string>();

  constructor(
    readonly s: Services,
    readonly options: PortalOptions,
  ) {
    this.listing = new PublicListing(s.database.db);
    this.cache = new RenderCache(options.renderCache);
  }

  /**
   * The public version: the counter every instance bumps with each public change, as of a moment
   * after this call (Database.readCounter, which batches the callers of a moment into one read).
   */
  version(): Promise<number> {
    return this.s.database.readCounter(PUBLIC_VERSION_COUNTER);
  }

  /**
   * The fast path for cache hits, run before routing, cookies and sessions: a GET of an address
   * that `serve` rendered before is answered from the render cache when the entry is still at the
   * current public version (the same check `serve` makes, so it is exactly as fresh). Anything else
   * — first requests, changed versions, API and console addresses — returns false and takes the
   * normal route. Responses on this path are the same for every visitor (no cookie is read or set).
   */
  async serveFromCache(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    const answer = await this.cachedAnswerFor(request.method, addressOf(request), request.headers);
    if (!answer) return false;
    reply.hijack();
    writeAnswer(reply.raw, answer);
    return true;
  }

  /**
   * The same before Fastify sees the request, on the HTTP server's own request and response
   * (`FastPath.raw`): without Fastify's request, reply, routing and hooks, a cached page costs about
   * what a bare node:http server serving bytes from memory costs (bench/RESULTS.md, fifth session).
   * The address is Fastify's (`request.protocol`, `request.host`, `request.url`) whenever the request
   * carries no X-Forwarded-Host or X-Forwarded-Proto, through which a trusted proxy would change
   * them: such requests, and any without a Host, are left to `serveFromCache`.
   */
  async serveRaw(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const { host } = req.headers;
    if (req.method !== 'GET' || !host || req.headers['x-forwarded-host'] !== undefined || req.headers['x-forwarded-proto'] !== undefined) return false;
    const answer = await this.cachedAnswerFor(req.method, `${(req.socket as TLSSocket).encrypted ? 'https' : 'http'}://${host}${req.url}`, req.headers);
    if (!answer) return false;
    writeAnswer(res, answer);
    return true;
  }

  /**
   * A GET of an address that `serve` rendered before, answered from the render cache while the
   * entry is at the current public version (the check `serve` makes, so exactly as fresh).
   */
  private async cachedAnswerFor(method: string | undefined, address: string, headers: IncomingHttpHeaders): Promise<ReturnType<typeof cachedAnswer> | undefined> {
    if (method !== 'GET' || this.fastKeys.size === 0) return undefined;
    const key = this.fastKeys.get(address);
    if (key === undefined) return undefined;
    const version = await this.version();
    const now = this.s.clock.now();
    const response = this.cache.peek(key, version, now.getTime());
    return response && cachedAnswer(headers, response, now);
  }

  /** The search module's door when it is wired into the services, else undefined (LIKE on titles instead). */
  get search(): SearchPort | undefined {
    const candidate = (this.s as unknown as { search?: unknown }).search;
    return candidate && typeof (candidate as SearchPort).search === 'function' ? (candidate as SearchPort) : undefined;
  }

  site(): Promise<SiteInfo> {
    return this.s.site();
  }

  /**
   * Serves `render()` through the render cache: one read of the public version per request; on a
   * hit no other query runs. Sends ETag and, once its second is over, Last-Modified; answers 304
   * to a matching If-None-Match or If-Modified-Since.
   */
  async serve(request: FastifyRequest, reply: FastifyReply, key: string, render: (version: number) => Promise<Rendered>, options: ServeOptions = {}): Promise<FastifyReply> {
    const version = await this.version();
    const now = this.s.clock.now();
    const response = await this.cache.getOrRender(key, version, now.getTime(), async () => {
      const r = await render(version);
      return renderedResponse(typeof r.body === 'string' ? r.body : r.body.value, r.contentType, await this.lastChangedAt(version), r.status);
    });
    if (response.status === 200 && request.method === 'GET' && !isApiRequest(request) && options.fastPath !== false) this.rememberAddress(addressOf(request), key);
    reply.header(CACHED_SURFACE, '1');
    return this.send(request, reply, response, now);
  }

  private send(request: FastifyRequest, reply: FastifyReply, response: RenderedResponse, now: Date): FastifyReply {
    const answer = cachedAnswer(request.headers, response, now);
    return reply.code(answer.status).headers(answer.headers).send(answer.body);
  }

  private rememberAddress(address: string, key: string): void {
    if (this.fastKeys.get(address) === key) return;
    // Addresses are chosen by visitors: a bounded map, forgotten wholesale when full (they come back on the next render).
    if (this.fastKeys.size >= MAX_FAST_ADDRESSES) this.fastKeys.clear();
    this.fastKeys.set(address, key);
  }

  /**
   * Values that depend only on the public version (a list's total and facet counts are the same on
   * every page of it), computed once per version; forgotten when the version moves.
   */
  memo<T>(key: string, version: number, compute: () => Promise<T>): Promise<T> {
    if (this.memoVersion !== version || this.memos.size >= MAX_MEMOS) {
      this.memos.clear();
      this.memoVersion = version;
    }
    let value = this.memos.get(key) as Promise<T> | undefined;
    if (!value) {
      value = compute();
      this.memos.set(key, value);
      value.catch(() => this.memos.delete(key));
    }
    return value;
  }

  /** The last public change, computed once per public version (it scans the projection). */
  lastChangedAt(version: number): Promise<string | undefined> {
    if (this.lastChange?.version !== version) this.lastChange = { version, at: this.listing.lastChangedAt() };
    return this.lastChange.at;
  }

  /**
   * Absolute links in feeds, sitemaps and the API: the configured 网站域名 (settings siteDomain,
   * with or without a scheme) or, while it is unset, the host the request came to.
   */
  async baseUrl(request: FastifyRequest): Promise<string> {
    const domain = (await this.s.settings.get()).siteDomain.trim();
    if (/^https?:\/\//.test(domain)) return domain.replace(/\/+$/, '');
    const host = domain && domain !== 'localhost' ? domain : request.host;
    return `${request.protocol}://${host}`;
  }
}
