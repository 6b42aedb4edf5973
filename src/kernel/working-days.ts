import { addDays, dayOfWeek, daysBetween, parseLocalDate, yearOf, type LocalDate } from './local-date.ts';
import { ok, refuse, type Result } from './result.ts';

/**
 * One year of the 国务院办公厅 holiday notice (国办发明电), exactly the JSON record of HOLIDAYS.md §6:
 * `off` = inclusive 放假 blocks (weekend days inside them included), `work` = 调休 working Saturdays/Sundays.
 */
export interface CalendarYear {
  year: number;
  notice: string;
  issuedOn?: LocalDate | null;
  source?: string | null;
  off: [LocalDate, LocalDate][];
  work: LocalDate[];
}

/** Why a calendar year record is refused (closed union, STYLE.md §3). */
export type CalendarYearRefusal =
  | 'not-an-object'
  | 'invalid-year'
  | 'missing-notice'
  | 'invalid-issued-on'
  | 'invalid-source'
  | 'invalid-date'
  | 'date-outside-year'
  | 'range-reversed'
  | 'ranges-overlap'
  | 'work-day-not-weekend'
  | 'work-day-inside-off'
  | 'duplicate-work-day';

/** Why a date is or is not a 工作日, for line-by-line deadline explanations. */
export type DayReason =
  | 'weekday'
  | 'weekend'
  | 'holiday'
  | 'make-up-working-day'
  | 'provisional-weekday'
  | 'provisional-holiday'
  | 'provisional-weekend';

/** The verdict on one date: working or not, why, and the notice (or 办法 article) behind it. */
export interface DayDescription {
  isWorkingDay: boolean;
  reason: DayReason;
  holidayNotice?: string;
}

/** Cited on provisional holidays: the fixed dates of Art. 2 apply until the year's notice is added. */
export const PROVISIONAL_HOLIDAY_BASIS = '《全国年节及纪念日放假办法》第二条（暂按固定日期，待当年通知发布）';

/** 《全国年节及纪念日放假办法》 Art. 2 fixed-date holidays (MM-DD): 元旦; 劳动节 5月1日、2日; 国庆节 10月1日至3日. */
const FIXED_DATE_HOLIDAYS: ReadonlySet<string> = new Set(['01-01', '05-01', '05-02', '10-01', '10-02', '10-03']);

const isWeekend = (dow: number): boolean => dow === 0 || dow === 6;

/**
 * Checks a year record (HOLIDAYS.md §6): dates parse and lie in the year, ranges ordered and disjoint,
 * 调休 days are Saturdays/Sundays outside every 放假 block (办法 Art. 7), notice non-empty. Returns a sorted copy.
 */
export function validateCalendarYear(input: unknown): Result<CalendarYear, CalendarYearRefusal> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return refuse('not-an-object');
  const r = input as Record<string, unknown>;
  const year = r.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1900 || year > 2999) return refuse('invalid-year', String(year));
  if (typeof r.notice !== 'string' || r.notice.trim() === '') return refuse('missing-notice');
  const issuedOn = r.issuedOn ?? null;
  if (issuedOn !== null && (typeof issuedOn !== 'string' || !parseLocalDate(issuedOn))) return refuse('invalid-issued-on', String(issuedOn));
  const source = r.source ?? null;
  if (source !== null && typeof source !== 'string') return refuse('invalid-source');
  if (!Array.isArray(r.off) || !Array.isArray(r.work)) return refuse('not-an-object', 'off and work must be arrays');

  const dateIn = (value: unknown): Result<LocalDate, 'invalid-date' | 'date-outside-year'> => {
    const date = typeof value === 'string' ? parseLocalDate(value) : undefined;
    if (!date) return refuse('invalid-date', String(value));
    return yearOf(date) === year ? ok(date) : refuse('date-outside-year', date);
  };

  const off: [LocalDate, LocalDate][] = [];
  for (const range of r.off as unknown[]) {
    if (!Array.isArray(range) || range.length !== 2) return refuse('invalid-date', JSON.stringify(range));
    const start = dateIn(range[0]);
    if (!start.ok) return start;
    const end = dateIn(range[1]);
    if (!end.ok) return end;
    if (start.value > end.value) return refuse('range-reversed', `${start.value}..${end.value}`);
    off.push([start.value, end.value]);
  }
  off.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (let i = 1; i < off.length; i++) {
    if (off[i]![0] <= off[i - 1]![1]) return refuse('ranges-overlap', `${off[i - 1]![0]}..${off[i - 1]![1]} / ${off[i]![0]}..${off[i]![1]}`);
  }

  const work: LocalDate[] = [];
  for (const value of r.work as unknown[]) {
    const day = dateIn(value);
    if (!day.ok) return day;
    if (!isWeekend(dayOfWeek(day.value))) return refuse('work-day-not-weekend', day.value);
    if (off.some(([s, e]) => s <= day.value && day.value <= e)) return refuse('work-day-inside-off', day.value);
    if (work.includes(day.value)) return refuse('duplicate-work-day', day.value);
    work.push(day.value);
  }
  work.sort();

  return ok({ year, notice: r.notice.trim(), issuedOn: issuedOn as LocalDate | null, source: source as string | null, off, work });
}

interface YearIndex {
  record: CalendarYear;
  offDays: ReadonlySet<string>;
  workDays: ReadonlySet<string>;
}

/** A year's verdicts precomputed as one flag per day (index 0 = 1月1日), so walks do no date arithmetic. */
interface YearTable {
  jan1: LocalDate;
  isKnown: boolean;
  working: Uint8Array;
}

function indexYear(record: CalendarYear): YearIndex {
  const offDays = new Set<string>();
  for (const [start, end] of record.off) {
    for (let d = start; d <= end; d = addDays(d, 1)) offDays.add(d);
  }
  return { record, offDays, workDays: new Set(record.work) };
}

/**
 * The official 工作日 calendar (HOLIDAYS.md §2): Mon–Fri outside the notice's 放假 blocks, plus its 调休 days.
 * Years without a notice are provisional: Mon–Fri minus the weekday fixed-date holidays of 办法 Art. 2 (§6).
 */
export class WorkingDayCalendar {
  readonly #years = new Map<number, YearIndex>();
  readonly #tables = new Map<number, YearTable>();
  /** The latest year with a notice in the data, or undefined when there is none. */
  readonly lastKnownYear: number | undefined;

  /** Throws RangeError on an invalid record or a year given twice: the data is validated before it gets here. */
  constructor(years: readonly CalendarYear[]) {
    for (const input of years) {
      const checked = validateCalendarYear(input);
      if (!checked.ok) throw new RangeError(`invalid calendar year ${String(input.year)}: ${checked.reason} ${checked.detail ?? ''}`.trim());
      if (this.#years.has(checked.value.year)) throw new RangeError(`calendar year ${checked.value.year} given twice`);
      this.#years.set(checked.value.year, indexYear(checked.value));
    }
    for (const year of this.#years.keys()) this.#table(year);
    this.lastKnownYear = this.#years.size === 0 ? undefined : Math.max(...this.#years.keys());
  }

  /** The years with a notice, ascending. */
  get years(): CalendarYear[] {
    return [...this.#years.keys()].sort((a, b) => a - b).map((y) => this.#years.get(y)!.record);
  }

  /** True when the date's year has no notice in the data (HOLIDAYS.md §6 provisional rule). */
  isProvisional(date: LocalDate): boolean {
    return !this.#years.has(yearOf(date));
  }

  /** Whether the date is a 工作日 (HOLIDAYS.md §2; provisional rule for years without a notice). */
  isWorkingDay(date: LocalDate): boolean {
    const table = this.#table(yearOf(date));
    return table.working[daysBetween(table.jan1, date)] === 1;
  }

  /** Why the date is or is not a 工作日: notice 放假/调休 (办法 Art. 6, 7), weekday/weekend, or the provisional rule. */
  describeDay(date: LocalDate): DayDescription {
    const index = this.#years.get(yearOf(date));
    const weekend = isWeekend(dayOfWeek(date));
    if (!index) {
      if (weekend) return { isWorkingDay: false, reason: 'provisional-weekend' };
      if (FIXED_DATE_HOLIDAYS.has(date.slice(5))) return { isWorkingDay: false, reason: 'provisional-holiday', holidayNotice: PROVISIONAL_HOLIDAY_BASIS };
      return { isWorkingDay: true, reason: 'provisional-weekday' };
    }
    if (index.workDays.has(date)) return { isWorkingDay: true, reason: 'make-up-working-day', holidayNotice: index.record.notice };
    if (index.offDays.has(date)) return { isWorkingDay: false, reason: 'holiday', holidayNotice: index.record.notice };
    return weekend ? { isWorkingDay: false, reason: 'weekend' } : { isWorkingDay: true, reason: 'weekday' };
  }

  /**
   * The date `n` (integer >= 1) 工作日 after `start`, the start day not counted (HOLIDAYS.md §7, REFERENCE.md §10):
   * n = 1 from a Friday is the next 工作日. Provisional when any examined day lies in a year without a notice.
   */
  addWorkingDays(start: LocalDate, n: number): { date: LocalDate; isProvisional: boolean } {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days must be an integer >= 1, got ${n}`);
    let counted = 0;
    const walk = this.#walk(addDays(start, 1), (isWorking) => (isWorking ? ++counted < n : true));
    return { date: addDays(start, walk.steps), isProvisional: walk.isProvisional };
  }

  /** The number of 工作日 d with after < d <= upTo (0 when upTo <= after), e.g. days elapsed since receipt. */
  countWorkingDays(after: LocalDate, upTo: LocalDate): { days: number; isProvisional: boolean } {
    if (upTo <= after) return { days: 0, isProvisional: false };
    let days = 0;
    let left = daysBetween(after, upTo);
    const walk = this.#walk(addDays(after, 1), (isWorking) => {
      if (isWorking) days++;
      return --left > 0;
    });
    return { days, isProvisional: walk.isProvisional };
  }

  /** The 工作日 from `from` to `to`, both inclusive (empty when to < from), ascending. */
  workingDaysIn(from: LocalDate, to: LocalDate): { dates: LocalDate[]; isProvisional: boolean } {
    if (to < from) return { dates: [], isProvisional: false };
    const dates: LocalDate[] = [];
    const total = daysBetween(from, to) + 1;
    let step = 0;
    const walk = this.#walk(from, (isWorking) => {
      if (isWorking) dates.push(addDays(from, step));
      return ++step < total;
    });
    return { dates, isProvisional: walk.isProvisional };
  }

  /** Visits days from `first` on while `visit` returns true; `steps` = days visited (the last one included). */
  #walk(first: LocalDate, visit: (isWorking: boolean) => boolean): { steps: number; isProvisional: boolean } {
    let year = yearOf(first);
    let table = this.#table(year);
    let index = daysBetween(table.jan1, first);
    let isProvisional = !table.isKnown;
    for (let steps = 1; ; steps++, index++) {
      if (index >= table.working.length) {
        table = this.#table(++year);
        index = 0;
        if (!table.isKnown) isProvisional = true;
      }
      if (!visit(table.working[index] === 1)) return { steps, isProvisional };
    }
  }

  #table(year: number): YearTable {
    let table = this.#tables.get(year);
    if (table) return table;
    const jan1 = `${String(year).padStart(4, '0')}-01-01` as LocalDate;
    const length = daysBetween(jan1, `${String(year + 1).padStart(4, '0')}-01-01` as LocalDate);
    const working = new Uint8Array(length);
    for (let i = 0; i < length; i++) working[i] = this.describeDay(addDays(jan1, i)).isWorkingDay ? 1 : 0;
    table = { jan1, isKnown: this.#years.has(year), working };
    this.#tables.set(year, table);
    return table;
  }
}
