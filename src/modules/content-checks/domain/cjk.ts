/**
 * Character classes over UTF-16 strings. Offsets stay code-unit offsets; astral ideographs such as 𠮷
 * (U+20BB7, a surrogate pair) are recognised by looking at the whole code point.
 */

const HAN = /^\p{Script=Han}$/u;

/** The code point that ends just before `index`, or undefined at the start of the text. */
export function codePointBefore(text: string, index: number): number | undefined {
  if (index <= 0) return undefined;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(index - 2);
  }
  return low;
}

/** The code point starting at `index`, or undefined at the end of the text. */
export function codePointAt(text: string, index: number): number | undefined {
  return index >= text.length ? undefined : text.codePointAt(index);
}

/** A Han ideograph, in the BMP or an astral extension. */
export function isHan(codePoint: number | undefined): boolean {
  return codePoint !== undefined && HAN.test(String.fromCodePoint(codePoint));
}

/** Full-width and CJK punctuation: 。，、；：？！“”‘’（）《》【】〔〕…— and the rest of U+3000–U+303F / U+FF00–U+FF65. */
export function isChinesePunctuation(codePoint: number | undefined): boolean {
  if (codePoint === undefined) return false;
  return (
    (codePoint >= 0x3000 && codePoint <= 0x303f && codePoint !== 0x3007) ||
    (codePoint >= 0xff01 && codePoint <= 0xff0f) ||
    (codePoint >= 0xff1a && codePoint <= 0xff20) ||
    (codePoint >= 0xff3b && codePoint <= 0xff40) ||
    (codePoint >= 0xff5b && codePoint <= 0xff65) ||
    (codePoint >= 0x2018 && codePoint <= 0x201d) ||
    codePoint === 0x2014 ||
    codePoint === 0x2026 ||
    codePoint === 0x00b7
  );
}

/** A Han character or Chinese punctuation: a neighbour that makes a half-width mark look out of place. */
export function isChinese(codePoint: number | undefined): boolean {
  return isHan(codePoint) || isChinesePunctuation(codePoint);
}

/** Whether `text` contains any Han ideograph. */
export function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}

/** The first code point after `index` that is not a space or tab. */
export function nextVisibleCodePoint(text: string, index: number): number | undefined {
  let i = index;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return codePointAt(text, i);
}

/** The last code point before `index` that is not a space or tab. */
export function previousVisibleCodePoint(text: string, index: number): number | undefined {
  let i = index;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  return codePointBefore(text, i);
}
