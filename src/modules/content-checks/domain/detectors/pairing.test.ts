import { describe, expect, it } from 'vitest';
import { findUnpairedMarks } from './pairing.ts';

const find = (text: string) => findUnpairedMarks(text).map((f) => [f.rule, f.text, f.start, f.suggestion]);

describe('unpaired quotation marks and brackets', () => {
  it.each([
    ['聚焦企业“急难愁盼问题，持续优化服务。', [['pairing/unclosed', '“', 4, '']]],
    ['认真贯彻《中华人民共和国科学技术进步法，依法推进。', [['pairing/unclosed', '《', 4, '']]],
    ['办公室牵头负责）', [['pairing/unopened', '）', 7, '']]],
    ['（企业服务股牵头负责”', [['pairing/mismatched', '”', 10, '）']]],
    ['当好“第一新闻发言人）', [['pairing/mismatched', '）', 10, '”']]],
    ['“要坚持‘四个面向”', [['pairing/unclosed', '‘', 4, '']]],
    ['【重要通知', [['pairing/unclosed', '【', 0, '']]],
  ])('%s', (text, expected) => {
    expect(find(text)).toEqual(expected);
  });

  it.each([
    ['“互联网+政务服务〞工作'],
    ['习近平总书记强调：“要坚持‘四个面向’。”学习《〈科学技术进步法〉释义》。'],
    ['（xx政办发〔2023〕37号）【通知】「引文」『内引』'],
    ['根据《办法（试行)》规定'],
    ['会议传达了上级文件精神：\n“一、加强统筹。\n“二、规范流程。”'],
    ['The team didn’t stop.'],
  ])('%s: nothing', (text) => {
    expect(find(text)).toEqual([]);
  });

  it('pairs marks across a line break (hard-wrapped or PDF text) but not across a blank line', () => {
    expect(find('具体内容（详见\n附件）。')).toEqual([]);
    expect(find('（甲\n（乙）\n\n丙）')).toEqual([
      ['pairing/unclosed', '（', 0, ''],
      ['pairing/unopened', '）', 9, ''],
    ]);
  });

  it('reports a quotation left open at the end of a paragraph the next one does not continue', () => {
    expect(find('他说：“要加强统筹。\n二、规范流程。')).toEqual([['pairing/unclosed', '“', 3, '']]);
  });
});
