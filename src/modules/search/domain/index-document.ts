/**
 * What one public item contributes to the index, within the limits of the stricter engine.
 * PostgreSQL keeps word positions up to 16,383 and at most 256 positions per word; beyond them it
 * silently clamps or drops, FTS5 does not. Applying the same limits before either engine sees the
 * tokens keeps both returning the same items for the same query.
 */

export const MAX_TITLE_TOKENS = 300;
export const MAX_BODY_TOKENS = 16_000;
export const MAX_OCCURRENCES = 250;
/** Text kept for snippets (characters); the index covers about as much. */
export const MAX_SNIPPET_SOURCE_CHARS = 20_000;

/** The public content of one item's current edition, as the index takes it. */
export interface IndexSource {
  title: string;
  documentNumber: string | null;
  indexNumber: string;
  summary: string;
  bodyText: string;
  attachmentNames: readonly string[];
}

/** The text the title and body parts of the index are cut from, and the text snippets come from. */
export function indexTexts(s: IndexSource): { title: string; body: string; snippetSource: string } {
  const attachments = s.attachmentNames.length > 0 ? `附件：${s.attachmentNames.join('、')}` : '';
  return {
    title: s.title,
    body: [s.documentNumber ?? '', s.indexNumber, s.summary, s.bodyText, ...s.attachmentNames].filter(Boolean).join('\n'),
    snippetSource: wellFormed([s.summary, s.bodyText, attachments].filter(Boolean).join('\n').slice(0, MAX_SNIPPET_SOURCE_CHARS)),
  };
}

/** Lone surrogates as U+FFFD, here rather than differently by each database driver. */
const wellFormed = (text: string) => text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** Title and body tokens cut to the limits above (the title's occurrences count toward a word's limit). */
export function capTokens(title: readonly string[], body: readonly string[]): { title: string[]; body: string[] } {
  const seen = new Map<string, number>();
  const keep = (tokens: readonly string[], max: number) => {
    const out: string[] = [];
    for (const t of tokens) {
      if (out.length >= max) break;
      const n = (seen.get(t) ?? 0) + 1;
      seen.set(t, n);
      if (n <= MAX_OCCURRENCES) out.push(t);
    }
    return out;
  };
  return { title: keep(title, MAX_TITLE_TOKENS), body: keep(body, MAX_BODY_TOKENS) };
}
