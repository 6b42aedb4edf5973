import { describe, expect, it } from 'vitest';
import {
  allowedEvents,
  isPubliclyVisible,
  ITEM_EVENTS,
  ITEM_STATES,
  ITEM_TRANSITIONS,
  transition,
  type ItemEvent,
  type ItemState,
  type TransitionContext,
} from './item-workflow.ts';

const NOW = new Date('2026-03-02T09:00:00+08:00');
const LATER = new Date('2026-03-02T09:00:01+08:00');

/** A context that satisfies every guard, so only the table decides. */
const complete: TransitionContext = {
  disclosureAttribute: 'proactive',
  now: NOW,
  hasPublishedEdition: true,
  reason: '标题有误',
  note: '已按保密法审查，不涉密',
  publishAt: LATER,
};

/** The workflow written out by hand, independently of ITEM_TRANSITIONS. */
const EXPECTED: Record<ItemEvent, Partial<Record<ItemState, ItemState>>> = {
  edit: { draft: 'draft' },
  submit: { draft: 'submitted' },
  return: { submitted: 'draft', approved: 'draft' },
  approve: { submitted: 'approved' },
  schedule: { approved: 'scheduled' },
  unschedule: { scheduled: 'approved' },
  publish: { approved: 'published', scheduled: 'published' },
  revise: { published: 'draft' },
  retract: { published: 'retracted', draft: 'retracted', submitted: 'retracted', approved: 'retracted', scheduled: 'retracted' },
};

const pairs = ITEM_STATES.flatMap((state) => ITEM_EVENTS.map((event) => [state, event] as const));

describe('the declared table', () => {
  it('covers exactly the nine events', () => {
    expect([...ITEM_EVENTS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(pairs)('from %s, %s', (state, event) => {
    const target = EXPECTED[event][state];
    const result = transition(state, event, complete);
    if (target) expect(result).toEqual({ ok: true, value: { state: target } });
    else expect(result).toMatchObject({ ok: false, reason: 'not-allowed-in-state' });
  });

  it('leaves retracted as a terminal state', () => {
    expect(allowedEvents('retracted', { disclosureAttribute: 'proactive' })).toEqual([]);
  });

  it('names the refused move in the detail', () => {
    expect(transition('draft', 'publish', complete)).toEqual({ ok: false, reason: 'not-allowed-in-state', detail: 'publish from draft' });
  });
});

describe('guards', () => {
  it.each<[string, ItemState, ItemEvent, Partial<TransitionContext>, string]>([
    ['依申请公开 cannot be published', 'approved', 'publish', { disclosureAttribute: 'on-request' }, 'not-proactive'],
    ['不予公开 cannot be published', 'scheduled', 'publish', { disclosureAttribute: 'exempt' }, 'not-proactive'],
    ['不予公开 cannot be scheduled', 'approved', 'schedule', { disclosureAttribute: 'exempt' }, 'not-proactive'],
    ['a return needs a reason', 'submitted', 'return', { reason: ' ' }, 'reason-required'],
    ['a retraction needs a reason', 'published', 'retract', { reason: null }, 'reason-required'],
    ['a draft never published cannot be retracted', 'draft', 'retract', { hasPublishedEdition: false }, 'never-published'],
    ['an approved item never published cannot be retracted', 'approved', 'retract', { hasPublishedEdition: false }, 'never-published'],
    ['approval needs the 保密审查 note', 'submitted', 'approve', { note: '' }, 'review-note-required'],
    ['scheduling needs a time', 'approved', 'schedule', { publishAt: null }, 'publish-time-required'],
    ['scheduling for now is too late', 'approved', 'schedule', { publishAt: NOW }, 'publish-time-in-past'],
    ['scheduling for the past is refused', 'approved', 'schedule', { publishAt: new Date('2026-03-01T09:00:00+08:00') }, 'publish-time-in-past'],
  ])('%s', (_name, state, event, override, reason) => {
    expect(transition(state, event, { ...complete, ...override })).toMatchObject({ ok: false, reason });
  });

  it.each<[ItemState, ItemEvent, ItemState]>([
    ['draft', 'submit', 'submitted'],
    ['submitted', 'approve', 'approved'],
    ['submitted', 'return', 'draft'],
  ])('non-proactive items are still reviewed: %s --%s--> %s', (state, event, to) => {
    expect(transition(state, event, { ...complete, disclosureAttribute: 'exempt' })).toEqual({ ok: true, value: { state: to } });
  });

  it('checks the table before the guards', () => {
    expect(transition('draft', 'publish', { ...complete, disclosureAttribute: 'exempt' })).toMatchObject({ reason: 'not-allowed-in-state' });
  });

  it('checks disclosure before the publish time', () => {
    expect(transition('approved', 'schedule', { ...complete, disclosureAttribute: 'on-request', publishAt: NOW })).toMatchObject({ reason: 'not-proactive' });
  });

  it('needs no reason, note or time for events without guards', () => {
    expect(transition('published', 'revise', { disclosureAttribute: 'proactive', now: NOW })).toEqual({ ok: true, value: { state: 'draft' } });
  });
});

describe('allowedEvents', () => {
  it.each<[ItemState, ItemEvent[], ItemEvent[]]>([
    ['draft', ['edit', 'submit'], ['edit', 'submit']],
    ['submitted', ['return', 'approve'], ['return', 'approve']],
    ['approved', ['return', 'schedule', 'publish'], ['return']],
    ['scheduled', ['unschedule', 'publish'], ['unschedule']],
    ['published', ['revise', 'retract'], ['revise', 'retract']],
  ])('from %s, never published: proactive %j, exempt %j', (state, proactive, exempt) => {
    const hasPublishedEdition = state === 'published';
    expect(allowedEvents(state, { disclosureAttribute: 'proactive', hasPublishedEdition })).toEqual(proactive);
    expect(allowedEvents(state, { disclosureAttribute: 'exempt', hasPublishedEdition })).toEqual(exempt);
  });

  it('agrees with the table for every state', () => {
    for (const state of ITEM_STATES) {
      const fromTable = ITEM_EVENTS.filter((e) => ITEM_TRANSITIONS[e].from.includes(state));
      expect(allowedEvents(state, { disclosureAttribute: 'proactive', hasPublishedEdition: true })).toEqual(fromTable);
    }
  });
});

describe('isPubliclyVisible', () => {
  it.each<[ItemState, boolean, boolean]>([
    ['published', false, true],
    ['draft', true, true],
    ['submitted', true, true],
    ['draft', false, false],
    ['approved', false, false],
    ['retracted', true, false],
  ])('%s, hasPublishedEdition=%s → %s', (state, hasPublishedEdition, expected) => {
    expect(isPubliclyVisible(state, hasPublishedEdition)).toBe(expected);
  });
});
