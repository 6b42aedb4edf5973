import { describe, expect, it } from 'vitest';
import { applicantCells, reviewCells, type ReviewTable } from './annual-report.ts';
import { NO_ENTERED_FIGURES, validateEnteredFigures } from './entered-figures.ts';
import { draftSections, mergeDrafts } from './narrative.ts';

const proactive = { regulation: { issued: 0, repealed: 0, effective: 0 }, normativeDocument: { issued: 3, repealed: 1, effective: 8 }, licensing: 0, penalty: 0, enforcement: 0, feesWanYuan: 0, decisionsSource: '县政务服务中心' };
const applications = { layout: 'split' as const, rows: { received: applicantCells({ 'natural-person': 4, commercial: 1 }), 'results-total': applicantCells({ 'natural-person': 4 }), disclosed: applicantCells({ 'natural-person': 3 }), 'withheld-third-party': applicantCells({ 'natural-person': 1 }), 'carried-forward': applicantCells({ commercial: 1 }) } };
const reviews = { reconsideration: reviewCells({ upheld: 1 }), 'litigation-direct': reviewCells(), 'litigation-after-reconsideration': reviewCells({ pending: 1 }) } as ReviewTable;
const facts = { organ: '某县科学技术局', year: 2025, itemsPublished: 120, catalogueEntries: 30, catalogueEntriesCovered: 24, processingFeeYuan: 0 };

describe('narrative drafts', () => {
  it('fills 总体情况 from the tables and states the 信息处理费 in 六, even 0 元', () => {
    const sections = draftSections(facts, proactive, applications, reviews);
    expect(sections.map((s) => s.heading)).toEqual(['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']);
    expect(sections[0]!.text).toContain('全年主动公开政府信息120条，其中制发行政规范性文件3件，截至12月31日现行有效行政规范性文件8件。');
    expect(sections[0]!.text).toContain('全年新收政府信息公开申请5件，上年结转0件；办结4件，其中予以公开3件，部分公开0件，不予公开1件');
    expect(sections[0]!.text).toContain('因政府信息公开被申请行政复议1件，被提起行政诉讼1件。');
    expect(sections[0]!.text).toContain('主动公开基本目录共30项，本年有信息发布的24项。');
    expect(sections[1]!.text).toContain('数据来源：县政务服务中心');
    expect(sections[5]!.text).toBe('2025年，本机关严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费0元。');
    expect(draftSections({ ...facts, processingFeeYuan: 12.5 }, proactive, applications, reviews)[5]!.text).toContain('信息处理费12.5元');
  });

  it('redrafts only the sections the office has not edited', () => {
    const old = draftSections(facts, proactive, applications, reviews);
    const edited = old.map((s) => (s.heading.startsWith('五') ? { ...s, text: '办公室写的问题' } : s));
    const fresh = draftSections({ ...facts, itemsPublished: 121 }, proactive, applications, reviews);
    const merged = mergeDrafts(edited, old, fresh);
    expect(merged[4]!.text).toBe('办公室写的问题');
    expect(merged[0]!.text).toContain('全年主动公开政府信息121条');
  });
});

describe('entered figures', () => {
  it('accepts counts, 万元 with four decimals and 元 with two, and a carry-over per applicant kind', () => {
    const ok = validateEnteredFigures({ ...NO_ENTERED_FIGURES, licensing: 9487, feesWanYuan: 7730.2801, decisionsSource: ' 审批系统 ', processingFeeYuan: 30.5, previousCarriedForward: { 'natural-person': 2 } });
    expect(ok).toMatchObject({ ok: true, value: { decisionsSource: '审批系统' } });
  });

  it('refuses negatives, fractions of a count, too many decimals, unknown kinds and a missing source', () => {
    const r = validateEnteredFigures({ ...NO_ENTERED_FIGURES, penalty: -1, enforcement: 1.5, feesWanYuan: 1.00001, processingFeeYuan: 0.001, previousCarriedForward: { martians: 1 } as never });
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual({ penalty: 'not-a-count', enforcement: 'not-a-count', feesWanYuan: 'not-an-amount', processingFeeYuan: 'not-an-amount', decisionsSource: 'source-required', 'previousCarriedForward.martians': 'unknown-field' });
  });
});
