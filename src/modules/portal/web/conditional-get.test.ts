import { describe, expect, it } from 'vitest';
import { etagMatches, isNotModified, lastModifiedHeader } from './conditional-get.ts';

describe('conditional GET', () => {
  it.each([
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", "abc"', true],
    ['*', true],
    ['"abcd"', false],
    [undefined, false],
  ])('If-None-Match %s matches "abc": %s', (header, expected) => {
    expect(etagMatches(header, '"abc"')).toBe(expected);
  });

  it('sends Last-Modified only once the second of the change is over', () => {
    expect(lastModifiedHeader('2026-11-27T02:00:00.300Z', new Date('2026-11-27T02:00:00.900Z'))).toBeUndefined();
    expect(lastModifiedHeader('2026-11-27T02:00:00.300Z', new Date('2026-11-27T02:00:01.000Z'))).toBe('Fri, 27 Nov 2026 02:00:00 GMT');
    expect(lastModifiedHeader(undefined, new Date())).toBeUndefined();
  });

  it('prefers If-None-Match over If-Modified-Since', () => {
    const lm = 'Fri, 27 Nov 2026 02:00:00 GMT';
    expect(isNotModified({ 'if-none-match': '"other"', 'if-modified-since': lm }, '"abc"', lm)).toBe(false);
    expect(isNotModified({ 'if-modified-since': lm }, '"abc"', lm)).toBe(true);
    expect(isNotModified({ 'if-modified-since': 'Fri, 27 Nov 2026 01:59:59 GMT' }, '"abc"', lm)).toBe(false);
    expect(isNotModified({ 'if-modified-since': 'not a date' }, '"abc"', lm)).toBe(false);
    expect(isNotModified({ 'if-modified-since': lm }, '"abc"', undefined)).toBe(false);
  });
});
