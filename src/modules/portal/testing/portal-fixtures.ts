/** Builders for portal tests: items in named states, made through the real use cases. */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../app.tsx';
import type { ItemInput } from '../../catalogue/item-service.ts';
import type { Item } from '../../catalogue/sql/item-rows.ts';
import { anItemInput, type TestContext } from '../../../../test/support/test-services.ts';
import { DEFAULT_PORTAL_OPTIONS, type PortalOptions } from '../portal-options.ts';
import { publicPortal } from '../web/portal-routes.tsx';
import { buildTestPdf } from '../../../../test/support/pdf.ts';

/**
 * A PDF that opens (the publication gate refuses attachments that do not), carrying `text` in a comment so tests
 * can look for its bytes.
 */
export function pdfBytes(text: string): Uint8Array {
  return buildTestPdf(['附件'], { marker: text });
}

/** A draft taken through submit and approve, ready to publish or schedule. */
export async function anApprovedItem(t: TestContext, overrides: Partial<ItemInput> = {}): Promise<Item> {
  const { items } = t.services;
  const draft = await items.create(t.actors.officer, anItemInput(overrides));
  await items.apply(t.actors.officer, draft.id, 'submit');
  return items.apply(t.actors.leader, draft.id, 'approve', { note: '经保密审查，同意公开' });
}

/** A published item (edition 1), with attachments added before publication. */
export async function aPublishedItem(t: TestContext, overrides: Partial<ItemInput> = {}, attachments: { name: string; bytes: Uint8Array }[] = []): Promise<Item> {
  const { items } = t.services;
  const draft = await items.create(t.actors.officer, anItemInput(overrides));
  for (const a of attachments) await t.services.attachments.add(t.actors.officer, draft.id, a.name, a.bytes);
  await items.apply(t.actors.officer, draft.id, 'submit');
  await items.apply(t.actors.leader, draft.id, 'approve', { note: '经保密审查，同意公开' });
  return items.apply(t.actors.officer, draft.id, 'publish');
}

/** A published item reopened for revision with a new working title and body (not published). */
export async function anItemUnderRevision(t: TestContext, overrides: Partial<ItemInput>, revision: Partial<ItemInput>): Promise<Item> {
  const item = await aPublishedItem(t, overrides);
  const reopened = await t.services.items.apply(t.actors.officer, item.id, 'revise');
  return t.services.items.update(t.actors.officer, item.id, reopened.version, anItemInput({ ...overrides, ...revision }));
}

/** The portal routes alone on the app core, with options a test chooses (small pages, strict limits). */
export function portalOnlyApp(t: TestContext, options: Partial<PortalOptions> = {}): Promise<FastifyInstance> {
  const portal = publicPortal(t.services, { ...DEFAULT_PORTAL_OPTIONS, rateLimit: null, ...options });
  return buildApp({ auth: t.services.identity, routes: [portal.routes], fastPath: portal.fastPath });
}

/** Facet counts as a page shows them: `label（n）` pairs in document order. */
export function facetCounts(html: string, heading: string): Record<string, number> {
  const section = html.split(`<h3>${heading}</h3>`)[1]?.split('</section>')[0] ?? '';
  return Object.fromEntries([...section.matchAll(/>([^<>]+)<\/a> <span class="count">（(\d+)）<\/span>/g)].map((m) => [m[1]!, Number(m[2])]));
}
