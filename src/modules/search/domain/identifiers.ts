/**
 * 发文字号 and 索引号 as they appear in text and in queries. Officers and citizens type the
 * 六角括号 of a 发文字号 as [], （）, 【】 and so on (GB/T 9704-2012 §7.2.4 wants 〔〕), so text is
 * brought to the canonical brackets before it is cut, on the index side and the query side alike.
 */

const OPEN = '[［(（【〖{｛〈<《〔';
const CLOSE = '\\]］)）】〗}｝〉>》〕';
const ANY_BRACKETED_YEAR = new RegExp(`[${OPEN}]\\s*(\\d{4})\\s*[${CLOSE}]`, 'gu');

/** Unicode NFKC (full-width digits and letters become ASCII) and 〔year〕 in canonical brackets. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(ANY_BRACKETED_YEAR, '〔$1〕');
}

/** 机关代字〔年份〕顺序号号, on normalised text. The 机关代字 run may carry words before it in running text. */
export const DOCUMENT_NUMBER = /([\p{Script=Han}A-Za-z]{1,12})〔(\d{4})〕\s*(\d{1,6})\s*号/gu;

/** 索引号: organ code / year - serial (the default pattern; settings may add a unit part before the year). */
export const INDEX_NUMBER = /([0-9A-Za-z]{6,30})\/(?:[0-9A-Za-z]{1,10}-)?(\d{4})-(\d{1,8})/g;

/**
 * Whole-word tokens for the 机关代字 of every 发文字号 in `text`: each ending of the run before
 * 〔 of two or more characters (根据县科技发〔2023〕… gives 县科技发, 科技发, …), because running
 * text does not say where the 机关代字 begins.
 */
export function issuerCodeTokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(DOCUMENT_NUMBER)) {
    const run = m[1]!.toLowerCase();
    for (let start = 0; start <= run.length - 2; start++) out.push(run.slice(start));
  }
  return out;
}

/** A 发文字号 written as the canonical text (county brackets fixed), or undefined when `text` is none. */
export function canonicalDocumentNumber(text: string): string | undefined {
  const t = normalizeText(text).replace(/\s+/gu, '');
  const m = /^([\p{Script=Han}A-Za-z]{1,12})〔(\d{4})〕(\d{1,6})号$/u.exec(t);
  return m ? `${m[1]}〔${m[2]}〕${Number(m[3])}号` : undefined;
}
