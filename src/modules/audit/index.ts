/** 审计日志: append-only, hash-chained record of every state change. */
export { createAuditLog, verifyAuditChain, listAudit, auditCsv, type AuditAppend, type AuditActor, type AuditEntry, type AuditQuery } from './audit-service.ts';
export type { AuditRecord, ChainBreak } from './domain/audit-chain.ts';
