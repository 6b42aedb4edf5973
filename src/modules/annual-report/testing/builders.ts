/** Test builders for the annual-report module: catalogue items published on a given day, and a fake FOI source. */
import { zipEntryText } from '../../../web/docx/zip-entry.ts';
import type { LocalDate } from '../../../kernel/local-date.ts';
import type { ItemInput } from '../../catalogue/item-service.ts';
import { anItemInput, type TestContext } from '../../../../test/support/test-services.ts';
import { AnnualReportService } from '../annual-report-service.ts';
import type { ApplicationRecord, ApplicationRecordSource } from '../application-records.ts';
import type { ReviewRecord } from '../domain/compute-tables.ts';
import type { ApplicantKind } from '../domain/report-format.ts';
import type { OutcomeCode } from '../domain/outcome-rows.ts';

export const day = (text: string) => text as LocalDate;

/** An item imported as published on `publishedOn` (the catalogue's history import: one transaction). */
export async function aPublishedItem(t: TestContext, publishedOn: string, overrides: Partial<ItemInput> = {}) {
  return t.services.items.importItem(t.actors.officer, anItemInput({ writtenOn: publishedOn, documentNumber: null, ...overrides }), { publishedOn: day(publishedOn) });
}

let normativeSerial = 0;

/**
 * A 行政规范性文件 published on `publishedOn`; `repealedOn` marks it 废止 from that day. It carries a 发文字号 of its
 * year, as the publication gate requires of 规章 and 规范性文件 (国办发〔2018〕37号 统一编号).
 */
export function aNormativeDocument(t: TestContext, publishedOn: string, repealedOn?: string) {
  return aPublishedItem(t, publishedOn, {
    title: `关于科技计划项目管理的若干规定（${publishedOn}）`,
    documentNumber: `县科技规〔${publishedOn.slice(0, 4)}〕${++normativeSerial}号`,
    genreCode: 'normative-document',
    topicCode: 't11-01',
    ...(repealedOn ? { validity: 'repealed', validityEndedOn: repealedOn } : { validity: 'effective' }),
  });
}

/** A request: received, and optionally decided with an outcome, withdrawn, and due. */
export function aRequest(receivedOn: string, applicantKind: ApplicantKind, closing: { outcome?: OutcomeCode; decidedOn?: string; withdrawnOn?: string; replyDueOn?: string; reference?: string; isNoticeComplete?: boolean } = {}): ApplicationRecord {
  return {
    receivedOn: day(receivedOn),
    applicantKind,
    outcome: closing.outcome ?? null,
    decidedOn: closing.decidedOn ? day(closing.decidedOn) : null,
    withdrawnOn: closing.withdrawnOn ? day(closing.withdrawnOn) : null,
    replyDueOn: closing.replyDueOn ? day(closing.replyDueOn) : null,
    reference: closing.reference ?? null,
    isNoticeComplete: closing.isNoticeComplete ?? null,
  };
}

/** A connected FOI source holding `requests` and `reviews` for every organ and year. */
export function fakeRecords(requests: ApplicationRecord[], reviews: ReviewRecord[] = [], feesYuan?: number): ApplicationRecordSource {
  return {
    isConnected: true,
    requestRecords: async () => requests,
    reviewRecords: async () => reviews,
    ...(feesYuan === undefined ? {} : { processingFeesYuan: async () => feesYuan }),
  };
}

/** The report service on the test context's database with another FOI source. */
export function reportsWith(t: TestContext, records: ApplicationRecordSource): AnnualReportService {
  const s = t.services;
  return new AnnualReportService({ db: s.database.db, clock: s.clock, audit: s.audit, items: s.items, records });
}

/** The text of word/document.xml inside a DOCX. */
export function documentXml(docx: Buffer): string {
  const xml = zipEntryText(docx, 'word/document.xml');
  if (xml === undefined) throw new Error('no word/document.xml');
  return xml;
}
