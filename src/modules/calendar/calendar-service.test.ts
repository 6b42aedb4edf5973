import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database, type Executor } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import { fixedClock } from '../../kernel/clock.ts';
import { Conflict, InvalidInput } from '../../kernel/errors.ts';
import { localDate as d } from '../../kernel/local-date.ts';
import { OFFICIAL_CALENDAR_YEARS } from '../../kernel/official-calendar.ts';
import type { CalendarYear, WorkingDayCalendar } from '../../kernel/working-days.ts';
import { CalendarService, SHIPPED_CALENDAR_ACTOR, type AuditAppend } from './calendar-service.ts';

/** TEST DATA ONLY: an invented 2027 notice, not the official one (which does not exist yet). */
const TEST_ONLY_2027: CalendarYear = {
  year: 2027,
  notice: '测试数据（非官方）2027年放假安排',
  issuedOn: d('2026-11-01'),
  source: null,
  off: [
    [d('2027-01-01'), d('2027-01-03')],
    [d('2027-02-05'), d('2027-02-13')],
    [d('2027-10-01'), d('2027-10-07')],
  ],
  work: [d('2027-02-20'), d('2027-09-26'), d('2027-10-09')],
};

const admin = { id: 'user-admin', name: '管理员甲' };
const year2025 = () => structuredClone(OFFICIAL_CALENDAR_YEARS.find((y) => y.year === 2025)!);

let database: Database;
let service: CalendarService;
let auditCalls: { isTransaction: boolean; entry: Parameters<AuditAppend>[1] }[];
let failAudit: boolean;
const clock = fixedClock('2026-11-29T02:00:00.000Z');

beforeEach(async () => {
  database = openDatabase(':memory:');
  await migrate(database);
  auditCalls = [];
  failAudit = false;
  const audit: AuditAppend = async (trx: Executor, entry) => {
    if (failAudit) throw new Error('audit down');
    auditCalls.push({ isTransaction: trx.isTransaction, entry });
  };
  service = new CalendarService({ db: database.db, clock, audit });
});

afterEach(async () => {
  await database.destroy();
});

describe('ensureShipped', () => {
  it('inserts the three shipped years once, audited as the system, and is idempotent', async () => {
    expect(await service.ensureShipped()).toEqual([2024, 2025, 2026]);
    expect(auditCalls.map((c) => [c.entry.action, c.entry.subjectId, c.entry.actor, c.isTransaction])).toEqual([
      ['calendar-year.create', '2024', SHIPPED_CALENDAR_ACTOR, true],
      ['calendar-year.create', '2025', SHIPPED_CALENDAR_ACTOR, true],
      ['calendar-year.create', '2026', SHIPPED_CALENDAR_ACTOR, true],
    ]);
    expect(await service.ensureShipped()).toEqual([]);
    expect(auditCalls).toHaveLength(3);
    const years = await service.listYears();
    expect(years.map((y) => [y.year, y.version, y.updatedAt])).toEqual([
      [2024, 1, '2026-11-29T02:00:00.000Z'],
      [2025, 1, '2026-11-29T02:00:00.000Z'],
      [2026, 1, '2026-11-29T02:00:00.000Z'],
    ]);
    expect(years.map(({ version: _v, updatedAt: _u, ...year }) => year)).toEqual(OFFICIAL_CALENDAR_YEARS);
    expect(service.current().lastKnownYear).toBe(2026);
  });

  it('does not overwrite an administrator correction', async () => {
    await service.ensureShipped();
    await service.saveYear(admin, { ...year2025(), notice: '国办发明电〔2024〕12号（更正）' }, 1);
    expect(await service.ensureShipped()).toEqual([]);
    expect(await service.findYear(2025)).toMatchObject({ notice: '国办发明电〔2024〕12号（更正）', version: 2 });
  });

  it('fills in only the missing years', async () => {
    await service.saveYear(admin, year2025());
    expect(await service.ensureShipped()).toEqual([2024, 2026]);
  });
});

describe('load and current', () => {
  it('refuses current() before load', () => {
    expect(() => service.current()).toThrow(/not loaded/);
  });

  it('loads an empty table as a fully provisional calendar', async () => {
    const calendar = await service.load();
    expect(calendar.lastKnownYear).toBeUndefined();
    expect(calendar.addWorkingDays(d('2025-09-26'), 7)).toEqual({ date: d('2025-10-10'), isProvisional: true }); // 9/29, 9/30, 10/6–10/10: only 10/1–3 are fixed holidays;
  });

  it('throws on a corrupt stored row rather than computing on it', async () => {
    await service.ensureShipped();
    await database.db.updateTable('calendar_years').set({ work_json: '["2025-01-27"]' }).where('year', '=', 2025).execute();
    await expect(service.load()).rejects.toThrow(/2025 is invalid: work-day-not-weekend/);
  });
});

describe('saveYear', () => {
  beforeEach(async () => {
    await service.ensureShipped();
    auditCalls = [];
  });

  it('adding 2027 clears the provisional flags and notifies listeners with the new calendar', async () => {
    const before = service.current();
    expect(before.addWorkingDays(d('2026-12-15'), 20)).toEqual({ date: '2027-01-13', isProvisional: true });
    expect(before.isWorkingDay(d('2027-02-05'))).toBe(true);
    const seen: WorkingDayCalendar[] = [];
    service.onChange((calendar) => {
      seen.push(calendar);
    });

    const saved = await service.saveYear(admin, TEST_ONLY_2027, 0);

    expect(saved).toEqual({ ...TEST_ONLY_2027, version: 1, updatedAt: '2026-11-29T02:00:00.000Z' });
    const after = service.current();
    expect(seen).toEqual([after]);
    expect(after.lastKnownYear).toBe(2027);
    expect(after.addWorkingDays(d('2026-12-15'), 20)).toEqual({ date: '2027-01-13', isProvisional: false });
    expect(after.isWorkingDay(d('2027-02-05'))).toBe(false);
    expect(after.describeDay(d('2027-02-20'))).toEqual({ isWorkingDay: true, reason: 'make-up-working-day', holidayNotice: TEST_ONLY_2027.notice });
    expect(auditCalls).toEqual([
      { isTransaction: true, entry: { actor: admin, action: 'calendar-year.create', subjectType: 'calendar-year', subjectId: '2027', after: saved } },
    ]);
  });

  it('a correction bumps the version and audits before and after once', async () => {
    const corrected = { ...year2025(), work: [...year2025().work, '2025-02-09'] };
    const saved = await service.saveYear(admin, corrected, 1);
    expect(saved.version).toBe(2);
    expect(service.current().isWorkingDay(d('2025-02-09'))).toBe(true);
    expect(auditCalls).toHaveLength(1);
    const entry = auditCalls[0]!.entry;
    expect(entry.action).toBe('calendar-year.update');
    expect(entry.before).toMatchObject({ year: 2025, version: 1, work: year2025().work });
    expect(entry.after).toMatchObject({ year: 2025, version: 2, work: ['2025-01-26', '2025-02-08', '2025-02-09', '2025-04-27', '2025-09-28', '2025-10-11'] });
  });

  it('refuses a stale version with Conflict(stale-version) and changes nothing', async () => {
    await service.saveYear(admin, { ...year2025(), notice: '第一次更正' }, 1);
    const stale = service.saveYear(admin, { ...year2025(), notice: '第二次更正' }, 1);
    await expect(stale).rejects.toBeInstanceOf(Conflict);
    await expect(stale).rejects.toMatchObject({ code: 'stale-version', status: 409 });
    await expect(service.saveYear(admin, TEST_ONLY_2027, 1)).rejects.toMatchObject({ code: 'stale-version' });
    expect(await service.findYear(2025)).toMatchObject({ notice: '第一次更正', version: 2 });
    expect(await service.findYear(2027)).toBeUndefined();
    expect(auditCalls).toHaveLength(1);
  });

  it('refuses invalid data with the refusal under its field', async () => {
    const attempt = service.saveYear(admin, { ...TEST_ONLY_2027, work: ['2027-02-15'] });
    await expect(attempt).rejects.toBeInstanceOf(InvalidInput);
    await expect(attempt).rejects.toMatchObject({ fields: { work: 'work-day-not-weekend' } });
    await expect(service.saveYear(admin, { ...TEST_ONLY_2027, notice: '' })).rejects.toMatchObject({ fields: { notice: 'missing-notice' } });
    expect(await service.findYear(2027)).toBeUndefined();
    expect(auditCalls).toEqual([]);
  });

  it('rolls the save back when the audit append fails (same transaction)', async () => {
    failAudit = true;
    await expect(service.saveYear(admin, TEST_ONLY_2027)).rejects.toThrow('audit down');
    expect(await service.findYear(2027)).toBeUndefined();
    expect(service.current().lastKnownYear).toBe(2026);
  });

  it('keeps the save when a listener fails, reports the failure, and stops notifying after unsubscribe', async () => {
    let calls = 0;
    const unsubscribe = service.onChange(() => {
      calls++;
      throw new Error('recompute failed');
    });
    await expect(service.saveYear(admin, TEST_ONLY_2027)).rejects.toThrow('calendar-listeners-failed');
    expect(await service.findYear(2027)).toMatchObject({ version: 1 });
    expect(service.current().lastKnownYear).toBe(2027);
    unsubscribe();
    await service.saveYear(admin, { ...TEST_ONLY_2027, source: 'https://example.invalid/test-only' }, 1);
    expect(calls).toBe(1);
  });
});
