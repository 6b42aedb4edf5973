import { describe, expect, it } from 'vitest';
import { DEFAULT_TOPICS, findTopicTreeProblem, resolveTopic, topicPath, type Topic } from './topics.ts';

const topLevel = DEFAULT_TOPICS.filter((t) => t.parentCode === null);

describe('DEFAULT_TOPICS', () => {
  it('has the 22 gov.cn classes in order, 其他 last', () => {
    expect(topLevel).toHaveLength(22);
    expect(topLevel[0]).toEqual({ code: 't01', name: '国务院组织机构', parentCode: null, sortOrder: 1 });
    expect(topLevel[21]).toEqual({ code: 't22', name: '其他', parentCode: null, sortOrder: 22 });
  });

  it.each([
    ['t11', '科技、教育', null],
    ['t11-01', '科技', 't11'],
    ['t11-03', '知识产权', 't11'],
    ['t02-03', '应急管理', 't02'],
    ['t04-04', '货币（含外汇）', 't04'],
    ['t21-02', '国防动员', 't21'],
  ])('%s is %s', (code, name, parentCode) => {
    expect(DEFAULT_TOPICS.find((t) => t.code === code)).toMatchObject({ name, parentCode });
  });

  it('counts the second-level classes of REFERENCE.md §6.4', () => {
    expect(DEFAULT_TOPICS.length - topLevel.length).toBe(121);
  });

  it('is a valid tree', () => {
    expect(findTopicTreeProblem(DEFAULT_TOPICS)).toBeUndefined();
  });
});

describe('topicPath', () => {
  it.each([
    ['t11-01', ['科技、教育', '科技']],
    ['t11', ['科技、教育']],
    ['t22', ['其他']],
    ['t99', undefined],
  ])('%s → %j', (code, expected) => {
    expect(topicPath(DEFAULT_TOPICS, code)).toEqual(expected);
  });
});

describe('resolveTopic', () => {
  it.each([
    ['科技', 't11-01'],
    [' 科技 ', 't11-01'],
    ['科技、教育/科技', 't11-01'],
    ['科技、教育 › 科技', 't11-01'],
    ['科技、教育>科技', 't11-01'],
    ['科技,教育/科技', 't11-01'],
    ['科技、教育', 't11'],
    ['其他', 't22'],
    ['科技、教育/其他', 't11-04'],
    ['货币(含外汇)', 't04-04'],
    ['国防', 't21'],
  ])('%s → %s', (input, code) => {
    expect(resolveTopic(DEFAULT_TOPICS, input)).toMatchObject({ ok: true, value: { code } });
  });

  it.each([['科学'], ['教育/科技'], ['科技、教育/教育/科技'], ['/科技'], ['']])('%j is unknown', (input) => {
    expect(resolveTopic(DEFAULT_TOPICS, input)).toEqual({ ok: false, reason: 'unknown-topic' });
  });

  it('lists the candidates when a name is shared and none is top-level', () => {
    const tree: Topic[] = [
      { code: 'a', name: '农业', parentCode: null, sortOrder: 1 },
      { code: 'a-1', name: '综合', parentCode: 'a', sortOrder: 1 },
      { code: 'b', name: '科技', parentCode: null, sortOrder: 2 },
      { code: 'b-1', name: '综合', parentCode: 'b', sortOrder: 1 },
    ];
    expect(resolveTopic(tree, '综合')).toEqual({ ok: false, reason: 'ambiguous', candidates: [['农业', '综合'], ['科技', '综合']] });
    expect(resolveTopic(tree, '科技/综合')).toMatchObject({ ok: true, value: { code: 'b-1' } });
  });
});

describe('findTopicTreeProblem', () => {
  const root: Topic = { code: 'a', name: '科技', parentCode: null, sortOrder: 1 };
  it.each<[string, Topic[], unknown]>([
    ['a duplicate code', [root, { ...root, name: '教育' }], { problem: 'duplicate-code', code: 'a' }],
    ['a missing parent', [root, { code: 'x-1', name: '科技', parentCode: 'x', sortOrder: 1 }], { problem: 'unknown-parent', code: 'x-1' }],
    [
      'a third level',
      [root, { code: 'a-1', name: '科普', parentCode: 'a', sortOrder: 1 }, { code: 'a-1-1', name: '科普活动', parentCode: 'a-1', sortOrder: 1 }],
      { problem: 'too-deep', code: 'a-1-1' },
    ],
    [
      'two siblings with one name',
      [root, { code: 'a-1', name: '其他', parentCode: 'a', sortOrder: 1 }, { code: 'a-2', name: '其他', parentCode: 'a', sortOrder: 2 }],
      { problem: 'duplicate-sibling-name', code: 'a-2' },
    ],
  ])('finds %s', (_name, tree, expected) => {
    expect(findTopicTreeProblem(tree)).toEqual(expected);
  });
});
