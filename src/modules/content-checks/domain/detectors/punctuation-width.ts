/**
 * Half-width punctuation in Chinese text (GB/T 15834-2011 §3: 标点符号 in Chinese are full-width), as in the seed
 * plan's “精神,不断扩大” and “(办公室牵头负责)”. Marks between Latin letters or digits (1,000; 10:30; “1.”
 * numbering) are left alone.
 */
import { codePointBefore, hasHan, isChinese, isHan, nextVisibleCodePoint, previousVisibleCodePoint } from '../cjk.ts';
import { finding, type Finding } from '../finding.ts';

const FULL_WIDTH: Readonly<Record<string, string>> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

/** One finding per half-width mark in Chinese text, with its full-width form. */
export function findHalfWidthPunctuation(text: string): Finding[] {
  const flagged = new Map<number, { end: number; suggestion: string }>();
  flagSimpleMarks(text, flagged);
  flagPeriods(text, flagged);
  flagParentheses(text, flagged);
  flagQuotes(text, flagged);
  return [...flagged.entries()]
    .sort(([a], [b]) => a - b)
    .map(([start, { end, suggestion }]) =>
      finding(text, start, end, {
        rule: 'punctuation-width/half-width',
        category: 'punctuation-width',
        severity: '疑似',
        suggestion,
        message: `中文中应使用全角标点“${suggestion}”`,
      }),
    );
}

type Flags = Map<number, { end: number; suggestion: string }>;

function flagSimpleMarks(text: string, flagged: Flags): void {
  for (const m of text.matchAll(/[,;:?!]/g)) {
    const i = m.index;
    const before = previousVisibleCodePoint(text, i);
    const after = nextVisibleCodePoint(text, i + 1);
    if (isChinese(before) || isChinese(after)) flagged.set(i, { end: i + 1, suggestion: FULL_WIDTH[m[0]]! });
  }
}

/** 科技局. → 。 and 等... → ……; 1.进一步 (a third-level heading) keeps its period. */
function flagPeriods(text: string, flagged: Flags): void {
  for (const m of text.matchAll(/\.+/g)) {
    if (!isHan(codePointBefore(text, m.index))) continue;
    flagged.set(m.index, { end: m.index + m[0].length, suggestion: m[0].length > 1 ? '……' : '。' });
  }
}

/**
 * A pair (…) is Chinese when it encloses Han characters, follows Chinese, or is followed by a Han character;
 * Smart Farming (Phase II)， keeps its English brackets. An unpaired ( or ) is Chinese when it touches Chinese.
 */
function flagParentheses(text: string, flagged: Flags): void {
  const paired = new Set<number>();
  for (const m of text.matchAll(/\(([^()\n]{0,300})\)/g)) {
    const open = m.index;
    const close = open + m[0].length - 1;
    paired.add(open).add(close);
    const isChinesePair = hasHan(m[1]!) || isChinese(codePointBefore(text, open)) || isHan(text.codePointAt(close + 1));
    if (!isChinesePair) continue;
    flagged.set(open, { end: open + 1, suggestion: '（' });
    flagged.set(close, { end: close + 1, suggestion: '）' });
  }
  for (const m of text.matchAll(/[()]/g)) {
    if (paired.has(m.index)) continue;
    if (isChinese(codePointBefore(text, m.index)) || isChinese(text.codePointAt(m.index + 1))) {
      flagged.set(m.index, { end: m.index + 1, suggestion: FULL_WIDTH[m[0]]! });
    }
  }
}

/** "…" around or beside Chinese → “…”. */
function flagQuotes(text: string, flagged: Flags): void {
  for (const m of text.matchAll(/"([^"\n]{0,300})"/g)) {
    const open = m.index;
    const close = open + m[0].length - 1;
    if (!hasHan(m[1]!) && !isChinese(codePointBefore(text, open)) && !isChinese(text.codePointAt(close + 1))) continue;
    flagged.set(open, { end: open + 1, suggestion: '“' });
    flagged.set(close, { end: close + 1, suggestion: '”' });
  }
}
