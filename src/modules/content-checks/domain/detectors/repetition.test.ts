import { describe, expect, it } from 'vitest';
import { ALLOWED_REPEATS } from '../rules/repetitions.ts';
import { findRepetitions } from './repetition.ts';

const find = (text: string) => findRepetitions(text, new Set(ALLOWED_REPEATS)).map((f) => [f.rule, f.text, f.suggestion, f.start]);

describe('doubled list items', () => {
  it('finds the seed plan’s doubled 标准化 and offers one', () => {
    expect(find('信息公开的制度化、标准化、标准化,及时公开')).toEqual([['repetition/doubled-item', '标准化、标准化', '标准化', 9]]);
  });

  it.each([
    ['围绕研发、转化、转化、应用全链条', '转化、转化'],
    ['加强指导，指导。', '指导，指导'],
    ['推进标准化、标准化', '标准化、标准化'],
  ])('%s', (text, doubled) => {
    expect(find(text).map((f) => f[1])).toEqual([doubled]);
  });

  it.each([
    ['加强实验室安全管理、管理制度建设和人员培训'],
    ['推进政务公开标准化、规范化建设'],
    ['省、省'],
  ])('%s: nothing', (text) => {
    expect(find(text)).toEqual([]);
  });
});

describe('doubled words', () => {
  it.each([
    ['实地了解企业研发投入投入情况', '投入投入', '投入'],
    ['推进政务公开政务公开工作', '政务公开政务公开', '政务公开'],
  ])('%s', (text, doubled, suggestion) => {
    expect(find(text).map((f) => [f[0], f[1], f[2]])).toEqual([['repetition/doubled-word', doubled, suggestion]]);
  });

  it.each([
    ['对企业反映的问题要研究研究、马上就办'],
    ['要一步一步推进，一个一个落实'],
    ['人人参与，常常抓，家家户户，点点滴滴，方方面面'],
    ['农户们连声说谢谢谢谢'],
  ])('%s: nothing', (text) => {
    expect(find(text)).toEqual([]);
  });

  it('lets the office allow a doubling', () => {
    expect(findRepetitions('要学习学习再学习', new Set())).toHaveLength(1);
    expect(findRepetitions('要学习学习再学习', new Set(['学习']))).toEqual([]);
  });
});
