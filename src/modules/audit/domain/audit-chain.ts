/**
 * The audit log is a hash chain: each record's hash covers its content and the previous hash,
 * so changing, inserting or deleting a record breaks every later link.
 */
export interface AuditRecord {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string;
  action: string;
  subjectType: string;
  subjectId: string;
  beforeJson: string | null;
  afterJson: string | null;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The exact text hashed for a record: its fields in a fixed order, prev hash included. */
export function canonicalAuditText(r: Omit<AuditRecord, 'hash'>): string {
  return JSON.stringify([r.seq, r.at, r.actorId, r.actorName, r.action, r.subjectType, r.subjectId, r.beforeJson, r.afterJson, r.prevHash]);
}

export type ChainBreak = { seq: number; problem: 'hash-mismatch' | 'prev-hash-mismatch' | 'sequence-gap' };

/**
 * Checks a run of records in seq order, continuing from `prev` (the record before the run).
 * Returns the first break, or undefined when the run is intact.
 */
export function findChainBreak(
  records: readonly AuditRecord[],
  hash: (text: string) => string,
  prev: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
): ChainBreak | undefined {
  let last = prev;
  for (const r of records) {
    if (r.seq !== last.seq + 1) return { seq: r.seq, problem: 'sequence-gap' };
    if (r.prevHash !== last.hash) return { seq: r.seq, problem: 'prev-hash-mismatch' };
    if (hash(canonicalAuditText(r)) !== r.hash) return { seq: r.seq, problem: 'hash-mismatch' };
    last = r;
  }
  return undefined;
}
