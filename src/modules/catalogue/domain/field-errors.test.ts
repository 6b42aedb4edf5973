import { describe, expect, it } from 'vitest';
import { charCount, hasText } from './field-errors.ts';

describe('hasText', () => {
  it.each([
    ['理由', true],
    ['  x ', true],
    ['', false],
    ['   ', false],
    ['\u3000\n', false],
    [undefined, false],
    [null, false],
  ])('%j → %s', (text, expected) => {
    expect(hasText(text)).toBe(expected);
  });
});

describe('charCount', () => {
  it.each([
    ['科技局', 3],
    ['𠀀𠀁', 2],
    ['abc', 3],
    ['', 0],
  ])('%s has %i characters', (text, expected) => {
    expect(charCount(text)).toBe(expected);
  });
});

