/**
 * Quotation marks and brackets that do not pair (GB/T 15834-2011 §4.1 引号, §4.2 括号, §4.15 书名号).
 * 〞 and 〝 count as ” and “ here; the conversion rules report the characters themselves.
 * Pairs may span line breaks up to the next blank line, because PDF text layers and hard-wrapped text break lines
 * inside sentences. A quotation running over several paragraphs opens each paragraph with “ and closes only the
 * last (§4.1.3.4), so an open quotation ends silently when the next paragraph starts with the same opening mark.
 */
import { finding, type Finding } from '../finding.ts';

const PAIRS: Readonly<Record<string, string>> = {
  '“': '”', '〝': '”', '‘': '’', '（': '）', '(': '）', '《': '》', '〈': '〉', '【': '】', '〔': '〕', '「': '」', '『': '』',
};
/** Closing mark → the family it closes (the canonical opening mark). */
const CLOSERS: Readonly<Record<string, string>> = {
  '”': '“', '〞': '“', '’': '‘', '）': '（', ')': '（', '》': '《', '〉': '〈', '】': '【', '〕': '〔', '」': '「', '』': '『',
};
const familyOfOpener = (c: string): string => (c === '〝' ? '“' : c === '(' ? '（' : c);
const QUOTE_FAMILIES = new Set(['“', '‘', '「', '『']);
const MARKS = new Set([...Object.keys(PAIRS), ...Object.keys(CLOSERS), '\n'].map((c) => c.charCodeAt(0)));

interface Open {
  family: string;
  index: number;
}

/** Unclosed, unopened and mismatched quotation marks and brackets. */
export function findUnpairedMarks(text: string): Finding[] {
  const findings: Finding[] = [];
  const closers = new CloserIndex(text);
  let stack: Open[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!MARKS.has(text.charCodeAt(i))) continue;
    const c = text[i]!;
    if (c === '\n') {
      stack = endLine(text, i, stack, closers, findings);
    } else if (PAIRS[c] !== undefined) {
      stack.push({ family: familyOfOpener(c), index: i });
    } else if (CLOSERS[c] !== undefined && !isApostrophe(text, i)) {
      closeMark(text, i, CLOSERS[c]!, stack, closers, findings);
    }
  }
  endLine(text, text.length, stack, closers, findings);
  return findings;
}

function closeMark(text: string, i: number, family: string, stack: Open[], closers: CloserIndex, findings: Finding[]): void {
  let depth = stack.length - 1;
  while (depth >= 0 && stack[depth]!.family !== family) depth--;
  if (depth >= 0) {
    for (const open of stack.splice(depth).slice(1)) findings.push(unclosed(text, open));
    return;
  }
  const top = stack.at(-1);
  if (top && !closers.closesLaterInBlock(i + 1, top.family)) {
    stack.pop();
    findings.push(
      finding(text, i, i + 1, {
        rule: 'pairing/mismatched',
        category: 'pairing',
        severity: '确定',
        suggestion: PAIRS[top.family]!,
        message: `“${text[top.index]}”与“${text[i]}”不成对，应为“${PAIRS[top.family]}”`,
      }),
    );
    return;
  }
  findings.push(
    finding(text, i, i + 1, {
      rule: 'pairing/unopened',
      category: 'pairing',
      severity: '疑似',
      suggestion: '',
      message: `“${text[i]}”前面没有对应的“${family}”`,
    }),
  );
}

/** At a line break: a continued quotation ends silently, a mark closed later in the block stays open, the rest are unclosed. */
function endLine(text: string, index: number, stack: readonly Open[], closers: CloserIndex, findings: Finding[]): Open[] {
  let at = index + 1;
  while (at < text.length && /\s/.test(text[at]!)) at++;
  const next = text[at];
  const kept: Open[] = [];
  stack.forEach((open, depth) => {
    if (depth === 0 && QUOTE_FAMILIES.has(open.family) && next !== undefined && familyOfOpener(next) === open.family) return;
    if (kept.length === depth && closers.closesLaterInBlock(index, open.family)) kept.push(open);
    else findings.push(unclosed(text, open));
  });
  return kept;
}

function unclosed(text: string, open: Open): Finding {
  return finding(text, open.index, open.index + 1, {
    rule: 'pairing/unclosed',
    category: 'pairing',
    severity: '疑似',
    suggestion: '',
    message: `“${text[open.index]}”没有对应的“${PAIRS[open.family]}”`,
  });
}

/** Where each family's closing marks and the blank lines are, so "is it closed later in this block?" is a binary search. */
class CloserIndex {
  private readonly byFamily = new Map<string, number[]>();
  private readonly blockEnds: number[] = [];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      if (!MARKS.has(text.charCodeAt(i))) continue;
      const family = CLOSERS[text[i]!];
      if (family === undefined) continue;
      const positions = this.byFamily.get(family);
      if (positions) positions.push(i);
      else this.byFamily.set(family, [i]);
    }
    for (const m of text.matchAll(/\n[^\S\n]*\n/g)) this.blockEnds.push(m.index);
    this.blockEnds.push(text.length);
  }

  closesLaterInBlock(from: number, family: string): boolean {
    const closer = firstAtOrAfter(this.byFamily.get(family) ?? [], from);
    return closer !== undefined && closer < firstAtOrAfter(this.blockEnds, from)!;
  }
}

function firstAtOrAfter(sorted: readonly number[], from: number): number | undefined {
  let [lo, hi] = [0, sorted.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo];
}

/** ’ between Latin letters is an apostrophe (don’t), not a closing quote. */
function isApostrophe(text: string, i: number): boolean {
  return text[i] === '’' && /[A-Za-z]/.test(text[i - 1] ?? '') && /[A-Za-z]/.test(text[i + 1] ?? '');
}
