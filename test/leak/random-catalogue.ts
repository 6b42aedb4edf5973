/**
 * Random catalogues for the leak property, made through the real use cases: every 公开属性, every
 * workflow state (incl. scheduled and under revision), retractions, 有效性 changes, 修订/废止 links
 * and attachments. Every item carries unique marker tokens in its title, summary, body, attachment
 * names and attachment bytes, so any of them can be searched for in any response.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import type { ItemInput } from '../../src/modules/catalogue/item-service.ts';
import { pdfBytes } from '../../src/modules/portal/testing/portal-fixtures.ts';
import type { TestApp } from '../support/test-app.ts';
import { anItemInput } from '../support/test-services.ts';

export const FATES = ['draft', 'submitted', 'approved', 'scheduled', 'published', 'under-revision', 'republished', 'retracted', 'retracted-with-notice'] as const;
export type Fate = (typeof FATES)[number];

export interface ItemSpec {
  disclosure: 'proactive' | 'on-request' | 'exempt';
  fate: Fate;
  topic: string;
  genre: string;
  entry: number | null;
  attachments: number;
  validity: 'effective' | 'expired' | 'repealed';
  link: { to: number; kind: 'revises' | 'repeals' } | null;
}

const TOPICS = ['t11-01', 't11-02', 't04-01', 't02-01', 't22'];
const GENRES = ['notice', 'normative-document', 'other-document', 'annual-report', 'work-news'];

export const itemSpec: fc.Arbitrary<ItemSpec> = fc.record({
  disclosure: fc.constantFrom('proactive', 'proactive', 'proactive', 'on-request', 'exempt'),
  fate: fc.constantFrom(...FATES),
  topic: fc.constantFrom(...TOPICS),
  genre: fc.constantFrom(...GENRES),
  entry: fc.constantFrom(null, 0, 1),
  attachments: fc.integer({ min: 0, max: 2 }),
  validity: fc.constantFrom('effective', 'effective', 'expired', 'repealed'),
  link: fc.option(fc.record({ to: fc.nat({ max: 20 }), kind: fc.constantFrom('revises', 'repeals') }), { nil: null }),
});

export const catalogueSpec = fc.array(itemSpec, { minLength: 1, maxLength: 8 });

/** A token no rendering would produce by chance: upper-case letters and digits only, never escaped. */
export function marker(kind: string): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return `ZQ${kind}${[...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

/** What one generated item is, and which of its texts the public may or must see. */
export interface BuiltItem {
  spec: ItemSpec;
  id: string;
  indexNumber: string;
  isPublic: boolean;
  /** Texts of the edition the public sees (title, summary, body, attachment names and bytes). */
  publicTexts: { title: string; body: string; attachmentIds: string[]; attachmentBytes: string[] };
  /** Texts that must never appear: all of a non-public item's, an unpublished revision's. */
  secretTexts: string[];
  attachmentIds: string[];
}

const isPublicFate = (f: Fate) => f === 'published' || f === 'under-revision' || f === 'republished';

function input(spec: ItemSpec, texts: { title: string; summary: string; body: string }, entries: readonly string[]): ItemInput {
  return anItemInput({
    title: `测试文件${texts.title}`,
    summary: `内容概述${texts.summary}`,
    bodyHtml: `<p>正文${texts.body}</p>`,
    topicCode: spec.topic,
    genreCode: spec.genre,
    catalogueEntryId: spec.entry === null ? null : entries[spec.entry]!,
    disclosure: spec.disclosure,
    ...(spec.disclosure === 'on-request' ? { onRequestReason: '涉及特定对象' } : {}),
    ...(spec.disclosure === 'exempt' ? { exemption: { basis: 'internal-affairs', reason: '内部事务信息' } } : {}),
  } as Partial<ItemInput>);
}

/** Builds one item through the use cases, driving it to its fate. */
async function buildItem(t: TestApp, spec: ItemSpec, entries: readonly string[]): Promise<BuiltItem> {
  const { items, attachments } = t.services;
  const officer = t.actors.officer;
  const texts = { title: marker('T'), summary: marker('S'), body: marker('B') };
  const draft = await items.create(officer, input(spec, texts, entries));
  const attachmentIds: string[] = [];
  const files: { name: string; bytes: string }[] = [];
  for (let i = 0; i < spec.attachments; i++) {
    const [name, bytes] = [marker('F'), marker('C')];
    attachmentIds.push((await attachments.add(officer, draft.id, `${name}.pdf`, pdfBytes(bytes))).id);
    files.push({ name, bytes });
  }
  // Only 主动公开 items can go beyond 已审核 (the workflow refuses with not-proactive).
  const fate: Fate = spec.disclosure === 'proactive' ? spec.fate : (['draft', 'submitted'] as Fate[]).includes(spec.fate) ? spec.fate : 'approved';
  const go = async (event: 'submit' | 'approve' | 'publish') => items.apply(event === 'approve' ? t.actors.leader : officer, draft.id, event, event === 'approve' ? { note: '经保密审查' } : {});
  if (fate !== 'draft') await go('submit');
  if (!['draft', 'submitted'].includes(fate)) await go('approve');
  if (fate === 'scheduled') await items.apply(officer, draft.id, 'schedule', { publishAt: new Date(t.clock.now().getTime() + 86_400_000) });
  const reachesPublication = ['published', 'under-revision', 'republished', 'retracted', 'retracted-with-notice'].includes(fate);
  if (reachesPublication) await go('publish');
  const revision = { title: marker('RT'), summary: marker('RS'), body: marker('RB'), file: marker('RF'), bytes: marker('RC') };
  if (fate === 'under-revision' || fate === 'republished') {
    const reopened = await items.apply(officer, draft.id, 'revise');
    await items.update(officer, draft.id, reopened.version, input(spec, revision, entries));
    attachmentIds.push((await attachments.add(officer, draft.id, `${revision.file}.pdf`, pdfBytes(revision.bytes))).id);
    if (fate === 'republished') for (const e of ['submit', 'approve', 'publish'] as const) await go(e);
  }
  if (fate === 'retracted' || fate === 'retracted-with-notice') await items.apply(officer, draft.id, 'retract', { reason: '测试撤回', ...(fate === 'retracted-with-notice' ? { retractNotice: '该信息已撤回，不再公开。' } : {}) });
  if (spec.validity !== 'effective') await items.setValidity(officer, draft.id, { validity: spec.validity, on: t.clock.today() });
  const item = await items.get(draft.id);
  const isPublic = isPublicFate(fate);
  const own = [texts.title, texts.summary, texts.body, ...files.flatMap((f) => [f.name, f.bytes])];
  const revised = [revision.title, revision.summary, revision.body, revision.file, revision.bytes];
  const seen = fate === 'republished' ? { ...revision, files: [...files, { name: revision.file, bytes: revision.bytes }] } : { ...texts, files };
  return {
    spec,
    id: item.id,
    indexNumber: item.indexNumber,
    isPublic,
    publicTexts: { title: seen.title, body: seen.body, attachmentIds: isPublic ? attachmentIds.slice(0, seen.files.length) : [], attachmentBytes: seen.files.map((f) => f.bytes) },
    secretTexts: !isPublic ? [...own, item.indexNumber] : fate === 'under-revision' ? revised : [],
    attachmentIds,
  };
}

/** The catalogue of one run; links are added last, from newer to older items (no cycles). */
export async function buildCatalogue(t: TestApp, specs: readonly ItemSpec[], entries: readonly string[]): Promise<BuiltItem[]> {
  const built: BuiltItem[] = [];
  for (const spec of specs) built.push(await buildItem(t, spec, entries));
  for (const [i, item] of built.entries()) {
    if (!item.spec.link || i === 0) continue;
    await t.services.items.link(t.actors.officer, item.id, built[item.spec.link.to % i]!.id, item.spec.link.kind);
  }
  return built;
}

/** Takes this run's public items off the site through the use cases, so the next run starts from nothing public. */
export async function retractAll(t: TestApp, built: readonly BuiltItem[]): Promise<void> {
  const { items } = t.services;
  for (const b of built.filter((x) => x.isPublic)) {
    const item = await items.get(b.id);
    if (item.state === 'draft') {
      await items.apply(t.actors.officer, b.id, 'submit');
      await items.apply(t.actors.leader, b.id, 'approve', { note: '清理' });
      await items.apply(t.actors.officer, b.id, 'publish');
    }
    await items.apply(t.actors.officer, b.id, 'retract', { reason: '测试清理' });
  }
}
