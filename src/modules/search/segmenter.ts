import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import { engineToken } from './domain/engine-token.ts';
import { issuerCodeTokens, normalizeText } from './domain/identifiers.ts';

/**
 * Chinese word segmentation for the search index (dependencies.md §2–§4): FTS5 unicode61 and
 * PostgreSQL's 'simple' parser both see a CJK run as one token, so text is cut into words here,
 * in Node, and stored space-joined. The same cutter segments queries, so the two sides agree.
 */

/**
 * Domain terms kept whole by the cutter ("word freq tag" lines). A word added here changes how
 * text is cut: run `reindexAll()` after changing this list.
 */
export const DOMAIN_TERMS: readonly string[] = [
  '主动公开', '依申请公开', '政务公开', '政府信息公开', '行政规范性文件', '规范性文件', '高新技术企业', '科技特派员',
  '知识产权', '科技创新券', '发文字号', '索引号', '基本目录', '年度报告', '不予公开', '部分公开', '信息公开指南',
  '保密审查', '政策解读', '行政许可', '行政处罚', '行政审批', '双随机', '营商环境', '专精特新', '科技型中小企业',
];

/** Longest token kept: longer runs are noise (hashes, base64) and PostgreSQL caps lexemes at 2 KB. */
export const MAX_TOKEN_CHARS = 64;
/** Longest piece handed to jieba at once (dependencies.md §2: split long text on paragraphs and sentences first). */
const MAX_PIECE_CHARS = 2000;

const HAN = /\p{Script=Han}/u;

let instance: { cutter: Jieba; parts: Map<string, string[]> } | undefined;

/**
 * The process's one cutter (about 190 ms and 50 MB to load), created on first use, and the words
 * inside each domain term as the default dictionary cuts it (高新技术企业 → 高新技术, 高新, 技术,
 * 企业). Search mode only adds the two- and three-character words of a long word, so without these
 * a query for 高新技术 would miss every text where the term 高新技术企业 was kept whole.
 */
function jieba(): { cutter: Jieba; parts: Map<string, string[]> } {
  if (!instance) {
    // Loaded here, not imported: the package's dict.js reads both of its dictionaries (11 MB) at import
    // and keeps them for the life of the process, and a process that never searches needs neither.
    const require = createRequire(import.meta.url);
    const { Jieba: Cutter } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const cutter = Cutter.withDict(readFileSync(require.resolve('@node-rs/jieba/dict.txt')));
    const parts = new Map(DOMAIN_TERMS.map((t) => [t, cutter.cutForSearch(t, true)]));
    cutter.loadDict(Buffer.from(DOMAIN_TERMS.map((t) => `${t} 100000 n`).join('\n')));
    instance = { cutter, parts };
  }
  return instance;
}

/**
 * Lower-cased tokens of one cutter output: letters and decimal digits only, split on everything
 * else, so each is exactly one term to both engines (FTS5 would split "covid-19" and "v1.2",
 * PostgreSQL's parser reads them as a hyphenated word and a version, and drops ² and ½).
 */
function wordsOf(token: string): string[] {
  return token
    .toLowerCase()
    .split(/[^\p{L}\p{Nd}\p{Nl}]+/u)
    .filter((w) => w.length > 0 && w.length <= MAX_TOKEN_CHARS)
    .map(engineToken);
}

/** Text in pieces jieba handles quickly: paragraphs; a long paragraph by sentences, then in slices. */
export function pieces(text: string): string[] {
  const out: string[] = [];
  for (const paragraph of normalizeText(text).split(/\n+/)) {
    const sentences = paragraph.length <= MAX_PIECE_CHARS ? [paragraph] : paragraph.split(/(?<=[。！？；!?;])/u);
    for (const sentence of sentences) for (const slice of slices(sentence)) if (slice.trim()) out.push(slice.trim());
  }
  return out;
}

/** `text` in slices of at most MAX_PIECE_CHARS UTF-16 units, never splitting a surrogate pair. */
function slices(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + MAX_PIECE_CHARS, text.length);
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end--;
    out.push(text.slice(start, end));
    start = end;
  }
  return out;
}

/**
 * Tokens to index: per paragraph, jieba's `cut` words in order, then the sub-words search mode adds
 * for the long ones (科技创新券 → 科技, 创新), then the whole 机关代字 of any 发文字号. Keeping the
 * `cut` words adjacent lets a quoted phrase (cut the same way) match; the sub-words make the
 * two-character words inside longer ones findable. These are `cutForSearch`'s tokens, reordered, at
 * about half its cost (search mode runs on the long Chinese words only).
 */
export function segmentForIndex(text: string): string[] {
  const { cutter, parts } = jieba();
  const out: string[] = [];
  for (const piece of pieces(text)) {
    const words = cutter.cut(piece, true);
    for (const w of words) out.push(...wordsOf(w));
    for (const w of words) {
      if (w.length <= 2 || !HAN.test(w)) continue;
      const inside = new Set([...(parts.get(w) ?? []), ...cutter.cutForSearch(w, true)]);
      inside.delete(w);
      for (const s of inside) out.push(...wordsOf(s));
    }
    out.push(...issuerCodeTokens(piece).flatMap(wordsOf));
  }
  return out;
}

/** Tokens of a query (or of one quoted phrase): jieba `cut`, filtered like the index. */
export function segmentQuery(text: string): string[] {
  const { cutter } = jieba();
  return pieces(text).flatMap((piece) => cutter.cut(piece, true).flatMap(wordsOf));
}
