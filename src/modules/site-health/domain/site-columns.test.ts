import { describe, expect, it } from 'vitest';
import { columnTypeOfEntry } from './site-columns.ts';

describe('column type of a 基本目录 row', () => {
  it.each([
    ['工作动态', '工作动态', 'news'],
    ['政策文件', '行政规范性文件', 'policy'],
    ['政策文件', '其他文件', 'policy'],
    ['科技政策', '科技政策集中发布', 'policy'],
    ['政策文件', '政策解读', 'other'],
    ['通知公告', '通知公告', 'notice'],
    ['规划计划', '发展规划和年度计划', 'planning'],
    ['人事信息', '人事任免和招聘', 'planning'],
    ['机构职能', '领导信息', 'other'],
    ['政府信息公开', '政府信息公开工作年度报告', 'other'],
  ] as const)('%s › %s is %s', (level1, level2, type) => {
    expect(columnTypeOfEntry({ level1, level2 })).toBe(type);
  });
});
