import { createHash } from 'node:crypto';
import type { Db, Executor } from '../../db/database.ts';
import type { AuditLogRow } from '../../db/schema.ts';
import type { Clock } from '../../kernel/clock.ts';
import { canonicalAuditText, findChainBreak, GENESIS_HASH, type AuditRecord, type ChainBreak } from './domain/audit-chain.ts';

/** Who did it: a user, or the system (scheduler, CLI) with a descriptive name. */
export interface AuditActor {
  id: string | null;
  name: string;
}

export interface AuditEntry {
  actor: AuditActor;
  action: string;
  subjectType: string;
  subjectId: string;
  before?: unknown;
  after?: unknown;
}

/** Appends one record inside the caller's transaction (every state change, STYLE.md §2). */
export type AuditAppend = (trx: Executor, entry: AuditEntry) => Promise<void>;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const toJson = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

export function createAuditLog(clock: Clock) {
  /**
   * Locks the chain head (an UPDATE takes the row lock on PostgreSQL; SQLite has one writer),
   * so concurrent transactions on several instances append in one order without forks.
   */
  const append: AuditAppend = async (trx, entry) => {
    const head = await trx
      .updateTable('audit_head')
      .set((eb) => ({ seq: eb('seq', '+', 1) }))
      .where('id', '=', 1)
      .returning(['seq', 'last_hash'])
      .executeTakeFirstOrThrow();
    const record = {
      seq: head.seq,
      at: clock.now().toISOString(),
      actorId: entry.actor.id,
      actorName: entry.actor.name,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      beforeJson: toJson(entry.before),
      afterJson: toJson(entry.after),
      prevHash: head.last_hash,
    };
    const hash = sha256(canonicalAuditText(record));
    await trx.insertInto('audit_log').values(toRow({ ...record, hash })).execute();
    await trx.updateTable('audit_head').set({ last_hash: hash }).where('id', '=', 1).execute();
  };
  return { append };
}

function toRow(r: AuditRecord): AuditLogRow {
  return {
    seq: r.seq,
    at: r.at,
    actor_id: r.actorId,
    actor_name: r.actorName,
    action: r.action,
    subject_type: r.subjectType,
    subject_id: r.subjectId,
    before_json: r.beforeJson,
    after_json: r.afterJson,
    prev_hash: r.prevHash,
    hash: r.hash,
  };
}

export function fromAuditRow(r: AuditLogRow): AuditRecord {
  return {
    seq: Number(r.seq),
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    beforeJson: r.before_json,
    afterJson: r.after_json,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export interface VerifyResult {
  checked: number;
  firstBreak?: ChainBreak;
  headMismatch?: boolean;
}

/** Walks the whole chain in pages; also checks the head matches the last record (truncation). */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<VerifyResult> {
  let prev = { seq: 0, hash: GENESIS_HASH };
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', prev.seq).orderBy('seq').limit(pageSize).execute();
    if (rows.length === 0) break;
    const records = rows.map(fromAuditRow);
    const broken = findChainBreak(records, sha256, prev);
    if (broken) return { checked: checked + records.findIndex((r) => r.seq === broken.seq), firstBreak: broken };
    checked += records.length;
    const last = records[records.length - 1]!;
    prev = { seq: last.seq, hash: last.hash };
  }
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  if (Number(head.seq) !== prev.seq || head.last_hash !== prev.hash) return { checked, headMismatch: true };
  return { checked };
}

export interface AuditQuery {
  subjectType?: string;
  subjectId?: string;
  actorName?: string;
  action?: string;
  from?: string;
  to?: string;
  limit?: number;
  beforeSeq?: number;
}

/** Newest first, for the auditor's browser and exports. */
export async function listAudit(db: Executor, q: AuditQuery = {}): Promise<AuditRecord[]> {
  let query = db.selectFrom('audit_log').selectAll();
  if (q.subjectType) query = query.where('subject_type', '=', q.subjectType);
  if (q.subjectId) query = query.where('subject_id', '=', q.subjectId);
  if (q.actorName) query = query.where('actor_name', '=', q.actorName);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.from) query = query.where('at', '>=', q.from);
  if (q.to) query = query.where('at', '<', q.to);
  if (q.beforeSeq) query = query.where('seq', '<', q.beforeSeq);
  const rows = await query.orderBy('seq', 'desc').limit(q.limit ?? 100).execute();
  return rows.map(fromAuditRow);
}

const CSV_HEADER = ['序号', '时间', '操作人', '操作', '对象类型', '对象', '变更前', '变更后', '哈希'];

function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  // Leading =,+,-,@ would be read as formulas by spreadsheet programs.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV (UTF-8 with BOM, so that WPS/Excel open Chinese correctly). */
export function auditCsv(records: readonly AuditRecord[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const r of records)
    lines.push([r.seq, r.at, r.actorName, r.action, r.subjectType, r.subjectId, r.beforeJson, r.afterJson, r.hash].map(csvCell).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
