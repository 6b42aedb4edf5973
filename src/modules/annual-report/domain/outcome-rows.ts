/**
 * Outcome code → table 三 row, as configuration data (REFERENCE.md §3.11 [U], confirm with the county 公开办).
 * Each closed application is counted once, under one row (国办公开办函〔2021〕30号 table 三, rules R2–R3).
 */
import { SPLIT_OTHER_ROW_KEYS, type ApplicationRowKey, type OtherRowsLayout, type OutcomeRowKey } from './report-format.ts';

import { OUTCOME_CODES, type OutcomeCode } from '../../../kernel/foi-outcomes.ts';

export { OUTCOME_CODES, type OutcomeCode };

/** A withdrawn application counts as `other` (issue 4), i.e. under （六）3.其他. */
export const WITHDRAWN_OUTCOME: OutcomeCode = 'other';

/** Narrows untrusted input to an outcome code. */
export function isOutcomeCode(value: unknown): value is OutcomeCode {
  return typeof value === 'string' && (OUTCOME_CODES as readonly string[]).includes(value);
}

/** A complete mapping: the type forces every outcome to name exactly one row of the 2021 (split) layout. */
export type OutcomeRowMapping = Readonly<Record<OutcomeCode, OutcomeRowKey>>;

/** REFERENCE.md §3.11: Art. 36(一)/(二) → （一）; Art. 37 → （二） only; Art. 36(五) → （四）1 and Art. 36(七) → （六）3 [U]. */
export const DEFAULT_OUTCOME_ROWS: OutcomeRowMapping = {
  disclosed: 'disclosed',
  'disclosed-already-public': 'disclosed',
  'partially-disclosed': 'partially-disclosed',
  'withheld-state-secret': 'withheld-state-secret',
  'withheld-law-prohibited': 'withheld-law-prohibited',
  'withheld-security-stability': 'withheld-security-stability',
  'withheld-third-party': 'withheld-third-party',
  'withheld-internal-affairs': 'withheld-internal-affairs',
  'withheld-process-information': 'withheld-process-information',
  'withheld-enforcement-file': 'withheld-enforcement-file',
  'withheld-administrative-query': 'withheld-administrative-query',
  'unavailable-not-held': 'unavailable-not-held',
  'unavailable-not-responsible': 'unavailable-not-held',
  'unavailable-needs-creation': 'unavailable-needs-creation',
  'unavailable-unclear-after-correction': 'unavailable-unclear-after-correction',
  'not-processed-petition': 'not-processed-petition',
  'not-processed-repeat': 'not-processed-repeat',
  'not-processed-publication': 'not-processed-publication',
  'not-processed-excessive': 'not-processed-excessive',
  'not-processed-confirmation': 'not-processed-confirmation',
  'other-no-correction': 'other-no-correction',
  'other-fee-unpaid': 'other-fee-unpaid',
  'other-special-law-channel': 'other',
  other: 'other',
};

/** The row an outcome is counted under in a layout; the single-row layout folds （六）1–3 into （六）其他处理. */
export function outcomeRow(
  outcome: OutcomeCode,
  layout: OtherRowsLayout,
  mapping: OutcomeRowMapping = DEFAULT_OUTCOME_ROWS,
): ApplicationRowKey {
  const key = mapping[outcome];
  return layout === 'single' && SPLIT_OTHER_ROW_KEYS.includes(key) ? 'other-processing' : key;
}
