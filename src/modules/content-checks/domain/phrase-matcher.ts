/**
 * Aho–Corasick over UTF-16 code units: every phrase of a rule set is found in one pass over the text, whatever
 * the number of rules, and overlapping phrases are all reported (开展规划 inside 科技开展规划).
 */

/** One occurrence of a pattern: UTF-16 offsets and the pattern's index. */
export interface PhraseMatch {
  start: number;
  end: number;
  /** Index into the `patterns` the matcher was built from. */
  pattern: number;
}

/** Finds every occurrence of every pattern in one pass. */
export interface PhraseMatcher {
  scan(text: string): PhraseMatch[];
}

/** Builds the automaton (goto, failure and output functions) for `patterns`. */
export function buildPhraseMatcher(patterns: readonly string[]): PhraseMatcher {
  const goto: Map<number, number>[] = [new Map()];
  const output: number[][] = [[]];
  patterns.forEach((pattern, index) => {
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const unit = pattern.charCodeAt(i);
      let next = goto[state]!.get(unit);
      if (next === undefined) {
        next = goto.push(new Map()) - 1;
        output.push([]);
        goto[state]!.set(unit, next);
      }
      state = next;
    }
    if (pattern.length > 0) output[state]!.push(index);
  });
  const fail = linkFailures(goto, output);
  return {
    scan(text: string): PhraseMatch[] {
      const matches: PhraseMatch[] = [];
      let state = 0;
      for (let i = 0; i < text.length; i++) {
        const unit = text.charCodeAt(i);
        while (state !== 0 && !goto[state]!.has(unit)) state = fail[state]!;
        state = goto[state]!.get(unit) ?? 0;
        for (const index of output[state]!) matches.push({ start: i + 1 - patterns[index]!.length, end: i + 1, pattern: index });
      }
      return matches;
    },
  };
}

/** Breadth-first failure links; each state's output gains the outputs of its failure state. */
function linkFailures(goto: Map<number, number>[], output: number[][]): number[] {
  const fail = new Array<number>(goto.length).fill(0);
  const queue = [...goto[0]!.values()];
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    for (const [unit, next] of goto[state]!) {
      let f = fail[state]!;
      while (f !== 0 && !goto[f]!.has(unit)) f = fail[f]!;
      const target = goto[f]!.get(unit);
      fail[next] = target !== undefined && target !== next ? target : 0;
      output[next]!.push(...output[fail[next]!]!);
      queue.push(next);
    }
  }
  return fail;
}
