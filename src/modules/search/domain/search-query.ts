import { engineToken, tokenWord } from './engine-token.ts';
import { DOCUMENT_NUMBER, INDEX_NUMBER, normalizeText } from './identifiers.ts';

/** One thing every hit must contain: a word, or (two or more tokens) a phrase in that order. */
export interface SearchTerm {
  tokens: readonly string[];
}

/** A query as the engines see it: capped text and terms made only of letters and digits. */
export interface ParsedQuery {
  /** The text searched for (at most MAX_QUERY_CHARS characters), for showing back. */
  text: string;
  terms: SearchTerm[];
}

/** Longer input is cut to this many characters before anything else happens. */
export const MAX_QUERY_CHARS = 100;
/** Terms beyond this many are ignored (each one is another index lookup). */
export const MAX_TERMS = 12;
/** A token is letters and decimal digits only: nothing in it can be query syntax on either engine. */
export const TOKEN = /^[\p{L}\p{Nd}\p{Nl}]+$/u;

/** Cuts text into tokens (the segmenter's `segmentQuery`). */
export type Cut = (text: string) => string[];

// Quotation marks people use for a phrase: ASCII, full-width (NFKC makes it ASCII) and Chinese ones.
const QUOTES = /[“”„‟〝〞〟«»「」『』]/gu;
// Query-language words people may type from habit; they are not searched for.
const OPERATORS = /(?<![\p{L}\p{N}])(?:AND|OR|NOT|NEAR)(?![\p{L}\p{N}])/gu;
const CONTROL = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu;

/**
 * Reads what someone typed into search terms. Text in quotes is one phrase; a 发文字号 becomes its
 * 机关代字 and the phrase "year serial"; a 索引号 the phrase of its parts; other text is cut into
 * words, all of which a hit must contain. Nothing typed survives except letters and digits, so no
 * input can reach FTS5 or tsquery syntax.
 */
export function parseQuery(input: string, cut: Cut): ParsedQuery {
  const text = Array.from(input.replace(CONTROL, ' ')).slice(0, MAX_QUERY_CHARS).join('').trim();
  const parts = normalizeText(text).replace(QUOTES, '"').split('"');
  const terms: SearchTerm[] = [];
  parts.forEach((part, i) => {
    // Odd parts are inside quotes; an unmatched last quote leaves its text unquoted.
    const quoted = i % 2 === 1 && i < parts.length - 1;
    // "行政 审批" means the words written together: 行政审批 (which the cutter may keep whole).
    if (quoted) terms.push({ tokens: cut(part.replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, '')) });
    else terms.push(...unquotedTerms(part.replace(OPERATORS, ' '), cut));
  });
  return { text, terms: distinct(terms.filter((t) => t.tokens.length > 0 && t.tokens.every((w) => TOKEN.test(w)))).slice(0, MAX_TERMS) };
}

function unquotedTerms(text: string, cut: Cut): SearchTerm[] {
  const terms: SearchTerm[] = [];
  let rest = text.replace(INDEX_NUMBER, (match) => {
    terms.push({ tokens: cut(match) });
    return ' ';
  });
  rest = rest.replace(DOCUMENT_NUMBER, (_match, issuer: string, year: string, serial: string) => {
    terms.push({ tokens: [engineToken(issuer.toLowerCase())] }, { tokens: [year, serial] });
    return ' ';
  });
  return [...terms, ...cut(rest).map((w) => ({ tokens: [w] }))];
}

function distinct(terms: SearchTerm[]): SearchTerm[] {
  const seen = new Set<string>();
  return terms.filter((t) => {
    const key = t.tokens.join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A term as people read it back and can search for again: a word, or a phrase in quotes. */
export function termText(term: SearchTerm): string {
  const words = term.tokens.map(tokenWord);
  return words.length === 1 ? words[0]! : `"${words.join(' ')}"`;
}

/** The query text for a list of terms (for suggestions). */
export function termsText(terms: readonly SearchTerm[]): string {
  return terms.map(termText).join(' ');
}
