import { describe, expect, it } from 'vitest';
import { checkCorrectionNote, correctionLines, REPORT_TRANSITIONS, reportState, reportTransition, type ReportEvent, type ReportState } from './report-correction.ts';

const STATES: ReportState[] = ['draft', 'published', 'correcting'];

describe('report workflow with 更正', () => {
  it('derives the state from the stored status and the open correction', () => {
    expect(reportState({ status: 'draft', correctionOpenedAt: null })).toBe('draft');
    expect(reportState({ status: 'published', correctionOpenedAt: null })).toBe('published');
    expect(reportState({ status: 'published', correctionOpenedAt: '2026-02-01T01:00:00Z' })).toBe('correcting');
  });

  it.each([
    ['draft', 'publish', 'published'],
    ['draft', 'update', 'draft'],
    ['published', 'openCorrection', 'correcting'],
    ['correcting', 'generate', 'correcting'],
    ['correcting', 'update', 'correcting'],
    ['correcting', 'publishCorrection', 'published'],
    ['correcting', 'cancelCorrection', 'published'],
  ] as const)('%s --%s--> %s', (from, event, to) => {
    expect(reportTransition(from, event)).toEqual({ ok: true, value: to });
  });

  it('refuses every event in every state not in its from list, naming what to do instead', () => {
    const expected: Record<ReportEvent, Partial<Record<ReportState, string>>> = {
      generate: { published: 'report-already-published' },
      update: { published: 'report-already-published' },
      publish: { published: 'report-already-published', correcting: 'report-already-published' },
      openCorrection: { draft: 'report-not-published', correcting: 'report-not-published' },
      cancelCorrection: { draft: 'report-not-published', published: 'report-not-correcting' },
      publishCorrection: { draft: 'report-not-published', published: 'report-not-correcting' },
    };
    for (const event of Object.keys(REPORT_TRANSITIONS) as ReportEvent[]) {
      for (const state of STATES.filter((s) => !REPORT_TRANSITIONS[event].from.includes(s))) {
        expect(reportTransition(state, event), `${event} in ${state}`).toEqual({ ok: false, reason: expected[event][state] });
      }
    }
  });

  it('requires a 更正说明 that says what changed, within 500 characters', () => {
    expect(checkCorrectionNote('  表二行政许可由12件更正为21件。 \r\n')).toEqual({ ok: true, value: '表二行政许可由12件更正为21件。' });
    expect(checkCorrectionNote(undefined)).toEqual({ ok: false, reason: 'correction-note-required' });
    expect(checkCorrectionNote(' \n ')).toEqual({ ok: false, reason: 'correction-note-required' });
    expect(checkCorrectionNote('数据有误')).toEqual({ ok: false, reason: 'correction-note-too-short' });
    expect(checkCorrectionNote('更'.repeat(500)).ok).toBe(true);
    expect(checkCorrectionNote('更'.repeat(501))).toEqual({ ok: false, reason: 'correction-note-too-long' });
  });

  it('prints the newest correction first, each on one line with its date', () => {
    expect(correctionLines([{ correctedOn: '2026年2月3日', note: '表二行政许可由12件\n更正为21件。' }, { correctedOn: '2026年3月1日', note: '第五部分文字有误。' }])).toEqual([
      '更正说明（2026年3月1日）：第五部分文字有误。',
      '更正说明（2026年2月3日）：表二行政许可由12件 更正为21件。',
    ]);
  });
});
