import { describe, expect, it } from 'vitest';
import { parseLocalDate, type LocalDate } from '../kernel/local-date.ts';
import { sanitizeBodyHtml } from '../modules/catalogue/body-html.ts';
import { validateCatalogueEntry } from '../modules/catalogue/domain/catalogue-entry.ts';
import { validateDocumentNumber } from '../modules/catalogue/domain/document-number.ts';
import { DEFAULT_GENRES, resolveGenre } from '../modules/catalogue/domain/genres.ts';
import { DEFAULT_TOPICS, resolveTopic } from '../modules/catalogue/domain/topics.ts';
import { isValidCreditCode, hasValidOrganisationCode } from './credit-code.ts';
import { DEMO_CATALOGUE_ENTRIES } from './demo-catalogue-entries.ts';
import { DEMO_TODAY, generateDemoItems, type DemoItem } from './demo-items.ts';
import { DEMO_ORGANS, DEMO_UNITS, DEMO_USERS } from './demo-organisation.ts';
import { CALENDAR } from './item-spec.ts';
import { mulberry32 } from './random.ts';

const items = generateDemoItems();
const share = (list: readonly DemoItem[], pred: (i: DemoItem) => boolean) => list.filter(pred).length / list.length;
const workingDaysBetween = (from: string, to: string) => CALENDAR.countWorkingDays(from as LocalDate, to as LocalDate).days;

/** Conversion typos of the seed plan (效劳=服务 …) and its stray 〞: none may reach generated text. */
const TYPOS = ['效劳', '事工程录', '开展规划', '反响意见', '快速反响', '根本目录', '标准性文件', '经济开展', '标准权力清单', '〞'];

describe('mulberry32', () => {
  it('is reproducible and spreads over [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const draws = Array.from({ length: 1000 }, () => a());
    expect(draws).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(draws.filter((x) => x < 0.5).length).toBeGreaterThan(430);
  });
});

describe('demo organisation', () => {
  it('gives both organs a valid 统一社会信用代码 used as their code', () => {
    expect(DEMO_ORGANS.map((o) => o.key)).toEqual(['kjj', 'zfb']);
    for (const organ of DEMO_ORGANS) {
      expect(isValidCreditCode(organ.creditCode)).toBe(true);
      expect(hasValidOrganisationCode(organ.creditCode)).toBe(true);
      expect(organ.code).toBe(organ.creditCode);
      expect(organ.siteIdCode).toMatch(/^\d{10}$/);
    }
    expect(DEMO_ORGANS.filter((o) => o.isMain).map((o) => o.shortName)).toEqual(['县科技局']);
  });

  it('has one account per role with a memorable password of at least 12 characters', () => {
    expect(DEMO_USERS.map((u) => u.role).sort()).toEqual(['admin', 'auditor', 'editor', 'editor', 'leader', 'officer']);
    expect(new Set(DEMO_USERS.map((u) => u.username)).size).toBe(DEMO_USERS.length);
    for (const user of DEMO_USERS) {
      expect(user.username).toMatch(/^[a-z]+$/);
      expect(user.password.length).toBeGreaterThanOrEqual(12);
      if (user.unitName) expect(DEMO_UNITS.some((u) => u.organKey === user.organKey && u.name === user.unitName)).toBe(true);
    }
    expect(DEMO_USERS.find((u) => u.role === 'auditor')?.organKey).toBe('zfb');
  });

  it('has unique unit names per organ', () => {
    const names = DEMO_UNITS.map((u) => `${u.organKey}/${u.name}`);
    expect(new Set(names).size).toBe(names.length);
    expect(DEMO_UNITS.filter((u) => u.organKey === 'kjj').map((u) => u.name)).toEqual(['办公室', '高新科', '农业科', '成果科', '知识产权局', '财务科']);
  });
});

describe('demo catalogue entries', () => {
  it('has at least 24 valid rows with unique keys', () => {
    expect(DEMO_CATALOGUE_ENTRIES.length).toBeGreaterThanOrEqual(24);
    expect(new Set(DEMO_CATALOGUE_ENTRIES.map((e) => e.key)).size).toBe(DEMO_CATALOGUE_ENTRIES.length);
    DEMO_CATALOGUE_ENTRIES.forEach((entry, sortOrder) => {
      expect(entry.key).toMatch(/^[a-z0-9-]+$/);
      expect(validateCatalogueEntry({ ...entry, sortOrder }), entry.key).toEqual({});
    });
  });

  it('keeps the short limits the bureau set: 3 working days for 解读, 20 days after 批复 for budgets', () => {
    const entry = (key: string) => DEMO_CATALOGUE_ENTRIES.find((e) => e.key === key)!;
    expect(entry('policy-interpretation').timeLimitWorkingDays).toBe(3);
    expect(entry('department-budget').timeLimitText).toContain('20日');
    expect(entry('public-concern').timeLimitText).toContain('24小时');
  });
});

describe('generateDemoItems', () => {
  it('is deterministic for a seed and varies between seeds', () => {
    expect(JSON.stringify(generateDemoItems(2026))).toBe(JSON.stringify(items));
    expect(JSON.stringify(generateDemoItems(7))).not.toBe(JSON.stringify(items));
  });

  describe.each([2026, 1, 99])('with seed %i', (seed) => {
    const list = seed === 2026 ? items : generateDemoItems(seed);
    const keys = new Map(list.map((i) => [i.key, i]));
    const proactivePublished = list.filter((i) => i.disclosure === 'proactive' && i.publishedOn !== null);

    it('has enough items with unique ASCII keys', () => {
      expect(list.length).toBeGreaterThanOrEqual(320);
      expect(keys.size).toBe(list.length);
      for (const item of list) expect(item.key).toMatch(/^[a-z0-9-]+$/);
    });

    it('keeps the disclosure, state and lateness shares', () => {
      expect(share(list, (i) => i.disclosure === 'proactive')).toBeGreaterThan(0.8);
      expect(share(list, (i) => i.disclosure === 'proactive')).toBeLessThan(0.9);
      expect(share(list, (i) => i.disclosure === 'on-request')).toBeGreaterThan(0.05);
      expect(share(list, (i) => i.disclosure === 'on-request')).toBeLessThan(0.11);
      expect(share(list, (i) => i.disclosure === 'exempt')).toBeGreaterThan(0.04);
      expect(share(list, (i) => i.disclosure === 'exempt')).toBeLessThan(0.1);
      expect(share(list, (i) => i.state === 'retracted')).toBeGreaterThan(0.03);
      expect(share(list, (i) => i.state === 'retracted')).toBeLessThan(0.05);
      expect(share(list, (i) => i.documentNumber !== null)).toBeGreaterThan(0.3);
      expect(share(list, (i) => i.documentNumber !== null)).toBeLessThan(0.5);
      const late = share(proactivePublished, (i) => workingDaysBetween(i.writtenOn, i.publishedOn!) > 20);
      expect(late).toBeGreaterThan(0.05);
      expect(late).toBeLessThan(0.12);
      for (const state of ['draft', 'submitted', 'approved'] as const) expect(list.some((i) => i.state === state)).toBe(true);
    });

    it('has real dates, none after the demo today', () => {
      for (const item of list) {
        const dates = [item.writtenOn, item.publishedOn, item.effectiveOn, item.expiredOn, item.repealedOn].filter((d): d is string => d !== null);
        for (const d of dates) expect(parseLocalDate(d), `${item.key} ${d}`).toBeDefined();
        expect(item.writtenOn >= '2019-01-01' && item.writtenOn <= '2026-11-20', item.key).toBe(true);
        if (item.publishedOn) expect(item.publishedOn >= item.writtenOn && item.publishedOn <= DEMO_TODAY, item.key).toBe(true);
        if (item.effectiveOn) expect(item.effectiveOn >= item.writtenOn, item.key).toBe(true);
        for (const ended of [item.expiredOn, item.repealedOn]) if (ended) expect(ended <= DEMO_TODAY && ended >= item.effectiveOn!, item.key).toBe(true);
      }
    });

    it('numbers documents per 代字 and year in the form 县科技发〔2023〕12号, increasing and unique', () => {
      const numbered = list.filter((i) => i.documentNumber !== null).sort((a, b) => (a.writtenOn < b.writtenOn ? -1 : 1));
      expect(new Set(numbered.map((i) => i.documentNumber)).size).toBe(numbered.length);
      const last = new Map<string, number>();
      for (const item of numbered) {
        const m = /^(.+)〔(\d{4})〕([1-9]\d*)号$/.exec(item.documentNumber!);
        expect(m, item.documentNumber!).not.toBeNull();
        expect(Number(m![2])).toBe(Number(item.writtenOn.slice(0, 4)));
        expect(validateDocumentNumber(item.documentNumber!, item.writtenOn as LocalDate).ok).toBe(true);
        const counter = `${m![1]}${m![2]}`;
        expect(Number(m![3])).toBeGreaterThanOrEqual(last.get(counter) ?? 1);
        last.set(counter, Number(m![3]));
      }
    });

    it('links only to existing items and catalogue rows that fit', () => {
      for (const item of list) {
        if (item.catalogueEntryKey === null) expect(item.disclosure).toBe('exempt');
        else {
          const entry = DEMO_CATALOGUE_ENTRIES.find((e) => e.key === item.catalogueEntryKey);
          expect(entry, item.key).toBeDefined();
          expect(entry!.organKey).toBe(item.organKey);
          expect(entry!.methods).toContain(item.disclosure === 'on-request' ? '依申请' : '主动');
        }
        for (const linked of [item.repealedByKey, item.revisesKey, item.interpretsKey]) if (linked) expect(keys.has(linked), `${item.key} → ${linked}`).toBe(true);
        if (item.repealedByKey) expect(keys.get(item.repealedByKey)!.writtenOn > item.writtenOn).toBe(true);
        if (item.revisesKey) expect(keys.get(item.revisesKey)!.validity).toBe('expired');
      }
    });

    it('has at least 25 规范性文件 with 废止 and 失效 ones linked to the later document', () => {
      const normative = list.filter((i) => i.genre === '行政规范性文件');
      expect(normative.length).toBeGreaterThanOrEqual(25);
      const repealed = normative.filter((i) => i.validity === 'repealed');
      expect(repealed.length).toBeGreaterThanOrEqual(6);
      for (const item of repealed) expect(item.repealedOn !== null && item.repealedByKey !== null && item.expiredOn === null, item.key).toBe(true);
      const expired = normative.filter((i) => i.validity === 'expired');
      expect(expired.length).toBeGreaterThanOrEqual(3);
      for (const item of expired) expect(item.expiredOn !== null && item.repealedOn === null && item.repealedByKey === null, item.key).toBe(true);
      expect(list.filter((i) => i.revisesKey !== null).length).toBeGreaterThanOrEqual(3);
      for (const item of list.filter((i) => i.validity === 'effective')) expect(item.expiredOn ?? item.repealedOn ?? item.repealedByKey).toBeNull();
      const years = new Set(normative.map((i) => i.writtenOn.slice(0, 4)));
      expect(years.size).toBeGreaterThanOrEqual(7);
    });

    it('publishes 政策解读 of 规范性文件 within 3 working days of the document', () => {
      const interpretations = list.filter((i) => i.interpretsKey && keys.get(i.interpretsKey)!.genre === '行政规范性文件');
      expect(interpretations.length).toBeGreaterThanOrEqual(3);
      for (const item of interpretations) {
        expect(item.genre).toBe('政策解读');
        const target = keys.get(item.interpretsKey!)!;
        if (item.publishedOn && target.publishedOn) expect(workingDaysBetween(target.publishedOn, item.publishedOn), item.key).toBeLessThanOrEqual(3);
      }
    });

    it('never publishes what is not 主动公开, and gives each attribute its reason', () => {
      for (const item of list) {
        if (item.disclosure !== 'proactive') {
          expect(['draft', 'approved'], item.key).toContain(item.state);
          expect(item.publishedOn).toBeNull();
        }
        expect(item.onRequestReason !== null).toBe(item.disclosure === 'on-request');
        expect(item.exemption !== null).toBe(item.disclosure === 'exempt');
        expect(item.publishedOn !== null).toBe(item.state === 'published' || item.state === 'retracted');
        expect(item.retractReason !== null).toBe(item.state === 'retracted');
      }
    });

    it('uses topics and genres that resolve in the default trees, and no 规章', () => {
      for (const item of list) {
        const topic = resolveTopic(DEFAULT_TOPICS, item.topic);
        expect(topic.ok && topic.value.parentCode !== null, item.topic).toBe(true);
        expect(resolveGenre(DEFAULT_GENRES, item.genre).ok, item.genre).toBe(true);
        expect(item.genre).not.toBe('规章');
      }
    });

    it('has short summaries and clean bodies of 300 to 3000 characters', () => {
      for (const item of list) {
        expect([...item.summary].length, item.key).toBeLessThanOrEqual(100);
        expect(item.bodyHtml.length, item.key).toBeGreaterThanOrEqual(300);
        expect(item.bodyHtml.length, item.key).toBeLessThanOrEqual(3000);
        expect(sanitizeBodyHtml(item.bodyHtml), item.key).toBe(item.bodyHtml);
        expect(`${item.title}${item.summary}${item.bodyHtml}`).not.toMatch(/@@|undefined|NaN/);
      }
    });
  });

  it('has one 政府信息公开工作年度报告 of the bureau per year 2019–2025', () => {
    const reports = items.filter((i) => i.genre === '年度报告' && i.organKey === 'kjj');
    expect(reports.map((i) => i.title.match(/\d{4}/)![0]).sort()).toEqual(['2019', '2020', '2021', '2022', '2023', '2024', '2025']);
    for (const report of reports) expect(report.writtenOn.slice(0, 4)).toBe(String(Number(report.title.match(/\d{4}/)![0]) + 1));
  });

  it('covers every year from 2019 to 2026 and both organs', () => {
    const years = new Set(items.map((i) => i.writtenOn.slice(0, 4)));
    expect([...years].sort()).toEqual(['2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026']);
    expect(items.filter((i) => i.organKey === 'zfb').length).toBeGreaterThanOrEqual(20);
  });

  it('contains none of the seed plan’s conversion typos', () => {
    const texts = [
      ...items.flatMap((i) => [i.title, i.summary, i.bodyHtml, i.onRequestReason ?? '', i.exemption?.reason ?? '', i.retractReason ?? '']),
      ...DEMO_CATALOGUE_ENTRIES.flatMap((e) => [e.level1, e.level2, e.content, e.timeLimitText, e.subject, ...e.basis.map((b) => b.title)]),
      ...DEMO_ORGANS.flatMap((o) => [o.name, o.address]),
      ...DEMO_USERS.map((u) => u.displayName),
    ];
    for (const typo of TYPOS) expect(texts.filter((t) => t.includes(typo)), typo).toEqual([]);
  });
});
