/**
 * 索引号 generation. Art. 12 requires the 目录 to carry an 索引 for each item but no national standard fixes its
 * format (REFERENCE.md §6.1–6.2, §11 item 12), so the pattern is configuration, checked here once.
 */
import type { LocalDate } from '../../../kernel/local-date.ts';
import { ok, refuse, type Result } from '../../../kernel/result.ts';
import type { ItemState } from './item-workflow.ts';

/** The platform default: 机构代码 / year - 5-digit serial, as gov.cn and most counties use (REFERENCE.md §6.2). */
export const DEFAULT_INDEX_PATTERN = '{机构代码}/{YYYY}-{serial:5}';

/** One piece of a parsed pattern. */
export type IndexPatternToken =
  | { kind: 'literal'; text: string }
  | { kind: 'organ-code' }
  | { kind: 'year' }
  | { kind: 'year-month' }
  | { kind: 'serial'; width: number };

/** A checked pattern: build it with `validateIndexPattern`, then format and key with it. */
export interface IndexPattern {
  source: string;
  tokens: readonly IndexPatternToken[];
  /** Serials restart every year, or every month when the pattern shows {YYYYMM}. */
  period: 'year' | 'month';
  hasOrganCode: boolean;
}

/** Why a pattern is refused. */
export type IndexPatternProblem =
  | 'unbalanced-braces'
  | 'unknown-placeholder'
  | 'invalid-serial-width'
  | 'duplicate-serial'
  | 'missing-serial'
  | 'missing-period';

/** Why a number cannot be formatted. */
export type IndexNumberProblem = 'invalid-organ-code' | 'invalid-serial' | 'serial-overflow';

const MAX_SERIAL_WIDTH = 9;

function placeholderToken(name: string): IndexPatternToken | IndexPatternProblem {
  if (name === '机构代码') return { kind: 'organ-code' };
  if (name === 'YYYY') return { kind: 'year' };
  if (name === 'YYYYMM') return { kind: 'year-month' };
  if (name !== 'serial' && !name.startsWith('serial:')) return 'unknown-placeholder';
  const width = Number(name.slice('serial:'.length));
  const valid = /^serial:\d+$/.test(name) && width >= 1 && width <= MAX_SERIAL_WIDTH;
  return valid ? { kind: 'serial', width } : 'invalid-serial-width';
}

function tokenize(pattern: string): Result<IndexPatternToken[], IndexPatternProblem> {
  const tokens: IndexPatternToken[] = [];
  const re = /\{([^{}]*)\}|([^{}]+)|([{}])/gu;
  for (const m of pattern.matchAll(re)) {
    if (m[3] !== undefined) return refuse('unbalanced-braces', m[3]);
    if (m[2] !== undefined) {
      tokens.push({ kind: 'literal', text: m[2] });
      continue;
    }
    const token = placeholderToken(m[1] ?? '');
    if (typeof token === 'string') return refuse(token, m[0]);
    tokens.push(token);
  }
  return ok(tokens);
}

/**
 * Parses a pattern of literal text and the placeholders {机构代码}, {YYYY}, {YYYYMM} and {serial:N} (N digits,
 * zero-padded). It must show exactly one serial and a period, or numbers would repeat.
 */
export function validateIndexPattern(pattern: string): Result<IndexPattern, IndexPatternProblem> {
  const parsed = tokenize(pattern);
  if (!parsed.ok) return parsed;
  const tokens = parsed.value;
  const serials = tokens.filter((t) => t.kind === 'serial').length;
  if (serials === 0) return refuse('missing-serial');
  if (serials > 1) return refuse('duplicate-serial');
  const hasMonth = tokens.some((t) => t.kind === 'year-month');
  if (!hasMonth && !tokens.some((t) => t.kind === 'year')) return refuse('missing-period');
  return ok({ source: pattern, tokens, period: hasMonth ? 'month' : 'year', hasOrganCode: tokens.some((t) => t.kind === 'organ-code') });
}

/** 统一社会信用代码 (18 characters), 组织机构代码 (9, sometimes with a check-digit hyphen) or a local code. */
const ORGAN_CODE = /^[0-9A-Za-z][0-9A-Za-z-]*$/;

/** Renders the 索引号 for a serial already drawn from the counter named by `indexNumberPeriodKey`. */
export function formatIndexNumber(
  pattern: IndexPattern,
  input: { organCode: string; date: LocalDate; serial: number },
): Result<string, IndexNumberProblem> {
  if (pattern.hasOrganCode && !ORGAN_CODE.test(input.organCode)) return refuse('invalid-organ-code');
  if (!Number.isSafeInteger(input.serial) || input.serial < 1) return refuse('invalid-serial');
  let text = '';
  for (const token of pattern.tokens) {
    if (token.kind === 'literal') text += token.text;
    else if (token.kind === 'organ-code') text += input.organCode;
    else if (token.kind === 'year') text += input.date.slice(0, 4);
    else if (token.kind === 'year-month') text += input.date.slice(0, 4) + input.date.slice(5, 7);
    else if (String(input.serial).length > token.width) return refuse('serial-overflow', `${input.serial} > ${token.width} digits`);
    else text += String(input.serial).padStart(token.width, '0');
  }
  return ok(text);
}

/**
 * The counter a serial is drawn from: one per organ and period (year, or month for {YYYYMM}), e.g.
 * `11330000MB1234567X/2026`. A pattern without {机构代码} shares one counter among all organs (key `*` + period),
 * because per-organ serials would then produce the same 索引号 twice.
 */
export function indexNumberPeriodKey(pattern: IndexPattern, organCode: string, date: LocalDate): string {
  const period = pattern.period === 'month' ? date.slice(0, 4) + date.slice(5, 7) : date.slice(0, 4);
  return `${pattern.hasOrganCode ? organCode : '*'}/${period}`;
}

/** Once an item has been published its 索引号 is an immutable string (REFERENCE.md §6.2): citizens cite it. */
export function isIndexNumberChangeAllowed(item: { state: ItemState; hasBeenPublished: boolean }): boolean {
  return !item.hasBeenPublished && item.state !== 'published' && item.state !== 'retracted';
}
