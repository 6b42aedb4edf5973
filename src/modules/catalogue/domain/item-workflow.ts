/**
 * The publishing workflow of a catalogue item as a declared state table (STYLE.md §3): `transition`
 * checks the table first, then the event's own guards, and refuses with a closed union of reasons.
 */
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import type { DisclosureAttribute } from './disclosure.ts';
import { hasText } from './field-errors.ts';

/** Workflow states, as participles. */
export const ITEM_STATES = ['draft', 'submitted', 'approved', 'scheduled', 'published', 'retracted'] as const;

/** One workflow state. */
export type ItemState = (typeof ITEM_STATES)[number];

/** Chinese state names for the console. */
export const ITEM_STATE_LABELS: Record<ItemState, string> = {
  draft: '草稿',
  submitted: '待审核',
  approved: '已审核',
  scheduled: '待定时发布',
  published: '已发布',
  retracted: '已撤回',
};

/** Workflow events, as verbs. */
export type ItemEvent = 'edit' | 'submit' | 'return' | 'approve' | 'schedule' | 'unschedule' | 'publish' | 'revise' | 'retract';

/** One row of the table: the states an event may fire from and the state it leads to. */
export interface ItemTransitionRule {
  from: readonly ItemState[];
  to: ItemState;
  label: string;
}

/**
 * The table. `edit` stays in `draft`. `revise` reopens a published item as a draft; the public keeps seeing
 * the last published edition until the revision is published. `retract` is 撤回 of a published item.
 */
export const ITEM_TRANSITIONS: Readonly<Record<ItemEvent, ItemTransitionRule>> = {
  edit: { from: ['draft'], to: 'draft', label: '编辑' },
  submit: { from: ['draft'], to: 'submitted', label: '提交审核' },
  // An approved item goes back too: a check that fails only at publication (new office rules, an attachment file
  // gone) must be fixable, and only drafts can be edited.
  return: { from: ['submitted', 'approved'], to: 'draft', label: '退回修改' },
  approve: { from: ['submitted'], to: 'approved', label: '审核通过' },
  schedule: { from: ['approved'], to: 'scheduled', label: '定时发布' },
  unschedule: { from: ['scheduled'], to: 'approved', label: '取消定时' },
  publish: { from: ['approved', 'scheduled'], to: 'published', label: '发布' },
  revise: { from: ['published'], to: 'draft', label: '修订' },
  // A revision in progress does not stop a retraction: the published edition must be able to go at once
  // (e.g. 行政处罚法 Art. 48: withdrawn within 三日).
  retract: { from: ['published', 'draft', 'submitted', 'approved', 'scheduled'], to: 'retracted', label: '撤回' },
};

/** Every event, in table order (the order buttons appear in). */
export const ITEM_EVENTS = Object.keys(ITEM_TRANSITIONS) as ItemEvent[];

/** Why a transition was refused. */
export type ItemTransitionRefusal =
  | 'not-allowed-in-state'
  | 'not-proactive'
  | 'reason-required'
  | 'review-note-required'
  | 'publish-time-required'
  | 'publish-time-in-past'
  | 'never-published';

/** The facts about the item that decide which events are possible at all. */
export interface ItemFacts {
  disclosureAttribute: DisclosureAttribute;
  /** Whether an edition has been published (an item under revision keeps showing it). */
  hasPublishedEdition?: boolean;
}

/** The item's facts plus what the acting officer supplies with the event; instants come from the caller's clock. */
export interface TransitionContext extends ItemFacts {
  now: Date;
  /** Required for `return` (why it goes back) and `retract` (why it is withdrawn). */
  reason?: string | null;
  /** The 保密审查 record, required for `approve`. */
  note?: string | null;
  /** Required for `schedule`. */
  publishAt?: Date | null;
}

/**
 * Only 主动公开 information goes out (Art. 13, 19–20): 依申请公开 and 不予公开 items are registered and reviewed
 * but are never scheduled or published.
 */
function refusalFromFacts(event: ItemEvent, facts: ItemFacts): ItemTransitionRefusal | undefined {
  const publishes = event === 'schedule' || event === 'publish';
  if (publishes && facts.disclosureAttribute !== 'proactive') return 'not-proactive';
  // Only what the public can see can be retracted; an unpublished draft is simply not published.
  if (event === 'retract' && !facts.hasPublishedEdition) return 'never-published';
  return undefined;
}

function refusalFromInput(event: ItemEvent, context: TransitionContext): ItemTransitionRefusal | undefined {
  switch (event) {
    case 'return':
    case 'retract':
      return hasText(context.reason) ? undefined : 'reason-required';
    case 'approve':
      // Art. 17: information is reviewed, including under the 保守国家秘密法, before it is published.
      return hasText(context.note) ? undefined : 'review-note-required';
    case 'schedule':
      if (!context.publishAt) return 'publish-time-required';
      return context.publishAt.getTime() > context.now.getTime() ? undefined : 'publish-time-in-past';
    default:
      return undefined;
  }
}

/** Applies `event` to an item in `state`: the table first, then the item's facts, then the officer's input. */
export function transition(
  state: ItemState,
  event: ItemEvent,
  context: TransitionContext,
): Result<{ state: ItemState }, ItemTransitionRefusal> {
  const rule = ITEM_TRANSITIONS[event];
  if (!rule.from.includes(state)) return refuse('not-allowed-in-state', `${event} from ${state}`);
  const refusal = refusalFromFacts(event, context) ?? refusalFromInput(event, context);
  return refusal ? refuse(refusal) : ok({ state: rule.to });
}

/** The events an officer may start from `state` for this item (input-dependent guards are checked on submit). */
export function allowedEvents(state: ItemState, facts: ItemFacts): ItemEvent[] {
  return ITEM_EVENTS.filter((event) => ITEM_TRANSITIONS[event].from.includes(state) && !refusalFromFacts(event, facts));
}

/**
 * Whether the public sees the item: a published one always; one under revision (back in draft after `revise`)
 * still shows its last published edition; a retracted one never.
 */
export function isPubliclyVisible(state: ItemState, hasPublishedEdition: boolean): boolean {
  if (state === 'published') return true;
  if (state === 'retracted') return false;
  return hasPublishedEdition;
}
