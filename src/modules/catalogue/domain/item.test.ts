import { describe, expect, it } from 'vitest';
import { localDate } from '../../../kernel/local-date.ts';
import { DEFAULT_GENRES } from './genres.ts';
import { CATALOGUE_MESSAGES, toItemDraft, validateItemDraft, type ItemDraftInput } from './item.ts';
import { DEFAULT_TOPICS } from './topics.ts';

const today = localDate('2026-03-02');
const ctx = { today, topics: DEFAULT_TOPICS, genres: DEFAULT_GENRES };

const valid: ItemDraftInput = {
  title: ' 关于印发《县科技计划项目管理办法》的通知 ',
  organId: 'org-kjj',
  jointIssuers: ['org-czj'],
  documentNumber: '县科技发〔2026〕3号',
  writtenOn: '2026-02-10',
  topicCode: 't11-01',
  genreCode: 'normative-document',
  summary: '明确县级科技计划项目的立项、实施和验收。',
  bodyHtml: '<p>各乡镇人民政府：</p>',
  disclosure: 'proactive',
};

function errorsOf(override: Partial<ItemDraftInput>): unknown {
  return validateItemDraft({ ...valid, ...override }, ctx);
}

describe('validateItemDraft accepts', () => {
  it('a complete 规范性文件 and normalises it, defaulting 有效性 to effective', () => {
    expect(toItemDraft(valid, ctx)).toEqual({
      ok: true,
      value: {
        title: '关于印发《县科技计划项目管理办法》的通知',
        organId: 'org-kjj',
        jointIssuers: ['org-czj'],
        documentNumber: '县科技发〔2026〕3号',
        writtenOn: '2026-02-10',
        topicCode: 't11-01',
        genreCode: 'normative-document',
        summary: '明确县级科技计划项目的立项、实施和验收。',
        bodyHtml: '<p>各乡镇人民政府：</p>',
        disclosure: { attribute: 'proactive' },
        catalogueEntryId: null,
        validity: 'effective',
        effectiveOn: null,
        validityEndedOn: null,
      },
    });
  });

  it('a 工作动态 without number or validity', () => {
    const result = toItemDraft({ ...valid, genreCode: 'work-news', documentNumber: ' ', jointIssuers: [] }, ctx);
    expect(result).toMatchObject({ ok: true, value: { documentNumber: null, validity: null } });
  });

  it('a repealed document with its dates', () => {
    const input: ItemDraftInput = { ...valid, validity: 'repealed', effectiveOn: '2026-03-01', validityEndedOn: '2026-03-02' };
    expect(toItemDraft(input, ctx)).toMatchObject({ ok: true, value: { validity: 'repealed', effectiveOn: '2026-03-01', validityEndedOn: '2026-03-02' } });
  });

  it('a 200-character title and a future 生效日期', () => {
    expect(errorsOf({ title: '科'.repeat(200), effectiveOn: '2026-07-01' })).toEqual({});
  });
});

describe('validateItemDraft refuses', () => {
  it.each<[string, Partial<ItemDraftInput>, Record<string, string>]>([
    ['a blank title', { title: '  ' }, { title: 'required' }],
    ['a 201-character title', { title: '科'.repeat(201) }, { title: 'too-long' }],
    ['a title with a newline', { title: '关于\n通知' }, { title: 'control-characters' }],
    ['a title with a bidi override', { title: '通知\u202E' }, { title: 'control-characters' }],
    ['a missing 成文日期', { writtenOn: '' }, { writtenOn: 'required' }],
    ['an impossible 成文日期', { writtenOn: '2026-02-30', documentNumber: null }, { writtenOn: 'invalid-date' }],
    ['a future 成文日期', { writtenOn: '2026-03-03' }, { writtenOn: 'date-in-future' }],
    ['a 501-character summary', { summary: '述'.repeat(501) }, { summary: 'too-long' }],
    ['ASCII brackets in the number', { documentNumber: '县科技发(2026)3号' }, { documentNumber: 'wrong-brackets' }],
    ['a number from another year', { documentNumber: '县科技发〔2025〕3号' }, { documentNumber: 'year-mismatch' }],
    ['a zero-padded serial', { documentNumber: '县科技发〔2026〕003号' }, { documentNumber: 'leading-zero' }],
    ['a missing organ', { organId: '' }, { organId: 'required' }],
    ['the lead organ as joint issuer', { jointIssuers: ['org-kjj'] }, { jointIssuers: 'lead-issuer-as-joint-issuer' }],
    ['a repeated joint issuer', { jointIssuers: ['org-czj', 'org-czj'] }, { jointIssuers: 'duplicate-joint-issuer' }],
    ['an unknown topic', { topicCode: 't99' }, { topicCode: 'unknown-topic' }],
    ['a topic name instead of a code', { topicCode: '科技' }, { topicCode: 'unknown-topic' }],
    ['an unknown genre', { genreCode: 'press' }, { genreCode: 'unknown-genre' }],
    ['an unknown validity (an uncast JSON body)', { validity: '有效' as never }, { validity: 'unknown-validity' }],
    ['repealed without a date', { validity: 'repealed' }, { validityEndedOn: 'date-required' }],
    ['expired before it was written', { validity: 'expired', validityEndedOn: '2026-01-01' }, { validityEndedOn: 'date-before-written' }],
    ['expired in the future', { validity: 'expired', validityEndedOn: '2026-03-03' }, { validityEndedOn: 'date-in-future' }],
    ['ended before it took effect', { validity: 'expired', effectiveOn: '2026-03-01', validityEndedOn: '2026-02-20' }, { validityEndedOn: 'date-before-effective' }],
    ['an end date on an effective document', { validity: 'effective', validityEndedOn: '2026-03-01' }, { validityEndedOn: 'validity-date-not-allowed' }],
    ['taking effect before it was written', { effectiveOn: '2026-02-09' }, { effectiveOn: 'date-before-written' }],
    ['an impossible 生效日期', { effectiveOn: '2026-13-01' }, { effectiveOn: 'invalid-date' }],
    ['不予公开 without a ground', { disclosure: 'exempt' }, { 'exemption.basis': 'required', 'exemption.reason': 'required' }],
    ['不予公开 with an unlisted ground', { disclosure: 'exempt', exemption: { basis: 'administrative-query', reason: '查询' } }, { 'exemption.basis': 'unknown-exemption-basis' }],
    ['主动公开 with a ground', { exemption: { basis: 'state-secret', reason: '涉密' } }, { exemption: 'exemption-not-allowed' }],
    ['a missing 公开属性', { disclosure: '' as never }, { disclosure: 'required' }],
    ['an unknown 公开属性', { disclosure: 'public' as never }, { disclosure: 'unknown-disclosure-attribute' }],
  ])('%s', (_name, override, expected) => {
    expect(errorsOf(override)).toEqual(expected);
  });

  it('reports every invalid field at once', () => {
    expect(errorsOf({ title: '', writtenOn: 'x', topicCode: '', disclosure: 'on-request' })).toEqual({
      title: 'required',
      writtenOn: 'invalid-date',
      topicCode: 'required',
      onRequestReason: 'required',
    });
  });

  it('checks the number’s form even when the 成文日期 is unusable', () => {
    expect(errorsOf({ writtenOn: '', documentNumber: '县科技发〔2026〕第3号' })).toEqual({ writtenOn: 'required', documentNumber: 'ordinal-prefix' });
  });

  it('uses the county’s own genre list', () => {
    const genres = [{ code: 'press', name: '新闻发布', columnType: 'news' as const, sortOrder: 1 }];
    expect(toItemDraft({ ...valid, genreCode: 'press' }, { today, genres })).toMatchObject({ ok: true, value: { validity: null } });
  });

  it('checks codes exist only against trees it is given', () => {
    expect(validateItemDraft({ ...valid, topicCode: 'county-7', genreCode: 'press' }, { today })).toEqual({});
  });

  it('returns the normalised disclosure', () => {
    const input: ItemDraftInput = { ...valid, disclosure: 'on-request', onRequestReason: ' 仅涉及特定企业 ' };
    expect(toItemDraft(input, ctx)).toMatchObject({ ok: true, value: { disclosure: { attribute: 'on-request', onRequestReason: '仅涉及特定企业' } } });
  });
});


describe('messages', () => {
  it('has a message for every code the draft check returned above', () => {
    const codes = Object.values(validateItemDraft({ ...valid, title: '', writtenOn: '2026-13-01', disclosure: 'exempt', validity: 'repealed' }, ctx));
    expect(codes).toEqual(['required', 'invalid-date', 'required', 'required']);
    for (const code of codes) expect(CATALOGUE_MESSAGES[code!]).toMatch(/\p{Script=Han}/u);
  });
});
