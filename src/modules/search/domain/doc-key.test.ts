import { describe, expect, it } from 'vitest';
import { DOCS_PER_DAY, docKeyRange, epochDay, isKeyOfDay, nextDocKey } from './doc-key.ts';

describe('search entry keys ordered by 发布日期', () => {
  it('counts days from 1970-01-01', () => {
    expect(epochDay('1970-01-01')).toBe(0);
    expect(epochDay('2024-02-29')).toBe(19_782);
    expect(epochDay('2026-12-04')).toBe(20_791);
  });

  it('gives every later day higher keys than any key of an earlier day', () => {
    const [, lastOfDay] = docKeyRange('2024-12-31');
    const [firstOfNext] = docKeyRange('2025-01-01');
    expect(firstOfNext).toBe(lastOfDay + 1);
    expect(nextDocKey('2025-01-01', undefined)).toBe(firstOfNext);
    expect(nextDocKey('2025-01-01', firstOfNext + 41)).toBe(firstOfNext + 42);
    expect(isKeyOfDay(firstOfNext, '2025-01-01')).toBe(true);
    expect(isKeyOfDay(lastOfDay, '2025-01-01')).toBe(false);
  });

  it('stays exact in a double and refuses a day that is full', () => {
    expect(Number.isSafeInteger(docKeyRange('2999-12-31')[1])).toBe(true);
    const [first, last] = docKeyRange('2025-06-01');
    expect(last - first + 1).toBe(DOCS_PER_DAY);
    expect(() => nextDocKey('2025-06-01', last)).toThrow(/more than/);
    expect(() => epochDay('not a date')).toThrow();
  });
});
