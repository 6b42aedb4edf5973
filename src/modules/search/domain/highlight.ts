/**
 * Highlighting of search hits: the stored text is escaped, and only the matched words are wrapped
 * in <mark>. The result is markup for `raw()`, and the only markup in it is <mark>.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
const ASCII_WORD = /[a-z0-9]/;
/** Matches looked at per needle: enough to choose a snippet, bounded for long texts. */
const MAX_MATCHES = 200;

interface Range {
  start: number;
  end: number;
  needle: string;
}

/** Full-width letters and digits, circled and squared forms, ligatures, compatibility ideographs. */
const COMPATIBILITY_FORMS = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\u2150-\u24FF\u3200-\u33FF\uF900-\uFAFF\uFB00-\uFB4F\u00AA-\u00BE]/;

/**
 * The folded form of the commonest characters without calling normalize: ASCII, CJK ideographs
 * and CJK punctuation stay, full-width ASCII forms (，：；（２０２３）) become ASCII, A–Z lower case.
 */
function quickFold(code: number): string | undefined {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : String.fromCharCode(code);
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3001 && code <= 0x3035)) return String.fromCharCode(code);
  if (code >= 0xff01 && code <= 0xff5e) return quickFold(code - 0xfee0);
  return undefined;
}

/**
 * `text` folded as tokens are (NFKC, lower case), with the offset in `text` of every folded unit,
 * so a match in the folded text maps back to the original (full-width ２０２３ is found by 2023).
 */
function fold(text: string): { folded: string; origin: (at: number) => number } {
  // Most text only needs lower-casing: no full-width letters or digits, no compatibility forms.
  const lower = text.toLowerCase();
  if (lower.length === text.length && !COMPATIBILITY_FORMS.test(text)) return { folded: lower, origin: (at) => at };
  const parts: string[] = [];
  const offsets: number[] = [];
  let i = 0;
  while (i < text.length) {
    const quick = quickFold(text.charCodeAt(i));
    if (quick !== undefined) {
      parts.push(quick);
      offsets.push(i++);
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    const f = ch.normalize('NFKC').toLowerCase();
    parts.push(f);
    for (let k = 0; k < f.length; k++) offsets.push(i);
    i += ch.length;
  }
  offsets.push(text.length);
  return { folded: parts.join(''), origin: (at) => offsets[at]! };
}

/** Where the needles occur in `text` (original offsets), earliest first, without overlaps. */
function findRanges(text: string, needles: readonly string[]): Range[] {
  const { folded, origin } = fold(text);
  const found: Range[] = [];
  for (const needle of new Set(needles)) {
    if (!needle) continue;
    // A Latin word or a number is matched whole (12 is not highlighted inside 2012); Chinese anywhere.
    const wordStart = ASCII_WORD.test(needle[0]!);
    const wordEnd = ASCII_WORD.test(needle[needle.length - 1]!);
    let count = 0;
    for (let at = folded.indexOf(needle); at !== -1 && count < MAX_MATCHES; at = folded.indexOf(needle, at + 1)) {
      const after = at + needle.length;
      if (wordStart && at > 0 && ASCII_WORD.test(folded[at - 1]!)) continue;
      if (wordEnd && after < folded.length && ASCII_WORD.test(folded[after]!)) continue;
      found.push({ start: origin(at), end: origin(after), needle });
      count++;
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const r of found) {
    const last = merged[merged.length - 1];
    if (last && r.start < last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

function render(text: string, ranges: readonly Range[], from: number, to: number): string {
  let out = '';
  let at = from;
  for (const r of ranges) {
    if (r.end <= from || r.start >= to) continue;
    const start = Math.max(r.start, from);
    const end = Math.min(r.end, to);
    out += `${escape(text.slice(at, start))}<mark>${escape(text.slice(start, end))}</mark>`;
    at = end;
  }
  return out + escape(text.slice(at, to));
}

/** The whole of `text`, escaped, with every needle in <mark>. */
export function highlight(text: string, needles: readonly string[]): string {
  return render(text, findRanges(text, needles), 0, text.length);
}

/** Moves `at` off the second half of a surrogate pair. */
const boundary = (text: string, at: number) => (at > 0 && at < text.length && /[\uDC00-\uDFFF]/.test(text[at]!) ? at - 1 : at);

/**
 * About `maxChars` of `text` around the place where the most different needles occur, escaped,
 * with the needles in <mark> and … where text was left out. Without a match, the beginning.
 */
export function snippet(text: string, needles: readonly string[], maxChars = 120): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const ranges = findRanges(flat, needles);
  let from = 0;
  let best = 0;
  for (let i = 0; i < ranges.length; i++) {
    const start = Math.max(0, ranges[i]!.start - 20);
    const inside = new Set<string>();
    for (let j = i; j < ranges.length && ranges[j]!.end <= start + maxChars; j++) inside.add(ranges[j]!.needle);
    if (inside.size > best) [best, from] = [inside.size, start];
  }
  if (flat.length - from < maxChars) from = Math.max(0, flat.length - maxChars);
  from = boundary(flat, from);
  const to = boundary(flat, Math.min(flat.length, from + maxChars));
  return `${from > 0 ? '…' : ''}${render(flat, ranges, from, to)}${to < flat.length ? '…' : ''}`;
}
