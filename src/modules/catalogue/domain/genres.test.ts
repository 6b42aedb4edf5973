import { describe, expect, it } from 'vitest';
import { DEFAULT_GENRES, requiresValidity, resolveGenre, type ColumnType } from './genres.ts';

describe('DEFAULT_GENRES', () => {
  it.each<[string, string, ColumnType]>([
    ['规章', 'regulation', 'policy'],
    ['行政规范性文件', 'normative-document', 'policy'],
    ['其他文件', 'other-document', 'policy'],
    ['工作动态', 'work-news', 'news'],
    ['通知公告', 'notice', 'notice'],
    ['政策解读', 'policy-interpretation', 'policy'],
    ['规划计划', 'plan', 'planning'],
    ['统计信息', 'statistics', 'other'],
    ['人事信息', 'personnel', 'planning'],
    ['财政预决算', 'budget-and-final-accounts', 'other'],
    ['年度报告', 'annual-report', 'other'],
    ['行政许可', 'administrative-licensing', 'other'],
    ['行政处罚', 'administrative-penalty', 'other'],
    ['应急管理', 'emergency-management', 'other'],
    ['建议提案办理', 'proposal-handling', 'other'],
  ])('%s is %s in a %s column', (name, code, columnType) => {
    expect(DEFAULT_GENRES.find((g) => g.name === name)).toMatchObject({ code, columnType });
  });

  it('uses unique ASCII kebab-case codes and sort orders 1..n', () => {
    const codes = DEFAULT_GENRES.map((g) => g.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(DEFAULT_GENRES.map((g) => g.sortOrder)).toEqual(codes.map((_, i) => i + 1));
  });
});

describe('resolveGenre', () => {
  it.each([
    ['行政规范性文件', 'normative-document'],
    ['规范性文件', 'normative-document'],
    [' 规章 ', 'regulation'],
    ['work-news', 'work-news'],
    ['预决算', 'budget-and-final-accounts'],
  ])('%j → %s', (input, code) => {
    expect(resolveGenre(DEFAULT_GENRES, input)).toMatchObject({ ok: true, value: { code } });
  });

  it.each([['新闻'], [''], ['Regulation']])('%j is unknown', (input) => {
    expect(resolveGenre(DEFAULT_GENRES, input)).toEqual({ ok: false, reason: 'unknown-genre' });
  });
});

describe('requiresValidity', () => {
  it.each([
    ['regulation', true],
    ['normative-document', true],
    ['other-document', false],
    ['work-news', false],
    ['规章', false],
  ])('%s → %s', (code, expected) => {
    expect(requiresValidity(code)).toBe(expected);
  });
});
