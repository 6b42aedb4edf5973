import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../../../test/support/test-database.ts';
import { Conflict } from '../../../kernel/errors.ts';
import { localDate } from '../../../kernel/local-date.ts';
import { foiRequestRepository as repo } from './foi-request-repository.ts';
import type { FoiRequestRecord } from './foi-rows.ts';

const NOW = '2026-11-27T02:00:00.000Z';

function aRecord(id: string, overrides: Partial<FoiRequestRecord> = {}): FoiRequestRecord {
  return {
    id,
    organId: 'organ-1',
    trackingCode: `YSQ-2026-${id.padStart(6, '0')}`,
    channel: 'letter',
    receivedOn: localDate('2025-09-26'),
    arrivedAt: NOW,
    applicantKind: 'natural-person',
    applicantName: '张三',
    applicant: { kind: 'natural-person', name: '张三', idType: 'resident-id', phone: '13800001234', address: '某县人民路2号', email: null },
    intake: { receiptBasis: null, missing: [] },
    idNumberCipher: 'v1:abc',
    idNumberMasked: '3301**********1234',
    idNumberHash: 'hash-1',
    phoneLast4: '1234',
    informationName: null,
    documentNumber: null,
    description: '名单',
    provisionForm: 'paper',
    deliveryMethod: 'post',
    duplicateOf: null,
    promotedItemId: null,
    version: 1,
    createdAt: NOW,
    createdBy: 'user-officer',
    updatedAt: NOW,
    ...overrides,
  };
}

describe.each(await testDialects())('foi-request repository on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await database.db.insertInto('organs').values({ id: 'organ-1', code: 'X1', name: '某县科学技术局', short_name: '县科技局', credit_code: null, is_main: 1, site_id_code: null, address: null, phone: null, created_at: NOW }).execute();
  });
  afterAll(async () => {
    await database.drop();
    if (dialect === 'sqlite') await database.destroy();
  });

  it('round-trips a request and finds it by tracking code and identity hash', async () => {
    const record = aRecord('1');
    await repo.insert(database.db, record);
    expect(await repo.findById(database.db, '1')).toEqual(record);
    expect((await repo.findByTrackingCode(database.db, record.trackingCode))?.id).toBe('1');
    expect((await repo.listByIdentityHash(database.db, 'hash-1')).map((r) => r.id)).toEqual(['1']);
    await expect(repo.insert(database.db, aRecord('2', { trackingCode: record.trackingCode }))).rejects.toThrow();
  });

  it('refuses a stale update and a second event with the same sequence number', async () => {
    await repo.insert(database.db, aRecord('3'));
    await repo.update(database.db, aRecord('3', { version: 2, description: '改' }), 1);
    await expect(repo.update(database.db, aRecord('3', { version: 2 }), 1)).rejects.toBeInstanceOf(Conflict);
    const recorded = { seq: 1, event: { type: 'withdrawn' as const, on: localDate('2025-10-09') }, recordedAt: NOW, recordedBy: 'u', recordedByName: '测试' };
    await repo.insertEvent(database.db, '3', recorded);
    await expect(repo.insertEvent(database.db, '3', recorded)).rejects.toThrow();
    expect(await repo.listEvents(database.db, '3')).toEqual([recorded]);
    expect((await repo.listEventsOf(database.db, ['3', '1'])).get('1')).toEqual([]);
  });

  it('filters lists by words in the code, name or description', async () => {
    await repo.insert(database.db, aRecord('4', { description: '科技创新券 100%_名单', receivedOn: localDate('2026-01-05') }));
    expect((await repo.list(database.db, { q: '100%_' })).map((r) => r.id)).toEqual(['4']);
    expect((await repo.list(database.db, { q: '100%x' })).map((r) => r.id)).toEqual([]);
    expect((await repo.list(database.db, { receivedFrom: localDate('2026-01-01') })).map((r) => r.id)).toEqual(['4']);
  });
});
