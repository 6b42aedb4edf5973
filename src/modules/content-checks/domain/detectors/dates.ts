/**
 * Dates that cannot be or contradict each other: 2023年2月30日; a weekday that is not the date's; a range whose end
 * comes before its start; a 成文日期 (or the 落款 date) later than the 发布日期. Dates may be written in Arabic
 * digits (GB/T 9704-2012 §7.3.5.1) or in Chinese numerals (二〇二三年四月二十三日) as older documents do.
 */
import { compareDates, daysInMonth, dayOfWeek, formatChineseDate, parseLocalDate, type LocalDate } from '../../../../kernel/local-date.ts';
import { finding, type CheckContext, type Finding } from '../finding.ts';

const Y = '\\d{4}|[〇○零一二三四五六七八九]{4}';
const MD = '\\d{1,2}|[一二三四五六七八九十]{1,3}';
const FULL_DATE = new RegExp(`(?<!\\d)(${Y})\\s*年\\s*(${MD})\\s*月\\s*(${MD})\\s*[日号]`, 'gu');
const YEAR_MONTH = new RegExp(`(?<!\\d)(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月(?!\\s*(?:${MD})\\s*[日号])`, 'gu');
const MONTH_DAY = /(?<![\d年]\s*)(\d{1,2})月(\d{1,2})[日号]/gu;
const WEEKDAY_AFTER = /^\s*[（(]?\s*(星期|周|礼拜)([一二三四五六日天])/u;
const RANGE_END_AFTER = /^\s*(?:至|到|—|–|－|-|～|~)\s*(?:(\d{4})\s*年)?\s*(?:(\d{1,2})\s*月)?\s*(\d{1,2})\s*[日号]/u;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
/** The most days a month can have in any year. */
const MAX_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

interface DateMention {
  start: number;
  end: number;
  date: LocalDate;
}

/** Impossible dates, wrong weekdays, reversed ranges, and dates against the item's 成文/发布日期. */
export function findDateProblems(text: string, context: CheckContext = {}): Finding[] {
  const findings: Finding[] = [];
  const mentions: DateMention[] = [];
  for (const m of text.matchAll(FULL_DATE)) {
    const [year, month, day] = [numberOf(m[1]!), numberOf(m[2]!), numberOf(m[3]!)];
    const start = m.index;
    const end = start + m[0].length;
    if (year < 1900 || year > 2999) continue;
    const date = toLocalDate(year, month, day);
    if (!date) {
      findings.push(impossible(text, start, end, year, month, day));
      continue;
    }
    mentions.push({ start, end, date });
    const weekday = checkWeekday(text, end, date);
    if (weekday) findings.push(weekday);
    const range = checkRange(text, end, year, month, date);
    if (range) findings.push(range);
  }
  for (const m of text.matchAll(YEAR_MONTH)) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) findings.push(impossible(text, m.index, m.index + m[0].length, Number(m[1]), month));
  }
  for (const m of text.matchAll(MONTH_DAY)) {
    const [month, day] = [Number(m[1]), Number(m[2])];
    if (month < 1 || month > 12 || day < 1 || day > MAX_DAYS[month - 1]!) {
      findings.push(impossible(text, m.index, m.index + m[0].length, undefined, month, day));
    }
  }
  findings.push(...checkAgainstContext(text, mentions, context));
  return findings;
}

function impossible(text: string, start: number, end: number, year: number | undefined, month: number, day?: number): Finding {
  const reason =
    month < 1 || month > 12
      ? `没有${month}月`
      : `${year === undefined ? '' : `${year}年`}${month}月只有${year === undefined ? MAX_DAYS[month - 1] : daysInMonth(year, month)}天`;
  return finding(text, start, end, {
    rule: 'date/impossible',
    category: 'date',
    severity: '确定',
    suggestion: '',
    message: `日期不存在：${reason}${day === undefined ? '' : `，没有${day}日`}`,
  });
}

function checkWeekday(text: string, dateEnd: number, date: LocalDate): Finding | undefined {
  const m = WEEKDAY_AFTER.exec(text.slice(dateEnd, dateEnd + 12));
  if (!m) return undefined;
  const written = m[2] === '天' ? '日' : m[2]!;
  const actual = WEEKDAYS[dayOfWeek(date)]!;
  if (written === actual) return undefined;
  const start = dateEnd + m[0].length - m[1]!.length - 1;
  return finding(text, start, dateEnd + m[0].length, {
    rule: 'date/weekday',
    category: 'date',
    severity: '确定',
    suggestion: `${m[1]}${actual}`,
    message: `${formatChineseDate(date)}是星期${actual}，不是${m[1]}${m[2]}`,
  });
}

function checkRange(text: string, dateEnd: number, year: number, month: number, startDate: LocalDate): Finding | undefined {
  const m = RANGE_END_AFTER.exec(text.slice(dateEnd, dateEnd + 24));
  if (!m) return undefined;
  const endDate = toLocalDate(m[1] ? Number(m[1]) : year, m[2] ? Number(m[2]) : month, Number(m[3]));
  if (!endDate || compareDates(endDate, startDate) >= 0) return undefined;
  return finding(text, dateEnd + m[0].length - m[0].trimStart().length, dateEnd + m[0].length, {
    rule: 'date/reversed-range',
    category: 'date',
    severity: '疑似',
    suggestion: '',
    message: `截止日期${formatChineseDate(endDate)}早于起始日期${formatChineseDate(startDate)}`,
  });
}

/** 成文日期 and 落款 against the item's metadata. The 落款 is the last date in the closing lines. */
function checkAgainstContext(text: string, mentions: readonly DateMention[], context: CheckContext): Finding[] {
  const { writtenOn, publishedOn } = context;
  const tail = text.trimEnd().length - 80;
  const signature = mentions.filter((m) => m.start >= tail).at(-1);
  if (writtenOn && publishedOn && compareDates(writtenOn, publishedOn) > 0) {
    const at = mentions.filter((m) => m.date === writtenOn).at(-1);
    return [writtenAfterPublished(text, at?.start ?? 0, at?.end ?? 0, writtenOn, publishedOn)];
  }
  if (!writtenOn && publishedOn && signature && compareDates(signature.date, publishedOn) > 0) {
    return [writtenAfterPublished(text, signature.start, signature.end, signature.date, publishedOn)];
  }
  if (writtenOn && signature && signature.date !== writtenOn) {
    return [
      finding(text, signature.start, signature.end, {
        rule: 'date/signature-mismatch',
        category: 'date',
        severity: '疑似',
        suggestion: formatChineseDate(writtenOn),
        message: `落款日期${formatChineseDate(signature.date)}与成文日期${formatChineseDate(writtenOn)}不一致`,
      }),
    ];
  }
  return [];
}

function writtenAfterPublished(text: string, start: number, end: number, writtenOn: LocalDate, publishedOn: LocalDate): Finding {
  return finding(text, start, end, {
    rule: 'date/written-after-published',
    category: 'date',
    severity: '确定',
    suggestion: '',
    message: `成文日期${formatChineseDate(writtenOn)}晚于发布日期${formatChineseDate(publishedOn)}`,
  });
}

function toLocalDate(year: number, month: number, day: number): LocalDate | undefined {
  const pad = (n: number) => String(n).padStart(2, '0');
  return parseLocalDate(`${year}-${pad(month)}-${pad(day)}`);
}

const DIGITS: Readonly<Record<string, number>> = {
  '〇': 0, '○': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
};

/** 2023, 二〇二三 (digit by digit), 十二, 二十三, 三十一. */
function numberOf(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  if (!text.includes('十')) return Number([...text].map((c) => DIGITS[c] ?? 0).join(''));
  const [tens, ones] = text.split('十') as [string, string];
  return (tens === '' ? 1 : DIGITS[tens] ?? 0) * 10 + (ones === '' ? 0 : DIGITS[ones] ?? 0);
}
