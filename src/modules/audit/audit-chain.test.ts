import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalAuditText, findChainBreak, GENESIS_HASH, type AuditRecord } from './domain/audit-chain.ts';

const sha = (t: string) => createHash('sha256').update(t).digest('hex');

function chain(n: number): AuditRecord[] {
  const out: AuditRecord[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const base = { seq, at: `2026-11-29T00:00:0${seq}Z`, actorId: 'u1', actorName: '张三', action: 'item.create', subjectType: 'item', subjectId: `i${seq}`, beforeJson: null, afterJson: `{"n":${seq}}`, prevHash: prev };
    const hash = sha(canonicalAuditText(base));
    out.push({ ...base, hash });
    prev = hash;
  }
  return out;
}

describe('audit hash chain', () => {
  it('accepts an intact chain', () => {
    expect(findChainBreak(chain(5), sha)).toBeUndefined();
  });
  it('names the first record whose content was changed', () => {
    const c = chain(5);
    c[2] = { ...c[2]!, afterJson: '{"n":999}' };
    expect(findChainBreak(c, sha)).toEqual({ seq: 3, problem: 'hash-mismatch' });
  });
  it('detects a deleted record as a sequence gap', () => {
    const c = chain(5);
    c.splice(1, 1);
    expect(findChainBreak(c, sha)).toEqual({ seq: 3, problem: 'sequence-gap' });
  });
  it('detects a record rewritten with a recomputed hash by the broken link after it', () => {
    const c = chain(4);
    const forged = { ...c[1]!, actorName: '李四' };
    c[1] = { ...forged, hash: sha(canonicalAuditText(forged)) };
    expect(findChainBreak(c, sha)).toEqual({ seq: 3, problem: 'prev-hash-mismatch' });
  });
});
