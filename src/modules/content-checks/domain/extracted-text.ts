/**
 * Text taken out of a PDF is not always the text that was typed. A PDF's ToUnicode CMap maps each glyph back to a
 * code point, and when one glyph serves both a 康熙部首 (Kangxi radical, U+2F00–U+2FD5) and the ideograph it looks
 * like, writers such as Chromium/Skia and some Word/WPS exports pick the radical: 目录 comes out as ⽬录, 一 as ⼀.
 * Checked as is, 根本⽬录 would slip past the 根本目录 rule, and a search for 目录 would miss the page.
 */

/** Kangxi radicals and CJK compatibility ideographs; NFKC maps each to one unified ideograph (same length). */
const LOOKALIKES = /[\u2F00-\u2FDF\uF900-\uFAFF]/gu;

/**
 * The text with look-alike radicals and compatibility ideographs replaced by the unified ideographs, and nothing
 * else changed: full-width punctuation stays (whole-string NFKC would turn ，into , and hide the punctuation rules).
 * Every replaced character is one UTF-16 unit both before and after, so finding offsets stay valid.
 */
export function normalizeExtractedText(text: string): string {
  return text.replace(LOOKALIKES, (c) => {
    const unified = c.normalize('NFKC');
    return unified.length === c.length ? unified : c;
  });
}
