/**
 * `generateDemoItems`: the demo bureau's catalogue, 2019 to November 2026, reproducible from a seed.
 * The series generators write the content; this file settles what depends on all items together:
 * 发文字号 serials (per 代字 and year, in 成文日期 order), publication dates in 工作日 (条例 Art. 26: within 20,
 * with some late on purpose), workflow states, 撤回, and the links between documents.
 */
import type { DemoOrganKey } from './demo-organisation.ts';
import {
  DEMO_TODAY, LAST_WRITTEN_ON, addWorkingDays,
  type DemoExemptionBasis, type DemoGenre, type DemoTopic, type DemoValidity, type FinishedItem, type ItemSpec,
} from './item-spec.ts';
import { Random } from './random.ts';
import { normativeSpecs } from './series-normative.ts';
import { countyOfficeSpecs } from './series-county-office.ts';
import { currentWorkSpecs } from './series-current.ts';
import { enforcementSpecs } from './series-enforcement.ts';
import { governanceSpecs } from './series-governance.ts';
import { planAndBudgetSpecs } from './series-plans-and-budgets.ts';
import { scienceSpecs } from './series-science.ts';
import { withheldSpecs } from './series-withheld.ts';

export type { DemoGenre, DemoTopic, DemoValidity, DemoExemptionBasis } from './item-spec.ts';
export { DEMO_TODAY } from './item-spec.ts';

export type DemoItemState = 'draft' | 'submitted' | 'approved' | 'published' | 'retracted';

/**
 * One catalogue item as the loader inserts it. Links: `repealedByKey` on an old 规范性文件 names the later item
 * that 废止 it (link kind 'repeals', from the later item); `revisesKey` on a new one names the older item it 修订
 * (link kind 'revises'; the older one is then 失效); `interpretsKey` on a 政策解读 names the document it explains.
 */
export interface DemoItem {
  key: string;
  organKey: DemoOrganKey;
  unitName: string;
  title: string;
  documentNumber: string | null;
  writtenOn: string;
  publishedOn: string | null;
  topic: DemoTopic;
  genre: DemoGenre;
  disclosure: 'proactive' | 'on-request' | 'exempt';
  onRequestReason: string | null;
  exemption: { basis: DemoExemptionBasis; reason: string } | null;
  state: DemoItemState;
  retractReason: string | null;
  validity: DemoValidity;
  effectiveOn: string | null;
  expiredOn: string | null;
  repealedOn: string | null;
  repealedByKey: string | null;
  revisesKey: string | null;
  interpretsKey: string | null;
  /** A DEMO_CATALOGUE_ENTRIES key; null only for 不予公开 items, which no 主动公开 catalogue row covers. */
  catalogueEntryKey: string | null;
  summary: string;
  bodyHtml: string;
}

/** Share of proactive items published more than 20 工作日 after they were written (drawn from the unpinned ones). */
const LATE_SHARE = 0.08;
/** Share of all items that were published and later 撤回. */
const RETRACTED_SHARE = 0.04;
/** Target shares of 依申请公开 and 不予公开 items. */
const ON_REQUEST_SHARE = 0.08;
const EXEMPT_SHARE = 0.07;

const GENERIC_RETRACT_REASONS = [
  '正文中企业联系人手机号码未作脱敏处理，撤回处理后重新发布。',
  '与已发布信息重复，予以撤回。',
  '附件上传错误，撤回更正后重新发布。',
  '信息内容需要进一步核实，暂予撤回。',
];

/** Each series gets its own stream, so that changing one series leaves the others as they were. */
function proactiveSpecs(seed: number): ItemSpec[] {
  const series = [planAndBudgetSpecs, scienceSpecs, normativeSpecs, governanceSpecs, enforcementSpecs, countyOfficeSpecs, currentWorkSpecs];
  return series.flatMap((make, i) => make(new Random((seed + Math.imul(i + 1, 0x9e3779b9)) >>> 0)));
}

interface Draft {
  spec: ItemSpec;
  writtenOn: string;
  publishedOn: string | null;
  state: DemoItemState;
  retractReason: string | null;
  documentNumber: string | null;
}

const byDate = (a: Draft, b: Draft) => (a.writtenOn === b.writtenOn ? (a.spec.key < b.spec.key ? -1 : 1) : a.writtenOn < b.writtenOn ? -1 : 1);

/**
 * Publication: the spec's own lag if it has one, otherwise 1–15 工作日, or 21–40 for the items drawn as late.
 * Items that would come out after DEMO_TODAY, and most of those written in the last six weeks, are still in the workflow.
 */
function publish(draft: Draft, isLate: boolean, rng: Random): void {
  const { spec } = draft;
  if (spec.withheld) {
    draft.state = rng.chance(0.7) ? 'approved' : 'draft';
    return;
  }
  const lag = spec.lagWorkingDays ?? (isLate ? rng.int(21, 40) : rng.chance(0.7) ? rng.int(1, 6) : rng.int(7, 15));
  const publishedOn = addWorkingDays(draft.writtenOn, lag);
  const isRecent = draft.writtenOn >= '2026-10-15' && !spec.isPinned && rng.chance(0.6);
  if (publishedOn <= DEMO_TODAY && !isRecent) {
    draft.publishedOn = publishedOn;
    draft.state = 'published';
  }
}

/** Unpublished 主动公开 items take the workflow states in turn, so that every state appears. */
function placeInWorkflow(sorted: readonly Draft[]): void {
  const states = ['submitted', 'approved', 'draft'] as const;
  let turn = 0;
  for (const draft of sorted) {
    if (draft.spec.withheld || draft.publishedOn !== null) continue;
    draft.state = draft.spec.isPinned ? 'approved' : states[turn++ % states.length]!;
  }
}

/** 政策解读 follow the document: formed when it is published, out within 3 工作日 (the bureau's 2023 plan). */
function publishInterpretations(drafts: Map<string, Draft>, rng: Random): void {
  for (const draft of drafts.values()) {
    const targetKey = draft.spec.interpretsKey;
    if (!targetKey) continue;
    const target = drafts.get(targetKey);
    if (!target) throw new RangeError(`${draft.spec.key} interprets unknown ${targetKey}`);
    draft.writtenOn = target.publishedOn ?? target.writtenOn;
    if (target.publishedOn === null) continue;
    const publishedOn = addWorkingDays(draft.writtenOn, rng.int(0, 2));
    if (publishedOn <= DEMO_TODAY) {
      draft.publishedOn = publishedOn;
      draft.state = 'published';
    }
  }
}

/** Serials per 代字 and year in 成文日期 order, with gaps for documents the demo does not contain. */
function assignDocumentNumbers(sorted: readonly Draft[], rng: Random): void {
  const last = new Map<string, number>();
  for (const draft of sorted) {
    const code = draft.spec.docCode;
    if (!code) continue;
    const counter = `${code}${draft.writtenOn.slice(0, 4)}`;
    const serial = (last.get(counter) ?? 0) + (last.has(counter) ? rng.int(1, 4) : rng.int(1, 6));
    last.set(counter, serial);
    draft.documentNumber = `${code}〔${draft.writtenOn.slice(0, 4)}〕${serial}号`;
  }
}

function retract(sorted: readonly Draft[], total: number, rng: Random): void {
  const linked = new Set(sorted.flatMap((d) => [d.spec.interpretsKey, d.spec.revisesKey, d.spec.normative?.repealedByKey]).filter(Boolean));
  const candidates = sorted.filter((d) => d.state === 'published' && !d.spec.isPinned && !d.spec.normative && !linked.has(d.spec.key) && d.writtenOn < '2026-09-01');
  const preferred = candidates.filter((d) => d.spec.retractReason && (d.spec.genre !== '行政处罚' || d.writtenOn >= '2021-07-15'));
  const n = Math.round(total * RETRACTED_SHARE);
  const chosen = [...rng.sample(preferred, Math.ceil(n / 2)), ...rng.sample(candidates.filter((d) => !preferred.includes(d)), n)].slice(0, n);
  for (const d of chosen) {
    d.state = 'retracted';
    d.retractReason = d.spec.retractReason ?? rng.pick(GENERIC_RETRACT_REASONS);
  }
}

function resolveTokens(text: string, drafts: Map<string, Draft>): string {
  return text.replace(/@@docno:([^@]+)@@/g, (_, key: string) => {
    const number = drafts.get(key)?.documentNumber;
    if (!number) throw new RangeError(`no document number for ${key}`);
    return number;
  });
}

function finish(d: Draft, drafts: Map<string, Draft>): Omit<DemoItem, 'bodyHtml'> & { body: ItemSpec['bodyHtml'] } {
  const { spec } = d;
  const facts = spec.normative;
  const withheld = spec.withheld;
  return {
    key: spec.key, organKey: spec.organKey, unitName: spec.unitName, title: spec.title, documentNumber: d.documentNumber,
    writtenOn: d.writtenOn, publishedOn: d.publishedOn, topic: spec.topic, genre: spec.genre,
    disclosure: withheld?.attribute ?? 'proactive',
    onRequestReason: withheld?.attribute === 'on-request' ? withheld.reason : null,
    exemption: withheld?.attribute === 'exempt' ? { basis: withheld.basis, reason: withheld.reason } : null,
    state: d.state, retractReason: d.retractReason,
    validity: facts?.validity ?? 'effective', effectiveOn: facts?.effectiveOn ?? null,
    expiredOn: facts?.validity === 'expired' ? facts.endedOn : null, repealedOn: facts?.validity === 'repealed' ? facts.endedOn : null,
    repealedByKey: facts?.repealedByKey ?? null, revisesKey: spec.revisesKey ?? null, interpretsKey: spec.interpretsKey ?? null,
    catalogueEntryKey: spec.catalogueEntryKey, summary: resolveTokens(spec.summary, drafts), body: spec.bodyHtml,
  };
}

/** The demo catalogue items for `seed`; the same seed always gives the same items. */
export function generateDemoItems(seed = 2026): DemoItem[] {
  const rng = new Random(seed);
  const proactive = proactiveSpecs(seed).filter((s) => s.writtenOn <= LAST_WRITTEN_ON || s.interpretsKey);
  const total = Math.round(proactive.length / (1 - ON_REQUEST_SHARE - EXEMPT_SHARE));
  const onRequest = Math.round(total * ON_REQUEST_SHARE);
  const specs = [...proactive, ...withheldSpecs(rng, { onRequest, exempt: total - proactive.length - onRequest })];

  const drafts = new Map<string, Draft>();
  for (const spec of specs) {
    if (drafts.has(spec.key)) throw new RangeError(`duplicate item key ${spec.key}`);
    drafts.set(spec.key, { spec, writtenOn: spec.writtenOn, publishedOn: null, state: 'draft', retractReason: null, documentNumber: null });
  }
  const canBeLate = proactive.filter((s) => !s.isPinned && s.lagWorkingDays === undefined && !s.interpretsKey).map((s) => s.key);
  const late = new Set(rng.sample(canBeLate, Math.round(proactive.length * LATE_SHARE)));
  for (const draft of [...drafts.values()].sort(byDate)) if (!draft.spec.interpretsKey) publish(draft, late.has(draft.spec.key), rng);
  publishInterpretations(drafts, rng);
  const sorted = [...drafts.values()].sort(byDate);
  placeInWorkflow(sorted);
  assignDocumentNumbers(sorted, rng);
  retract(sorted, sorted.length, rng);

  const items = sorted.map((d) => finish(d, drafts));
  const finished: FinishedItem[] = items.map((i) => ({ ...i, tally: drafts.get(i.key)?.spec.tally ?? 1 }));
  return items.map(({ body, ...item }) => ({ ...item, bodyHtml: resolveTokens(typeof body === 'function' ? body(finished) : body, drafts) }));
}
