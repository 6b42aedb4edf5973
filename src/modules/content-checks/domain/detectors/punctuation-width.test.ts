import { describe, expect, it } from 'vitest';
import { findHalfWidthPunctuation } from './punctuation-width.ts';

const find = (text: string) => findHalfWidthPunctuation(text).map((f) => [f.text, f.start, f.suggestion]);

describe('half-width punctuation in Chinese', () => {
  it.each([
    ['结合我局实际,制定本方案', [[',', 6, '，']]],
    ['联系人:李明;电话:0371-1234', [[':', 3, '：'], [';', 6, '；'], [':', 9, '：']]],
    ['(一)加强管理', [['(', 0, '（'], [')', 2, '）']]],
    ['(办公室牵头负责)', [['(', 0, '（'], [')', 8, '）']]],
    ['(1)加强公开', [['(', 0, '（'], [')', 2, '）']]],
    ['持续优化服务.全年争取资金', [['.', 6, '。']]],
    ['做好调研等...', [['...', 5, '……']]],
    ['开展"科技进万家"活动', [['"', 2, '“'], ['"', 8, '”']]],
    ['真的吗?是的!', [['?', 3, '？'], ['!', 6, '！']]],
  ])('%s', (text, expected) => {
    expect(find(text)).toEqual(expected);
  });

  it.each([
    ['上午9:30召开，资金1,250万元'],
    ['详见http://www.xx.gov.cn/index.html?id=1'],
    ['1.进一步规范权力清单；第3.2条'],
    ['项目名称为Smart Farming (Phase II)，由xx大学承担'],
    ['Hello, world; "quoted" (text).'],
    ['结合实际，制定本方案（试行）。'],
  ])('%s: nothing', (text) => {
    expect(find(text)).toEqual([]);
  });

  it('sees astral ideographs as Chinese neighbours', () => {
    expect(find('走访𠮷,了解需求')).toEqual([[',', 4, '，']]);
  });
});
