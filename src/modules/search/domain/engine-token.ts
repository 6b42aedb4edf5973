/**
 * Tokens both engines keep whole. FTS5's unicode61 classifies characters by Unicode 6.1 and
 * PostgreSQL's parser by the C library's locale data, so a letter newer than either (CJK Extension
 * H, recent Latin and historic scripts, ς …) may be a token character to one and a separator to
 * the other. Tokens made only of characters in the blocks below are the same word to both; any
 * other token is spelled out in ASCII (xu + six hex digits per character), which both keep whole.
 */

const SAFE = /^[a-z0-9\u00df-\u00f6\u00f8-\u00ff\u0100-\u024f\u03ac-\u03c1\u03c3-\u03ce\u0430-\u045f\u3005-\u3007\u3041-\u3096\u30a1-\u30fa\u30fc\u3105-\u312f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]+$/;
const SPELLED = /^xu(?:[0-9a-f]{6})+$/;

/** `word` (lower-case letters and digits) as both engines will index it. */
export function engineToken(word: string): string {
  if (SAFE.test(word)) return word;
  return `xu${Array.from(word, (ch) => ch.codePointAt(0)!.toString(16).padStart(6, '0')).join('')}`;
}

/** The word a token stands for (for highlighting and for showing a query back). */
export function tokenWord(token: string): string {
  if (!SPELLED.test(token)) return token;
  return String.fromCodePoint(...token.slice(2).match(/.{6}/g)!.map((h) => parseInt(h, 16)));
}
