/**
 * 发文字号 in running text. GB/T 9704-2012 §7.2.4: 年份应标全称，用六角括号“〔〕”括入；发文顺序号不加“第”字，
 * 不编虚位（即1不编为01）. The seed plan cites xx政办发(2023)37号 for xx政办发〔2023〕37号.
 * The finding spans the year bracket to 号 (the 机关代字 before it has no reliable left edge in running text);
 * replacing that span with the suggestion gives the correct number.
 * A court 案号 such as （2023）京0105民初1234号 has no 机关代字 before the bracket and letters after it, so it is not matched.
 */
import { finding, type Finding } from '../finding.ts';

const NUMBER = /(?<=[\p{Script=Han}A-Za-z])([〔[［(（【〖﹝{｛])(\d{4})([〕\]］)）】〗﹞}｝])(第?)(\d+)号/gu;

/** 文号 with wrong brackets, a 第 or a leading zero. */
export function findDocumentNumberProblems(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const [whole, open, year, close, ordinal, serial] = m as unknown as [string, string, string, string, string, string];
    const problems: Array<'brackets' | 'ordinal' | 'leading-zero'> = [];
    if (open !== '〔' || close !== '〕') problems.push('brackets');
    if (ordinal !== '') problems.push('ordinal');
    if (serial.startsWith('0') && Number(serial) > 0) problems.push('leading-zero');
    if (problems.length === 0) continue;
    const suggestion = `〔${year}〕${Number(serial)}号`;
    findings.push(
      finding(text, m.index, m.index + whole.length, {
        rule: `document-number/${problems[0]}`,
        category: 'document-number',
        severity: '确定',
        suggestion,
        message: `发文字号格式应为“…${suggestion}”：${problems.map((p) => MESSAGES[p]).join('；')}`,
      }),
    );
  }
  return findings;
}

const MESSAGES = {
  brackets: '年份用六角括号“〔〕”',
  ordinal: '顺序号不加“第”字',
  'leading-zero': '顺序号不编虚位',
} as const;
