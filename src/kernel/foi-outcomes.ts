/**
 * The closed set of 依申请公开 reply outcomes fixed by issue 4's API (条例 Art. 30, 35–39, 42): shared
 * vocabulary of the foi-requests module (which records them) and the annual report (which tallies them).
 */
export const OUTCOME_CODES = [
  'disclosed',
  'disclosed-already-public',
  'partially-disclosed',
  'withheld-state-secret',
  'withheld-law-prohibited',
  'withheld-security-stability',
  'withheld-third-party',
  'withheld-internal-affairs',
  'withheld-process-information',
  'withheld-enforcement-file',
  'withheld-administrative-query',
  'unavailable-not-held',
  'unavailable-not-responsible',
  'unavailable-needs-creation',
  'unavailable-unclear-after-correction',
  'not-processed-petition',
  'not-processed-repeat',
  'not-processed-publication',
  'not-processed-excessive',
  'not-processed-confirmation',
  'other-no-correction',
  'other-fee-unpaid',
  'other-special-law-channel',
  'other',
] as const;

/** One reply outcome (条例 Art. 36–39). */
export type OutcomeCode = (typeof OUTCOME_CODES)[number];
