/** 信息公开专栏: the portal module's public surface; other modules import only from here. */

/** Every public page, feed, the sitemap and the open data API, as one route module. */
export { publicPortal } from './web/portal-routes.tsx';
/** Tunables (rate limit, render cache, page sizes) and how they are read from the environment. */
export { DEFAULT_PORTAL_OPTIONS, portalOptionsFromEnv, type PortalOptions } from './portal-options.ts';
/** Read-only queries over `public_items` (lists, facet counts, lookups by 索引号). */
export { PublicListing, type Facets, type FacetCount, type ListedItem, type ListingFilter } from './public-listing.ts';
/** The projection of the catalogue that holds exactly the public items, and its version counter. */
export { PublicProjection, PUBLIC_VERSION_COUNTER, type ProjectionListener } from './public-projection.ts';
/** Rendered responses keyed by URL, valid while the public version is unchanged. */
export { RenderCache, renderedResponse, type RenderedResponse } from './render-cache.ts';
/** The per-address 429 hook (the open API; other modules' pages get it through `PublicSurface`). */
export { rateLimitHook, type RateLimitHook } from './web/rate-limit.tsx';
/** The shape of `services.search` the open API calls when it exists; how another module's public page is served (render cache, rate limit). */
export type { PublicSurface, SearchPort } from './web/portal-context.ts';
