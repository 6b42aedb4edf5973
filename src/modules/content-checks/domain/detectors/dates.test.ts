import { describe, expect, it } from 'vitest';
import { localDate } from '../../../../kernel/local-date.ts';
import { findDateProblems } from './dates.ts';

const find = (text: string, context = {}) => findDateProblems(text, context).map((f) => [f.rule, f.text, f.suggestion]);

describe('impossible dates', () => {
  it.each([
    ['截止时间为2023年2月30日', '2023年2月30日'],
    ['2023年2月29日召开', '2023年2月29日'],
    ['于2023年4月31日前报送', '2023年4月31日'],
    ['2023年13月', '2023年13月'],
    ['请于2月30日前报送', '2月30日'],
    ['二〇二三年二月二十九日', '二〇二三年二月二十九日'],
    ['2023年 6月 31日', '2023年 6月 31日'],
  ])('%s', (text, wrong) => {
    expect(find(text)).toEqual([['date/impossible', wrong, '']]);
  });

  it.each([['2024年2月29日'], ['二〇二三年四月二十三日'], ['2月29日前报送'], ['2023年12月31日'], ['第13月度考核']])('%s: nothing', (text) => {
    expect(find(text)).toEqual([]);
  });
});

describe('dates that contradict each other', () => {
  it('finds a weekday that is not the date’s', () => {
    expect(find('定于2023年6月16日（星期四）举办')).toEqual([['date/weekday', '星期四', '星期五']]);
    expect(find('2023年4月23日(周一)')).toEqual([['date/weekday', '周一', '周日']]);
    expect(find('2023年4月23日（星期日）；2023年4月23日（星期天）；2024年2月29日（周四）')).toEqual([]);
  });

  it('finds a range that ends before it starts', () => {
    expect(find('申报时间为2024年3月1日至2024年2月28日')).toEqual([['date/reversed-range', '至2024年2月28日', '']]);
    expect(find('公示期为2023年7月10日至7月4日')).toEqual([['date/reversed-range', '至7月4日', '']]);
    expect(find('2023年3月1日至3月31日；2023年12月1日—2024年1月5日；2023年5月20日至27日')).toEqual([]);
  });

  it('finds a 成文日期 later than the 发布日期, at its place in the text when it is there', () => {
    const text = '请认真贯彻执行。\nxx县科学技术局\n2023年5月10日';
    const context = { writtenOn: localDate('2023-05-10'), publishedOn: localDate('2023-05-08') };
    const [f] = findDateProblems(text, context);
    expect([f?.rule, f?.text, f?.start, f?.severity]).toEqual(['date/written-after-published', '2023年5月10日', 18, '确定']);
    expect(findDateProblems('无日期', context).map((x) => [x.rule, x.start, x.end])).toEqual([['date/written-after-published', 0, 0]]);
  });

  it('compares the 落款 date with the item’s dates', () => {
    const text = '现予以印发。\nxx县科学技术局\n2023年3月16日';
    expect(find(text, { writtenOn: localDate('2023-03-15') })).toEqual([['date/signature-mismatch', '2023年3月16日', '2023年3月15日']]);
    expect(find(text, { publishedOn: localDate('2023-03-10') })).toEqual([['date/written-after-published', '2023年3月16日', '']]);
    expect(find(text, { writtenOn: localDate('2023-03-16'), publishedOn: localDate('2023-03-16') })).toEqual([]);
    expect(find('二〇二三年四月二十三日', { writtenOn: localDate('2023-04-23') })).toEqual([]);
  });
});
