/**
 * The plug-in point of the indicator system (seed plan §三): each module registers the indicators it can compute from
 * its own records — 解读 within 3 working days, leader interpretations per year, 舆情 press conferences within 24 hours,
 * budgets published within 20 days — with a default weight the office may change.
 */
import type { LocalDate } from '../../../kernel/local-date.ts';
import type { IndicatorResult } from '../domain/inspection.ts';

/** Evidence lines an indicator lists at most; the rest is summed up by `withRemainder`. */
export const MAX_EVIDENCE_LINES = 12;

/** The day an indicator for `year` is measured on: 31 December, or today while the year is not over. */
export function measuredOn(today: LocalDate, year: number): LocalDate {
  const yearEnd = `${year}-12-31` as LocalDate;
  return yearEnd < today ? yearEnd : today;
}

/** `lines` (the first of `total`), followed by "……另有N条" when some were left out. */
export function withRemainder(lines: readonly string[], total: number, unit = '条'): string[] {
  return total > lines.length ? [...lines, `……另有${total - lines.length}${unit}`] : [...lines];
}

/** One indicator as a module registers it. `compute` reads the organ's records for the calendar year. */
export interface IndicatorDefinition {
  /** Stable kebab-case key; weights are stored under it. */
  key: string;
  /** Chinese name, as shown and printed. */
  label: string;
  /** Default weight (whole number 0–100); the office's configured weight replaces it. */
  weight: number;
  /** What is measured and on which rule, one sentence. */
  description?: string;
  compute(organId: string, year: number): Promise<IndicatorResult>;
}

/** The registered indicators, in registration order. */
export class IndicatorRegistry {
  readonly #indicators = new Map<string, IndicatorDefinition>();

  /** Adds an indicator; a key registered twice or a weight outside 0–100 is a programming error. */
  register(definition: IndicatorDefinition): void {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(definition.key)) throw new Error(`indicator key must be kebab-case: ${definition.key}`);
    if (this.#indicators.has(definition.key)) throw new Error(`indicator already registered: ${definition.key}`);
    if (!Number.isInteger(definition.weight) || definition.weight < 0 || definition.weight > 100) throw new Error(`indicator weight must be 0–100: ${definition.key}`);
    this.#indicators.set(definition.key, definition);
  }

  list(): IndicatorDefinition[] {
    return [...this.#indicators.values()];
  }

  has(key: string): boolean {
    return this.#indicators.has(key);
  }
}
