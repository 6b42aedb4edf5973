/**
 * Doubled list items (制度化、标准化、标准化) and doubled words (政务公开政务公开). Single doubled characters
 * (的的, 了了) are phrase rules in `rules/repetitions.ts`, because 人人, 常常, 看看 are correct Chinese.
 * Both scans compare code units directly instead of using back-referencing regular expressions, which try every
 * length at every position and dominated the checker's time.
 */
import { finding, type Finding } from '../finding.ts';

const ALL_HAN = /^\p{Script=Han}+$/u;
const SEPARATORS = new Set(['、', '，', ',', '；', ';']);
/** What may follow a whole list item. */
const ITEM_END = /[、，,；;。：:）)”》\s]/;
const ITEM_LENGTHS = { min: 2, max: 10 };
const WORD_LENGTHS = { min: 2, max: 6 };

/** Doubled list items (确定) and doubled words (疑似). */
export function findRepetitions(text: string, allowedRepeats: ReadonlySet<string>): Finding[] {
  return [...findDoubledItems(text, allowedRepeats), ...findDoubledWords(text, allowedRepeats)];
}

/**
 * X、X where the second X ends a list item (followed by a separator or the end), so 安全管理、管理制度 (two items
 * sharing a word) is not a doubling. The longest X wins.
 */
function findDoubledItems(text: string, allowedRepeats: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  for (let s = 1; s < text.length - 1; s++) {
    if (!SEPARATORS.has(text[s]!)) continue;
    for (let k = Math.min(ITEM_LENGTHS.max, s, text.length - s - 1); k >= ITEM_LENGTHS.min; k--) {
      const after = text[s + 1 + k];
      if ((after !== undefined && !ITEM_END.test(after)) || !sameUnits(text, s - k, s + 1, k)) continue;
      const word = text.slice(s - k, s);
      if (!ALL_HAN.test(word) || allowedRepeats.has(word)) continue;
      findings.push(doubled(text, s - k, s + 1 + k, word, 'repetition/doubled-item', '确定', `并列项“${word}”重复出现`));
      break;
    }
  }
  return findings;
}

/** XX with X of two to six Han characters; 一步一步 and ABAB verbs (研究研究) are allowed. */
function findDoubledWords(text: string, allowedRepeats: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  for (let i = 0; i < text.length; i++) {
    for (let k = WORD_LENGTHS.max; k >= WORD_LENGTHS.min; k--) {
      if (i + 2 * k > text.length || !sameUnits(text, i, i + k, k)) continue;
      const word = text.slice(i, i + k);
      if (!ALL_HAN.test(word)) continue;
      if (!isAllowedDoubling(word, allowedRepeats)) {
        findings.push(doubled(text, i, i + 2 * k, word, 'repetition/doubled-word', '疑似', `词语“${word}”连续重复`));
      }
      i += 2 * k - 1;
      break;
    }
  }
  return findings;
}

function sameUnits(text: string, a: number, b: number, length: number): boolean {
  for (let j = 0; j < length; j++) if (text.charCodeAt(a + j) !== text.charCodeAt(b + j)) return false;
  return true;
}

function doubled(text: string, start: number, end: number, word: string, rule: string, severity: '确定' | '疑似', message: string): Finding {
  return finding(text, start, end, { rule, category: 'repetition', severity, suggestion: word, message });
}

function isAllowedDoubling(word: string, allowedRepeats: ReadonlySet<string>): boolean {
  const chars = [...word];
  // 一步一步, 一点一点: distributive repetition; 常常常常 is AA twice, left to the phrase rules.
  return allowedRepeats.has(word) || chars[0] === '一' || chars.every((c) => c === chars[0]);
}
