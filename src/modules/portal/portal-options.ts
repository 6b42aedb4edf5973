/**
 * Tunables of the public portal, read from the environment once when the routes are built
 * (documented in CONTEXT.md, "Configuration").
 */
export interface PortalOptions {
  /** Per-client limit on the open API and search; null turns limiting off (benchmarks, tests). */
  rateLimit: { requestsPerMinute: number; burst: number } | null;
  renderCache: { maxBytes: number; maxAgeMs: number };
  /** Items per list page. */
  pageSize: number;
  /** Entries per Atom feed. */
  feedSize: number;
  /** URLs per sitemap file before /sitemap.xml becomes an index (the protocol allows 50 000). */
  sitemapUrlsPerFile: number;
}

export const DEFAULT_PORTAL_OPTIONS: PortalOptions = {
  rateLimit: { requestsPerMinute: 300, burst: 60 },
  renderCache: { maxBytes: 32 * 1024 * 1024, maxAgeMs: 60_000 },
  pageSize: 20,
  feedSize: 50,
  sitemapUrlsPerFile: 45_000,
};

function nonNegative(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number ≥ 0, got ${text}`);
  return n;
}

/**
 * PUBLIC_API_RATE_LIMIT (requests per minute per client address, 0 = off, default 300),
 * PUBLIC_API_RATE_BURST (default 60), RENDER_CACHE_MB (0 = off, default 32),
 * RENDER_CACHE_MAX_AGE_SECONDS (default 60).
 */
export function portalOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): PortalOptions {
  const perMinute = nonNegative(env, 'PUBLIC_API_RATE_LIMIT', DEFAULT_PORTAL_OPTIONS.rateLimit!.requestsPerMinute);
  const burst = Math.max(1, nonNegative(env, 'PUBLIC_API_RATE_BURST', DEFAULT_PORTAL_OPTIONS.rateLimit!.burst));
  return {
    ...DEFAULT_PORTAL_OPTIONS,
    rateLimit: perMinute === 0 ? null : { requestsPerMinute: perMinute, burst },
    renderCache: {
      maxBytes: nonNegative(env, 'RENDER_CACHE_MB', 32) * 1024 * 1024,
      maxAgeMs: nonNegative(env, 'RENDER_CACHE_MAX_AGE_SECONDS', 60) * 1000,
    },
  };
}
