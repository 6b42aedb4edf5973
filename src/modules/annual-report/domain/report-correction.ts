/**
 * 更正 of a published 年度报告. A published report is a public record (条例 Art. 49–50): when a figure or a sentence
 * turns out wrong, the office does not edit it silently but publishes a corrected edition with a 更正说明 saying what
 * changed, and the earlier edition stays on file. States are derived from stored facts (STYLE.md §3): `status`
 * draft/published and whether a correction is open.
 */
import { ok, refuse, type Result } from '../../../kernel/result.ts';

/** Where a report stands in its workflow. */
export type ReportState = 'draft' | 'published' | 'correcting';

/** The events of the report workflow. */
export type ReportEvent = 'generate' | 'update' | 'publish' | 'openCorrection' | 'cancelCorrection' | 'publishCorrection';

/** The declared table: which events each state allows and where they lead. */
export const REPORT_TRANSITIONS: Readonly<Record<ReportEvent, { from: readonly ReportState[]; to: ReportState | 'same' }>> = {
  generate: { from: ['draft', 'correcting'], to: 'same' },
  update: { from: ['draft', 'correcting'], to: 'same' },
  publish: { from: ['draft'], to: 'published' },
  openCorrection: { from: ['published'], to: 'correcting' },
  cancelCorrection: { from: ['correcting'], to: 'published' },
  publishCorrection: { from: ['correcting'], to: 'published' },
};

/** Why an event is refused in a state: a published report cannot be edited; only an open correction can be published or cancelled. */
export type ReportRefusal = 'report-already-published' | 'report-not-published' | 'report-not-correcting';

/** The state a stored report is in. */
export function reportState(report: { status: 'draft' | 'published'; correctionOpenedAt: string | null }): ReportState {
  if (report.status === 'draft') return 'draft';
  return report.correctionOpenedAt ? 'correcting' : 'published';
}

/** Checks `event` against the table; the refusal names what the office has to do instead. */
export function reportTransition(state: ReportState, event: ReportEvent): Result<ReportState, ReportRefusal> {
  const rule = REPORT_TRANSITIONS[event];
  if (rule.from.includes(state)) return ok(rule.to === 'same' ? state : rule.to);
  if (event === 'openCorrection') return refuse('report-not-published');
  if (event === 'cancelCorrection' || event === 'publishCorrection') return refuse(state === 'draft' ? 'report-not-published' : 'report-not-correcting');
  return refuse('report-already-published');
}

/** Longest 更正说明 accepted. */
export const MAX_CORRECTION_NOTE_CHARS = 500;
/** Shortest: a note must say what changed ("表二行政许可由12件更正为21件" is 16 characters). */
export const MIN_CORRECTION_NOTE_CHARS = 6;

/** The 更正说明, trimmed; required, because the public must be told what was corrected. */
export function checkCorrectionNote(note: string | null | undefined): Result<string, 'correction-note-required' | 'correction-note-too-short' | 'correction-note-too-long'> {
  const text = (note ?? '').replace(/\r\n/g, '\n').trim();
  if (text.length === 0) return refuse('correction-note-required');
  if ([...text].length < MIN_CORRECTION_NOTE_CHARS) return refuse('correction-note-too-short');
  if ([...text].length > MAX_CORRECTION_NOTE_CHARS) return refuse('correction-note-too-long');
  return ok(text);
}

/** One published correction as the printed report states it. */
export interface CorrectionNotice {
  /** 更正日期, in Chinese (2026年2月3日). */
  correctedOn: string;
  note: string;
}

/** The lines printed above the report, newest correction first: 更正说明（2026年2月3日）：… */
export function correctionLines(corrections: readonly CorrectionNotice[]): string[] {
  return [...corrections].reverse().map((c) => `更正说明（${c.correctedOn}）：${c.note.replace(/\s*\n\s*/g, ' ')}`);
}
