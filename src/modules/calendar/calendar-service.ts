import { nextCounterValue } from '../../db/counters.ts';
import type { Db, Executor } from '../../db/database.ts';
import type { CalendarYearRow } from '../../db/schema.ts';
import type { Clock } from '../../kernel/clock.ts';
import { Conflict, InvalidInput, type FieldErrors } from '../../kernel/errors.ts';
import { OFFICIAL_CALENDAR_YEARS } from '../../kernel/official-calendar.ts';
import { validateCalendarYear, WorkingDayCalendar, type CalendarYear, type CalendarYearRefusal } from '../../kernel/working-days.ts';

/** Who changed the calendar: a user, or the system with a descriptive name. */
export interface CalendarActor {
  id: string | null;
  name: string;
}

/** Appends one audit record inside the caller's transaction (same shape as the audit module's AuditAppend). */
export type AuditAppend = (
  trx: Executor,
  entry: { actor: CalendarActor; action: string; subjectType: string; subjectId: string; before?: unknown; after?: unknown },
) => Promise<void>;

/** A stored year: the notice's data plus the optimistic-lock version and last change instant. */
export interface CalendarYearRecord extends CalendarYear {
  version: number;
  updatedAt: string;
}

/** Called after every committed calendar change, e.g. to recompute open 工作日 deadlines (HOLIDAYS.md §6). */
export type CalendarListener = (calendar: WorkingDayCalendar) => void | Promise<void>;

export interface CalendarServiceDeps {
  db: Db;
  clock: Clock;
  audit: AuditAppend;
  /** The committed calendar version (Database.readCounter of CALENDAR_VERSION_COUNTER), for `fresh()`; without it `fresh()` keeps the loaded calendar. */
  version?: () => Promise<number>;
}

/** The counter every change of the stored years bumps in its transaction: instances compare it with the version they loaded. */
export const CALENDAR_VERSION_COUNTER = 'calendar-version';

/** The actor recorded when the shipped notices are seeded. */
export const SHIPPED_CALENDAR_ACTOR: CalendarActor = { id: null, name: '系统（内置放假安排）' };

const SUBJECT_TYPE = 'calendar-year';

/** Which form field a refusal belongs to, for InvalidInput field errors. */
const REFUSAL_FIELD: Record<CalendarYearRefusal, string> = {
  'not-an-object': 'calendarYear',
  'invalid-year': 'year',
  'missing-notice': 'notice',
  'invalid-issued-on': 'issuedOn',
  'invalid-source': 'source',
  'invalid-date': 'off',
  'date-outside-year': 'off',
  'range-reversed': 'off',
  'ranges-overlap': 'off',
  'work-day-not-weekend': 'work',
  'work-day-inside-off': 'work',
  'duplicate-work-day': 'work',
};

/**
 * 放假与调休 calendar use cases: the table `calendar_years` is the data (REFERENCE.md §10: data, not code);
 * every change is audited in its transaction and announced to listeners so open deadlines are recomputed.
 */
export class CalendarService {
  readonly #db: Db;
  readonly #clock: Clock;
  readonly #audit: AuditAppend;
  readonly #listeners = new Set<CalendarListener>();
  readonly #version: (() => Promise<number>) | undefined;
  #calendar: WorkingDayCalendar | undefined;
  #loadedVersion: number | undefined;

  constructor(deps: CalendarServiceDeps) {
    this.#db = deps.db;
    this.#clock = deps.clock;
    this.#audit = deps.audit;
    this.#version = deps.version;
  }

  /** Reads every stored year into a fresh calendar and caches it. Throws if a stored row is invalid. */
  async load(): Promise<WorkingDayCalendar> {
    // The version first: a change committed while the years are read only makes the next `fresh()` load again.
    const version = await this.#version?.();
    const records = await this.listYears();
    this.#calendar = new WorkingDayCalendar(records.map(toCalendarYear));
    this.#loadedVersion = version;
    return this.#calendar;
  }

  /**
   * The calendar as stored now, whichever instance changed it: reloaded when the calendar version moved since the
   * last load. Called before the work of every request and scheduled job (web-app.ts, the scheduler), so that
   * `current()` within it is as fresh as the request (a 告知书 prints dates from it). Outside a transaction.
   */
  async fresh(): Promise<WorkingDayCalendar> {
    if (this.#calendar && (!this.#version || (await this.#version()) === this.#loadedVersion)) return this.#calendar;
    return this.load();
  }

  /** The cached calendar; call load() (or ensureShipped()) once at start-up first. */
  current(): WorkingDayCalendar {
    if (!this.#calendar) throw new Error('calendar not loaded: call CalendarService.load() first');
    return this.#calendar;
  }

  /** All stored years, ascending. */
  async listYears(): Promise<CalendarYearRecord[]> {
    const rows = await this.#db.selectFrom('calendar_years').selectAll().orderBy('year').execute();
    return rows.map(fromRow);
  }

  /** Stored year or undefined. */
  async findYear(year: number): Promise<CalendarYearRecord | undefined> {
    const row = await this.#db.selectFrom('calendar_years').selectAll().where('year', '=', year).executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  /**
   * Inserts the shipped years (OFFICIAL_CALENDAR_YEARS) that are missing; never overwrites a stored year, so an
   * administrator's correction survives restarts. Returns the years inserted; reloads and notifies when there are any.
   */
  async ensureShipped(): Promise<number[]> {
    const inserted = await this.#db.transaction().execute(async (trx) => {
      const years: number[] = [];
      for (const year of OFFICIAL_CALENDAR_YEARS) {
        const result = await trx
          .insertInto('calendar_years')
          .values(toRow(year, 1, this.#clock.now().toISOString()))
          .onConflict((oc) => oc.column('year').doNothing())
          .executeTakeFirst();
        if (Number(result.numInsertedOrUpdatedRows ?? 0n) === 0) continue;
        await this.#audit(trx, { actor: SHIPPED_CALENDAR_ACTOR, action: 'calendar-year.create', subjectType: SUBJECT_TYPE, subjectId: String(year.year), after: year });
        years.push(year.year);
      }
      if (years.length > 0) await nextCounterValue(trx, CALENDAR_VERSION_COUNTER);
      return years;
    });
    if (inserted.length > 0 || !this.#calendar) await this.#refresh(inserted.length > 0);
    return inserted;
  }

  /**
   * Adds or corrects one year (HOLIDAYS.md §6). `expectedVersion` is the version the form showed (0 for a new year);
   * a mismatch is Conflict('stale-version'). Invalid data is InvalidInput with the refusal under its field.
   * Listeners run after commit: the year is saved even if one of them fails (their errors are rethrown together).
   */
  async saveYear(actor: CalendarActor, input: unknown, expectedVersion?: number): Promise<CalendarYearRecord> {
    const checked = validateCalendarYear(input);
    if (!checked.ok) throw new InvalidInput({ [REFUSAL_FIELD[checked.reason]]: checked.reason } satisfies FieldErrors);
    const year = checked.value;
    const updatedAt = this.#clock.now().toISOString();
    const saved = await this.#db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('calendar_years').selectAll().where('year', '=', year.year).executeTakeFirst();
      const currentVersion = before ? Number(before.version) : 0;
      if (expectedVersion !== undefined && expectedVersion !== currentVersion) throw new Conflict('stale-version', { year: year.year, expectedVersion, currentVersion });
      const row = toRow(year, currentVersion + 1, updatedAt);
      const written = before
        ? await trx.updateTable('calendar_years').set(row).where('year', '=', year.year).where('version', '=', currentVersion).executeTakeFirst()
        : await trx.insertInto('calendar_years').values(row).onConflict((oc) => oc.column('year').doNothing()).executeTakeFirst();
      const count = 'numUpdatedRows' in written ? written.numUpdatedRows : (written.numInsertedOrUpdatedRows ?? 0n);
      if (Number(count) !== 1) throw new Conflict('stale-version', { year: year.year, expectedVersion, currentVersion });
      const after = fromRow(row);
      await this.#audit(trx, {
        actor,
        action: before ? 'calendar-year.update' : 'calendar-year.create',
        subjectType: SUBJECT_TYPE,
        subjectId: String(year.year),
        ...(before ? { before: fromRow(before) } : {}),
        after,
      });
      await nextCounterValue(trx, CALENDAR_VERSION_COUNTER);
      return after;
    });
    await this.#refresh(true);
    return saved;
  }

  /** Registers a listener for committed changes; returns the function that unregisters it. */
  onChange(listener: CalendarListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async #refresh(notify: boolean): Promise<void> {
    const calendar = await this.load();
    if (!notify) return;
    const errors: unknown[] = [];
    for (const listener of [...this.#listeners]) {
      try {
        await listener(calendar);
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw new AggregateError(errors, 'calendar-listeners-failed');
  }
}

function toRow(year: CalendarYear, version: number, updatedAt: string): CalendarYearRow {
  return {
    year: year.year,
    notice: year.notice,
    issued_on: year.issuedOn ?? null,
    source: year.source ?? null,
    off_json: JSON.stringify(year.off),
    work_json: JSON.stringify(year.work),
    version,
    updated_at: updatedAt,
  };
}

/** The one boundary where rows become domain values: a row that fails validation is corrupt data and throws. */
function fromRow(row: CalendarYearRow): CalendarYearRecord {
  const checked = validateCalendarYear({
    year: Number(row.year),
    notice: row.notice,
    issuedOn: row.issued_on,
    source: row.source,
    off: JSON.parse(row.off_json) as unknown,
    work: JSON.parse(row.work_json) as unknown,
  });
  if (!checked.ok) throw new Error(`calendar_years row ${row.year} is invalid: ${checked.reason} ${checked.detail ?? ''}`.trim());
  return { ...checked.value, version: Number(row.version), updatedAt: row.updated_at };
}

function toCalendarYear({ version: _version, updatedAt: _updatedAt, ...year }: CalendarYearRecord): CalendarYear {
  return year;
}
