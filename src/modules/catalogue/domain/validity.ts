/**
 * 有效性 of 规章 and 规范性文件 (有效 / 失效 / 废止) and the links that record why a document changed:
 * a new item 修订 (revises) or 废止 (repeals) an older one. The annual report counts 现行有效 documents
 * (REFERENCE.md §6.3), so the dates must be real: not before the document was written, not in the future.
 */
import { compareDates, type LocalDate } from '../../../kernel/local-date.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';

/** 有效 | 失效 | 废止. */
export const VALIDITIES = ['effective', 'expired', 'repealed'] as const;

/** One validity status. */
export type Validity = (typeof VALIDITIES)[number];

/** Chinese labels as printed in the item metadata. */
export const VALIDITY_LABELS: Record<Validity, string> = { effective: '有效', expired: '失效', repealed: '废止' };

/** Narrows untrusted input to a validity status. */
export function isValidity(value: unknown): value is Validity {
  return typeof value === 'string' && (VALIDITIES as readonly string[]).includes(value);
}

/** Why a validity change or end date is refused. */
export type ValidityRefusal = 'date-required' | 'date-before-written' | 'date-in-future' | 'repealed-is-final';

/** Checks the date a document ceased to be effective (失效/废止): present, on or after writtenOn, not after today. */
export function validateValidityEndDate(
  on: LocalDate | null | undefined,
  dates: { today: LocalDate; writtenOn: LocalDate },
): Result<LocalDate, ValidityRefusal> {
  if (!on) return refuse('date-required');
  if (compareDates(on, dates.writtenOn) < 0) return refuse('date-before-written');
  if (compareDates(on, dates.today) > 0) return refuse('date-in-future');
  return ok(on);
}

/**
 * Moves a document from `current` to `next` validity. 废止 is final: a repealed document is never effective
 * again (a new document is issued instead); repealed → repealed only corrects the date. 失效 → 有效 is allowed
 * because a 规范性文件 whose term lapsed can be continued (延续). Returns the status and its end date.
 */
export function validateValidityChange(
  current: Validity,
  next: Validity,
  context: { on?: LocalDate | null; today: LocalDate; writtenOn: LocalDate },
): Result<{ validity: Validity; endedOn: LocalDate | null }, ValidityRefusal> {
  if (current === 'repealed' && next !== 'repealed') return refuse('repealed-is-final');
  if (next === 'effective') return ok({ validity: next, endedOn: null });
  const endedOn = validateValidityEndDate(context.on, context);
  return endedOn.ok ? ok({ validity: next, endedOn: endedOn.value }) : endedOn;
}

/** 修订 (the new item revises the old one) | 废止 (the new item repeals it). */
export type ItemLinkKind = 'revises' | 'repeals';

/** Chinese labels for the link kinds. */
export const ITEM_LINK_KIND_LABELS: Record<ItemLinkKind, string> = { revises: '修订', repeals: '废止' };

/** A directed link from the newer item to the older one it revises or repeals. */
export interface ItemLink {
  fromId: string;
  toId: string;
  kind: ItemLinkKind;
}

/** Why a link is refused. */
export type ItemLinkRefusal = 'link-item-required' | 'self-link' | 'duplicate-link' | 'link-cycle';

/**
 * Checks a new link against the item's existing ones: no self-links, one link per pair of items, and no cycles
 * (A revises B revises A would make each document newer than the other).
 */
export function validateLink(
  fromId: string,
  toId: string,
  kind: ItemLinkKind,
  existing: readonly ItemLink[] = [],
): Result<ItemLink, ItemLinkRefusal> {
  if (fromId.trim() === '' || toId.trim() === '') return refuse('link-item-required');
  if (fromId === toId) return refuse('self-link');
  const samePair = (l: ItemLink) => (l.fromId === fromId && l.toId === toId) || (l.fromId === toId && l.toId === fromId);
  if (existing.some(samePair)) return refuse('duplicate-link');
  if (reaches(existing, toId, fromId)) return refuse('link-cycle');
  return ok({ fromId, toId, kind });
}

/** Whether following links from `start` (newer → older) arrives at `target`. */
function reaches(links: readonly ItemLink[], start: string, target: string): boolean {
  const seen = new Set<string>([start]);
  const queue = [start];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (id === target) return true;
    for (const link of links) {
      if (link.fromId === id && !seen.has(link.toId)) {
        seen.add(link.toId);
        queue.push(link.toId);
      }
    }
  }
  return false;
}
