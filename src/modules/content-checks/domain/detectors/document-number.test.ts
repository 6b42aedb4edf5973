import { describe, expect, it } from 'vitest';
import { findDocumentNumberProblems } from './document-number.ts';

const find = (text: string) => findDocumentNumberProblems(text).map((f) => [f.rule, f.text, f.suggestion]);

describe('发文字号 in running text (GB/T 9704-2012 §7.2.4)', () => {
  it.each([
    ['工作要点(xx政办发(2023)37号)精神', 'document-number/brackets', '(2023)37号', '〔2023〕37号'],
    ['xx科发[2022]15号', 'document-number/brackets', '[2022]15号', '〔2022〕15号'],
    ['xx政发（2023）8号', 'document-number/brackets', '（2023）8号', '〔2023〕8号'],
    ['xx政发【2023】8号', 'document-number/brackets', '【2023】8号', '〔2023〕8号'],
    ['xx政发﹝2023﹞8号', 'document-number/brackets', '﹝2023﹞8号', '〔2023〕8号'],
    ['xx科发〔2023〕第12号', 'document-number/ordinal', '〔2023〕第12号', '〔2023〕12号'],
    ['xx科发〔2023〕012号', 'document-number/leading-zero', '〔2023〕012号', '〔2023〕12号'],
    ['xx科发(2023)第012号', 'document-number/brackets', '(2023)第012号', '〔2023〕12号'],
  ])('%s', (text, rule, wrong, suggestion) => {
    expect(find(text)).toEqual([[rule, wrong, suggestion]]);
  });

  it.each([
    ['xx政办发〔2023〕37号'],
    ['国科发政〔2017〕115号'],
    ['案号为（2023）豫0102行初56号'],
    ['（2023）37号'],
    ['统计期限为2023年(全年)'],
  ])('%s: nothing', (text) => {
    expect(find(text)).toEqual([]);
  });
});
