import { describe, expect, it } from 'vitest';
import { checkText } from './check-text.ts';
import { normalizeExtractedText } from './extracted-text.ts';
import { DEFAULT_RULE_SET } from './rule-set.ts';

describe('normalizeExtractedText', () => {
  it('turns Kangxi radicals from a PDF text layer into the ideographs they stand for', () => {
    // As Chromium writes them into a ToUnicode CMap: ⽬ U+2F6C, ⼀ U+2F00, ⽉ U+2F49, ⽇ U+2F47.
    expect(normalizeExtractedText('根本\u2F6C录，\u2F00、2023年6\u2F4916\u2F47')).toBe('根本目录，一、2023年6月16日');
  });

  it('keeps full-width punctuation and the length, so offsets still point at the same characters', () => {
    const text = '各科室：为推进“互联网+政务服务”，现通知如下（一）。';
    expect(normalizeExtractedText(text)).toBe(text);
    const radicals = '\u2F00\u2F6C\uF900';
    expect(normalizeExtractedText(radicals)).toHaveLength(radicals.length);
  });

  it('lets the conversion rules see errors hidden behind radicals', () => {
    const raw = '根据主动公开根本\u2F6C录的要求';
    expect(checkText(raw, DEFAULT_RULE_SET).some((f) => f.rule.includes('根本目录'))).toBe(false);
    expect(checkText(normalizeExtractedText(raw), DEFAULT_RULE_SET).some((f) => f.rule.includes('根本目录'))).toBe(true);
  });
});
