import { describe, expect, it } from 'vitest';
import { timeLimitTextFor, validateCatalogueEntry, type CatalogueEntryInput } from './catalogue-entry.ts';

const valid: CatalogueEntryInput = {
  sortOrder: 1,
  level1: '权力清单和责任清单',
  level2: '行政权力事项',
  content: '事项名称、实施依据、实施主体、办理流程、监督电话',
  basis: [{ type: '行政法规', title: '《中华人民共和国政府信息公开条例》第二十条' }],
  timeLimitWorkingDays: 20,
  timeLimitText: timeLimitTextFor(20),
  subject: '县科技局办公室',
  channels: ['政府网站'],
  audience: ['全社会'],
  methods: ['主动'],
  levels: ['县级'],
};

describe('validateCatalogueEntry', () => {
  it('accepts a complete row', () => {
    expect(validateCatalogueEntry(valid)).toEqual({});
    expect(valid.timeLimitText).toBe('信息形成或者变更之日起20个工作日内');
  });
  it.each([
    [{ level1: ' ' }, { level1: 'required' }],
    [{ basis: [] }, { basis: 'basis-required' }],
    [{ basis: [{ type: '通知' as never, title: 'x' }] }, { basis: 'basis-type-unknown' }],
    [{ timeLimitWorkingDays: -1 }, { timeLimitWorkingDays: 'time-limit-invalid' }],
    [{ timeLimitWorkingDays: 2.5 }, { timeLimitWorkingDays: 'time-limit-invalid' }],
    [{ channels: [] }, { channels: 'choose-at-least-one' }],
    [{ channels: ['抖音'] }, { channels: 'unknown-option' }],
    [{ audience: ['全社会', '外国人'] }, { audience: 'unknown-option' }],
    [{ methods: [] }, { methods: 'choose-at-least-one' }],
    [{ levels: ['省级'] }, { levels: 'unknown-option' }],
  ])('refuses %j', (change, expected) => {
    expect(validateCatalogueEntry({ ...valid, ...change })).toEqual(expected);
  });
});
