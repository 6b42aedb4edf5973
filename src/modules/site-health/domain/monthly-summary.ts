/** The monthly site-health report: what the month's runs found, indicator by indicator, and what is still open. */
import { daysInMonth, type LocalDate } from '../../../kernel/local-date.ts';
import { INDICATOR_KEYS, INDICATORS, type Finding, type IndicatorKey, type IndicatorVerdict } from './site-assessment.ts';

/** A run as the summary needs it. */
export interface RunOutcome {
  checkedOn: LocalDate;
  isVetoed: boolean;
  verdicts: readonly IndicatorVerdict[];
}

/** One indicator over the month. */
export interface IndicatorMonth {
  indicator: IndicatorKey;
  label: string;
  /** Runs in which the indicator was not ok (problem or veto). */
  runsWithProblem: number;
  runsVetoed: number;
  maxCount: number;
  last: IndicatorVerdict | undefined;
}

export interface MonthlySummary {
  month: string;
  from: LocalDate;
  to: LocalDate;
  runCount: number;
  vetoedRunCount: number;
  lastRun: RunOutcome | undefined;
  indicators: IndicatorMonth[];
  /** Findings of the month's last run: what was still to fix when the month ended. */
  openFindings: readonly Finding[];
}

/** `YYYY-MM` → the month's first and last day; undefined for anything else. */
export function monthRange(month: string): { from: LocalDate; to: LocalDate } | undefined {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) return undefined;
  const [y, mo] = [Number(m[1]), Number(m[2])];
  if (y < 2000 || y > 2999) return undefined;
  return { from: `${month}-01` as LocalDate, to: `${month}-${String(daysInMonth(y, mo)).padStart(2, '0')}` as LocalDate };
}

/** Summarises the month's runs (any order) with the last run's findings. */
export function summariseMonth(month: string, runs: readonly RunOutcome[], lastRunFindings: readonly Finding[]): MonthlySummary {
  const range = monthRange(month);
  if (!range) throw new RangeError(`not a month: ${month}`);
  const ordered = [...runs].sort((a, b) => (a.checkedOn < b.checkedOn ? -1 : a.checkedOn > b.checkedOn ? 1 : 0));
  const lastRun = ordered.at(-1);
  const indicators = INDICATOR_KEYS.map((key): IndicatorMonth => {
    const verdicts = ordered.flatMap((r) => r.verdicts.filter((v) => v.indicator === key));
    return {
      indicator: key,
      label: INDICATORS[key].label,
      runsWithProblem: verdicts.filter((v) => v.status === 'problem' || v.status === 'veto').length,
      runsVetoed: verdicts.filter((v) => v.status === 'veto').length,
      maxCount: Math.max(0, ...verdicts.map((v) => v.count)),
      last: lastRun?.verdicts.find((v) => v.indicator === key),
    };
  });
  return { month, ...range, runCount: ordered.length, vetoedRunCount: ordered.filter((r) => r.isVetoed).length, lastRun, indicators, openFindings: lastRun ? lastRunFindings : [] };
}
