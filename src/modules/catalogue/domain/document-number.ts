/**
 * 发文字号: 机关代字 + 年份 + 发文顺序号, e.g. 县科技发〔2023〕12号.
 * 《党政机关公文处理工作条例》 Art. 9(五) names the three parts; GB/T 9704-2012 §7.2.4 fixes the form:
 * 年份应标全称，用六角括号“〔〕”括入；发文顺序号不加“第”字，不编虚位（即1不编为01），在阿拉伯数字后加“号”字.
 */
import { yearOf, type LocalDate } from '../../../kernel/local-date.ts';

/** A well-formed 发文字号, split into its parts. */
export interface DocumentNumber {
  /** 机关代字, e.g. 县科技发 or xx政办发. */
  issuerCode: string;
  year: number;
  serial: number;
  /** The canonical text, e.g. 县科技发〔2023〕12号. */
  text: string;
}

/** Why a text is not a well-formed 发文字号 (or does not fit the document). */
export type DocumentNumberProblem =
  | 'required'
  | 'contains-whitespace'
  | 'malformed'
  | 'missing-issuer-code'
  | 'wrong-brackets'
  | 'year-not-full'
  | 'missing-suffix'
  | 'ordinal-prefix'
  | 'invalid-serial'
  | 'leading-zero'
  | 'year-mismatch';

/** The outcome of a check; a refusal may carry the corrected text to offer the officer. */
export type DocumentNumberCheck =
  | { ok: true; value: DocumentNumber }
  | { ok: false; reason: DocumentNumberProblem; suggestion?: string };

const OPEN = '〔';
const CLOSE = '〕';
/** Brackets officers type instead of 六角括号: ASCII, full-width, 方头, 龟甲 and angle brackets. */
const SHAPE = /^(?<issuer>.*?)(?<open>[〔[［(（【〖{｛〈<《])(?<year>\d+)(?<close>[〕\]］)）】〗}｝〉>》])(?<rest>.*)$/u;

const problem = (reason: DocumentNumberProblem, suggestion?: string): DocumentNumberCheck =>
  suggestion === undefined ? { ok: false, reason } : { ok: false, reason, suggestion };

/** Checks the form of a 发文字号 alone (GB/T 9704-2012 §7.2.4); see `validateDocumentNumber` for the year rule. */
export function parseDocumentNumber(input: string): DocumentNumberCheck {
  const text = input.trim();
  if (text === '') return problem('required');
  if (/\s/u.test(text)) return problem('contains-whitespace', text.replace(/\s+/gu, ''));
  const m = SHAPE.exec(text)?.groups;
  if (!m) return problem('malformed');
  const { issuer = '', open, year = '', close, rest = '' } = m;
  if (issuer === '') return problem('missing-issuer-code');
  if (open !== OPEN || close !== CLOSE) return problem('wrong-brackets', `${issuer}${OPEN}${year}${CLOSE}${rest}`);
  if (year.length !== 4) return problem('year-not-full');
  if (!rest.endsWith('号')) return problem(rest.includes('号') ? 'malformed' : 'missing-suffix');
  const serialText = rest.slice(0, -1);
  if (serialText.startsWith('第')) return problem('ordinal-prefix', `${issuer}${OPEN}${year}${CLOSE}${serialText.slice(1)}号`);
  if (!/^\d+$/.test(serialText) || /^0+$/.test(serialText)) return problem('invalid-serial');
  if (serialText.startsWith('0')) return problem('leading-zero', `${issuer}${OPEN}${year}${CLOSE}${Number(serialText)}号`);
  return { ok: true, value: { issuerCode: issuer, year: Number(year), serial: Number(serialText), text } };
}

/** Checks the form, then that the year in the number is the year of the 成文日期 (`writtenOn`). */
export function validateDocumentNumber(input: string, writtenOn: LocalDate): DocumentNumberCheck {
  const parsed = parseDocumentNumber(input);
  if (!parsed.ok) return parsed;
  return parsed.value.year === yearOf(writtenOn) ? parsed : problem('year-mismatch');
}
