import { describe, expect, it } from 'vitest';
import { localDate } from '../../../kernel/local-date.ts';
import { OFFICIAL_CALENDAR_YEARS } from '../../../kernel/official-calendar.ts';
import { WorkingDayCalendar } from '../../../kernel/working-days.ts';
import { replyDeadline } from './reply-deadline.ts';
import type { RequestEvent } from './request-events.ts';

const calendar = new WorkingDayCalendar(OFFICIAL_CALENDAR_YEARS);
const d = localDate;

const consult = (on: string, party: 'third-party' | 'organ' = 'third-party'): RequestEvent => ({
  type: 'consultation-started',
  on: d(on),
  party,
  name: party === 'third-party' ? '某科技有限公司' : '县财政局',
});
const ended = (on: string): RequestEvent => ({ type: 'consultation-ended', on: d(on) });
const extension = (on: string, workingDays: number): RequestEvent => ({ type: 'extension-approved', on: d(on), workingDays, approvedBy: '办公室主任李明' });
const feeNotified = (on: string): RequestEvent => ({ type: 'fee-notified', on: d(on), amount: 200, method: 'per-piece' });
const feePaid = (on: string): RequestEvent => ({ type: 'fee-paid', on: d(on) });
const replied = (on: string): RequestEvent => ({ type: 'replied', on: d(on), outcome: 'disclosed' });
const correction = (on: string, due: string): RequestEvent => ({ type: 'correction-requested', on: d(on), items: ['申请内容不明确'], correctionDueOn: d(due) });
const corrected = (on: string): RequestEvent => ({ type: 'correction-received', on: d(on) });

describe('HOLIDAYS.md §7 worked example: received Friday 2025-09-26', () => {
  const deadline = replyDeadline(d('2025-09-26'), [], calendar, d('2025-09-26'));

  it('补正 notice due 2025-10-13, reply due 2025-10-30', () => {
    expect(deadline).toMatchObject({ correctionNoticeDueOn: '2025-10-13', dueOn: '2025-10-30', isProvisional: false, limitWorkingDays: 20 });
  });

  it('explains every day up to the due date', () => {
    expect(deadline.explanation.slice(0, 12)).toEqual([
      '2025-09-26（星期五） 收到申请，当日不计，自次日起计算答复期限（条例第三十一条、第三十三条）',
      '补正告知期限：2025-10-13（收到申请之日起7个工作日内一次性告知，条例第三十条）',
      '2025-09-27 周末，不计',
      '2025-09-28 第1个工作日（调休上班）',
      '2025-09-29 第2个工作日',
      '2025-09-30 第3个工作日',
      '2025-10-01至2025-10-08 国庆节放假，不计',
      '2025-10-09 第4个工作日',
      '2025-10-10 第5个工作日',
      '2025-10-11 第6个工作日（调休上班）',
      '2025-10-12 周末，不计',
      '2025-10-13 第7个工作日',
    ]);
    expect(deadline.explanation.slice(-3)).toEqual([
      '2025-10-30 第20个工作日',
      '答复期限：2025-10-30（共20个工作日）',
      '截至2025-09-26已用0个工作日，剩余20个工作日',
    ]);
  });
});

describe('20 工作日 across 春节, 国庆, 调休 Saturdays and year boundaries (条例 Art. 33 para 2)', () => {
  it.each([
    // [received, due, provisional, a line the explanation must hold]
    ['2025-01-20', '2025-02-21', false, '2025-01-28至2025-02-04 春节放假，不计'],
    ['2025-01-20', '2025-02-21', false, '2025-01-26 第5个工作日（调休上班）'],
    ['2025-01-20', '2025-02-21', false, '2025-02-08 第10个工作日（调休上班）'],
    ['2026-02-10', '2026-03-16', false, '2026-02-15至2026-02-23 春节放假，不计'],
    ['2026-02-10', '2026-03-16', false, '2026-02-14 第4个工作日（调休上班）'],
    ['2026-02-10', '2026-03-16', false, '2026-02-28 第9个工作日（调休上班）'],
    ['2024-09-27', '2024-10-30', false, '2024-10-01至2024-10-07 国庆节放假，不计'],
    ['2024-09-27', '2024-10-30', false, '2024-10-12 第7个工作日（调休上班）'],
    ['2026-09-18', '2026-10-22', false, '2026-09-25至2026-09-27 中秋节放假，不计'],
    ['2026-09-18', '2026-10-22', false, '2026-10-10 第11个工作日（调休上班）'],
    ['2025-12-19', '2026-01-19', false, '2026-01-01至2026-01-03 元旦放假，不计'],
    ['2025-12-19', '2026-01-19', false, '2026-01-04 第9个工作日（调休上班）'],
    // HOLIDAYS.md §7: into 2027, which has no notice yet
    ['2026-12-15', '2027-01-13', true, '2026-12-31 第12个工作日'],
    ['2026-12-15', '2027-01-13', true, '2027-01-01 元旦放假（暂按法定日期，待当年放假通知发布），不计'],
    ['2026-12-15', '2027-01-13', true, '2027-01-04 第13个工作日（暂定）'],
    ['2026-12-15', '2027-01-13', true, '答复期限：2027-01-13（共20个工作日）；暂定：期间涉及尚未公布放假安排的年份，公布后重新计算'],
  ] as const)('received %s → due %s (provisional %s): %s', (receivedOn, dueOn, isProvisional, line) => {
    const deadline = replyDeadline(d(receivedOn), [], calendar, d(receivedOn));
    expect(deadline).toMatchObject({ dueOn, isProvisional });
    expect(deadline.explanation).toContain(line);
  });
});

describe('补正 (条例 Art. 30): the clock restarts on the day the corrected application arrives', () => {
  const requested = correction('2025-10-09', '2025-10-20');

  it('no reply clock runs while awaiting correction', () => {
    expect(replyDeadline(d('2025-09-26'), [requested], calendar, d('2025-10-10'))).toMatchObject({
      status: 'awaiting-correction',
      dueOn: null,
      correctionNoticeDueOn: '2025-10-13',
      correctionDueOn: '2025-10-20',
      workingDaysUsed: 0,
      isOverdue: false,
    });
  });

  it('20 工作日 from the correction day, not from receipt', () => {
    const deadline = replyDeadline(d('2025-09-26'), [requested, corrected('2025-10-15')], calendar, d('2025-10-16'));
    expect(deadline).toMatchObject({ dueOn: '2025-11-12', workingDaysUsed: 1, workingDaysLeft: 19, status: 'running' });
    expect(deadline.explanation).toContain('2025-10-15 收到补正后的申请，答复期限自次日起重新计算（条例第三十条）');
    expect(deadline.explanation).toContain('2025-10-16 第1个工作日');
    expect(deadline.explanation).not.toContain('2025-09-29 第2个工作日');
  });

  it('an uncorrected application is abandoned without a reply due date', () => {
    expect(replyDeadline(d('2025-09-26'), [requested, { type: 'abandoned', on: d('2025-10-21') }], calendar, d('2025-12-01'))).toMatchObject({
      state: 'abandoned',
      status: 'closed',
      dueOn: null,
    });
  });
});

describe('consultation (条例 Art. 32–34, 33 para 3): the days after it starts up to the day it ends do not count', () => {
  // received Monday 2025-11-03: without a pause due 2025-12-01
  it.each([
    ['no consultation', [], '2025-12-01', undefined],
    ['third party 11-05 → 11-12', [consult('2025-11-05'), ended('2025-11-12')], '2025-12-08', '2025-11-06至2025-11-12 征求第三方意见，暂停计算（条例第三十二条）'],
    ['organ 11-05 → 11-12', [consult('2025-11-05', 'organ'), ended('2025-11-12')], '2025-12-08', '2025-11-06至2025-11-12 征求其他机关意见，暂停计算（条例第三十四条）'],
    ['ended the day it started', [consult('2025-11-05'), ended('2025-11-05')], '2025-12-01', undefined],
    [
      'consultee silent past its 15 工作日 (due 11-26), ended 12-03',
      [consult('2025-11-05'), ended('2025-12-03')],
      '2025-12-22',
      '2025-11-06至2025-11-26 征求第三方意见，暂停计算（条例第三十二条）；意见期限届满，此后恢复计算',
    ],
    [
      'two consultations in turn',
      [consult('2025-11-05'), ended('2025-11-07'), consult('2025-11-10', 'organ'), ended('2025-11-11')],
      '2025-12-04',
      '2025-11-11 征求其他机关意见，暂停计算（条例第三十四条）',
    ],
  ] as const)('%s → due %s', (_name, events, dueOn, line) => {
    const deadline = replyDeadline(d('2025-11-03'), events, calendar, d('2025-12-31'));
    expect(deadline.dueOn).toBe(dueOn);
    if (line) expect(deadline.explanation).toContain(line);
  });

  it('an open consultation pauses up to today; the due date assumes it ends today', () => {
    const deadline = replyDeadline(d('2025-11-03'), [consult('2025-11-05')], calendar, d('2025-11-10'));
    expect(deadline).toMatchObject({ status: 'paused', dueOn: '2025-12-04', workingDaysUsed: 2, workingDaysLeft: 18, consulteeDueOn: '2025-11-26' });
    expect(deadline.explanation).toContain('2025-11-06至2025-11-10 征求第三方意见，暂停计算（条例第三十二条）；尚未结束，暂计至2025-11-10');
    expect(deadline.explanation).toContain(
      '2025-11-05 向第三方某科技有限公司发出征求意见书，第三方应于2025-11-26前提出意见；征求意见期间不计入答复期限（条例第三十二条、第三十三条第三款）',
    );
  });

  it('an open consultation past the consultee deadline no longer pauses', () => {
    expect(replyDeadline(d('2025-11-03'), [consult('2025-11-05')], calendar, d('2025-12-01'))).toMatchObject({
      status: 'running',
      dueOn: '2025-12-22',
      workingDaysUsed: 5,
    });
  });
});

describe('extension (条例 Art. 33 para 2): adds its 工作日 to the limit', () => {
  it.each([
    [10, '2025-11-13'],
    [20, '2025-11-27'],
  ])('received 2025-09-26, %i 工作日 → %s', (days, dueOn) => {
    const deadline = replyDeadline(d('2025-09-26'), [extension('2025-10-28', days)], calendar, d('2025-10-28'));
    expect(deadline).toMatchObject({ dueOn, limitWorkingDays: 20 + days, workingDaysUsed: 18, workingDaysLeft: 2 + days });
    expect(deadline.explanation).toContain(`2025-10-28 经办公室主任李明同意延长答复期限${days}个工作日，并告知申请人（条例第三十三条第二款）`);
  });
});

describe('fee (国办函〔2020〕109号): the payment period does not count unless configured otherwise [U]', () => {
  const events = [feeNotified('2025-11-05'), feePaid('2025-11-12')];

  it.each([
    [true, '2025-12-08'],
    [false, '2025-12-01'],
  ])('feePeriodPauses %s → due %s', (feePeriodPauses, dueOn) => {
    const deadline = replyDeadline(d('2025-11-03'), events, calendar, d('2025-11-13'), { feePeriodPauses });
    expect(deadline).toMatchObject({ dueOn, feePaymentDueOn: '2025-12-03' });
    expect(deadline.explanation.includes('2025-11-06至2025-11-12 等待申请人缴纳信息处理费，暂停计算（国办函〔2020〕109号）')).toBe(feePeriodPauses);
  });

  it('pauses while unpaid, and the unpaid case is abandoned after the payment period', () => {
    expect(replyDeadline(d('2025-11-03'), [feeNotified('2025-11-05')], calendar, d('2025-11-07'))).toMatchObject({ status: 'paused', workingDaysUsed: 2 });
    const abandoned = replyDeadline(d('2025-11-03'), [feeNotified('2025-11-05'), { type: 'abandoned', on: d('2025-12-04') }], calendar, d('2025-12-10'));
    expect(abandoned).toMatchObject({ state: 'abandoned', status: 'closed', isOverdue: false });
  });
});

describe('edges of the pauses', () => {
  it('an unpaid fee stops pausing when the payment period ends (2025-12-03)', () => {
    const deadline = replyDeadline(d('2025-11-03'), [feeNotified('2025-11-05')], calendar, d('2025-12-10'));
    expect(deadline).toMatchObject({ status: 'running', dueOn: '2025-12-29', workingDaysUsed: 7, workingDaysLeft: 13 });
    expect(deadline.explanation).toContain('2025-11-06至2025-12-03 等待申请人缴纳信息处理费，暂停计算（国办函〔2020〕109号）；缴费期限届满');
  });

  it('a consultation started on the day of receipt pauses from the next day', () => {
    const deadline = replyDeadline(d('2025-11-03'), [consult('2025-11-03'), ended('2025-11-04')], calendar, d('2025-11-05'));
    expect(deadline).toMatchObject({ dueOn: '2025-12-02', workingDaysUsed: 1 });
    expect(deadline.explanation.slice(2, 4)).toEqual([
      '2025-11-03 向第三方某科技有限公司发出征求意见书，第三方应于2025-11-24前提出意见；征求意见期间不计入答复期限（条例第三十二条、第三十三条第三款）',
      '2025-11-04 征求第三方意见，暂停计算（条例第三十二条）',
    ]);
  });

  it('a consultation before the 补正 does not shift the restarted clock', () => {
    const events = [consult('2025-09-29'), ended('2025-10-09'), correction('2025-10-10', '2025-10-20'), corrected('2025-10-15')];
    expect(replyDeadline(d('2025-09-26'), events, calendar, d('2025-10-16')).dueOn).toBe('2025-11-12');
  });
});

describe('a case with everything (Art. 30, 32, 33, 109号)', () => {
  const events = [
    correction('2025-10-09', '2025-10-20'),
    corrected('2025-10-15'),
    consult('2025-10-20'),
    ended('2025-10-27'),
    extension('2025-11-10', 10),
    feeNotified('2025-11-12'),
    feePaid('2025-11-14'),
  ];

  it('restarts at 10-15, pauses 10-21..27 and 11-13..14, extends to 30 工作日', () => {
    const open = replyDeadline(d('2025-09-26'), events, calendar, d('2025-11-17'));
    expect(open).toMatchObject({ dueOn: '2025-12-05', limitWorkingDays: 30, workingDaysUsed: 16, workingDaysLeft: 14, status: 'running' });
    expect(open.explanation).toEqual(
      expect.arrayContaining([
        '2025-10-20 第3个工作日',
        '2025-10-21至2025-10-27 征求第三方意见，暂停计算（条例第三十二条）',
        '2025-10-28 第4个工作日',
        '2025-11-13至2025-11-14 等待申请人缴纳信息处理费，暂停计算（国办函〔2020〕109号）',
        '2025-12-05 第30个工作日',
        '答复期限：2025-12-05（共30个工作日，含延长的10个工作日）',
      ]),
    );
  });

  it('replied on the 25th 工作日 is on time', () => {
    expect(replyDeadline(d('2025-09-26'), [...events, replied('2025-11-28')], calendar, d('2026-01-10'))).toMatchObject({
      status: 'replied-on-time',
      workingDaysUsed: 25,
      isOverdue: false,
    });
  });
});

describe('status at read time (received 2025-09-26, due 2025-10-30)', () => {
  it.each([
    ['2025-10-22', [], 'running', 14, false],
    ['2025-10-23', [], 'due-soon', 15, false],
    ['2025-10-30', [], 'due-soon', 20, false],
    ['2025-10-31', [], 'overdue', 21, true],
    ['2025-11-01', [], 'overdue', 21, true],
    ['2025-12-01', [replied('2025-10-30')], 'replied-on-time', 20, false],
    ['2025-12-01', [replied('2025-10-31')], 'replied-late', 21, true],
    ['2025-12-01', [{ type: 'withdrawn', on: d('2025-10-10') } as RequestEvent], 'closed', 5, false],
  ] as const)('today %s after %j: %s, %i 工作日 used', (today, events, status, used, isOverdue) => {
    expect(replyDeadline(d('2025-09-26'), events, calendar, d(today))).toMatchObject({ status, workingDaysUsed: used, isOverdue });
  });

  it('says how late an open case is', () => {
    expect(replyDeadline(d('2025-09-26'), [], calendar, d('2025-11-03')).explanation.at(-1)).toBe('截至2025-11-03已用22个工作日，已超过答复期限（2025-10-30）2个工作日');
  });

  it('lists a late reply after the count', () => {
    const deadline = replyDeadline(d('2025-09-26'), [replied('2025-10-31')], calendar, d('2025-12-01'));
    expect(deadline.explanation.slice(-3)).toEqual([
      '2025-10-31 作出答复：予以公开（条例第三十六条第（二）项）',
      '答复期限：2025-10-30（共20个工作日）',
      '2025-10-31 已答复，用时21个工作日，超过答复期限（2025-10-30）1个工作日',
    ]);
  });

  it('counts due-soon from the configured threshold', () => {
    expect(replyDeadline(d('2025-09-26'), [], calendar, d('2025-10-22'), { dueSoonWorkingDays: 6 }).status).toBe('due-soon');
  });

  it('refuses an event list the workflow would refuse', () => {
    expect(() => replyDeadline(d('2025-09-26'), [feePaid('2025-10-09')], calendar, d('2025-10-10'))).toThrow(RangeError);
  });
});
