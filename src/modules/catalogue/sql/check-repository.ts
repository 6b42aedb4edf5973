import type { Executor } from '../../../db/database.ts';
import type { ItemCheckOverrideRow } from '../../../db/schema.ts';
import type { ItemCheckFinding } from '../domain/publication-gate.ts';

/** The text read from one file content. */
export interface AttachmentText {
  sha256: string;
  kind: string;
  status: 'text' | 'no-text' | 'unreadable' | 'not-checked';
  problem: string | null;
  text: string;
  reader: string;
  readAt: string;
}

/** A leader's override as stored. */
export interface CheckOverrideRecord {
  id: string;
  itemId: string;
  itemVersion: number;
  overriddenAt: string;
  overriddenBy: string;
  overriddenByName: string;
  reason: string;
  findingKeys: string[];
  findings: ItemCheckFinding[];
}

/** The gate's record of one published edition: lateness is a fact kept, not recomputed. */
export interface EditionCheckRecord {
  itemId: string;
  editionNo: number;
  checkedAt: string;
  timelinessStatus: string | null;
  lateByDays: number | null;
  dueOn: string | null;
  findings: ItemCheckFinding[];
  overrideIds: string[];
}

const overrideFromRow = (r: ItemCheckOverrideRow): CheckOverrideRecord => ({
  id: r.id,
  itemId: r.item_id,
  itemVersion: Number(r.item_version),
  overriddenAt: r.overridden_at,
  overriddenBy: r.overridden_by,
  overriddenByName: r.overridden_by_name,
  reason: r.reason,
  findingKeys: JSON.parse(r.finding_keys_json) as string[],
  findings: JSON.parse(r.findings_json) as ItemCheckFinding[],
});

/** Storage of attachment texts, overrides and edition check records (no rules here). */
export const checkRepository = {
  async findTexts(db: Executor, sha256s: readonly string[]): Promise<Map<string, AttachmentText>> {
    if (sha256s.length === 0) return new Map();
    const rows = await db.selectFrom('attachment_texts').selectAll().where('sha256', 'in', [...sha256s]).execute();
    return new Map(rows.map((r) => [r.sha256, { sha256: r.sha256, kind: r.kind, status: r.status as AttachmentText['status'], problem: r.problem, text: r.text, reader: r.reader, readAt: r.read_at }]));
  },

  /** Stores a reading unless one exists (two instances may read the same file at once; either result is the same). */
  async saveText(db: Executor, t: AttachmentText): Promise<void> {
    await db
      .insertInto('attachment_texts')
      .values({ sha256: t.sha256, kind: t.kind, status: t.status, problem: t.problem, text: t.text, reader: t.reader, read_at: t.readAt })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
  },

  async listOverrides(db: Executor, itemId: string): Promise<CheckOverrideRecord[]> {
    const rows = await db.selectFrom('item_check_overrides').selectAll().where('item_id', '=', itemId).orderBy('overridden_at').orderBy('id').execute();
    return rows.map(overrideFromRow);
  },

  async insertOverride(db: Executor, o: CheckOverrideRecord): Promise<void> {
    await db
      .insertInto('item_check_overrides')
      .values({
        id: o.id,
        item_id: o.itemId,
        item_version: o.itemVersion,
        overridden_at: o.overriddenAt,
        overridden_by: o.overriddenBy,
        overridden_by_name: o.overriddenByName,
        reason: o.reason,
        finding_keys_json: JSON.stringify(o.findingKeys),
        findings_json: JSON.stringify(o.findings),
      })
      .execute();
  },

  async insertEditionCheck(db: Executor, r: EditionCheckRecord): Promise<void> {
    await db
      .insertInto('item_edition_checks')
      .values({ item_id: r.itemId, edition_no: r.editionNo, checked_at: r.checkedAt, timeliness_status: r.timelinessStatus, late_by_days: r.lateByDays, due_on: r.dueOn, findings_json: JSON.stringify(r.findings), override_ids_json: JSON.stringify(r.overrideIds) })
      .execute();
  },

  async listEditionChecks(db: Executor, itemId: string): Promise<EditionCheckRecord[]> {
    const rows = await db.selectFrom('item_edition_checks').selectAll().where('item_id', '=', itemId).orderBy('edition_no').execute();
    return rows.map((r) => ({
      itemId: r.item_id,
      editionNo: Number(r.edition_no),
      checkedAt: r.checked_at,
      timelinessStatus: r.timeliness_status,
      lateByDays: r.late_by_days === null ? null : Number(r.late_by_days),
      dueOn: r.due_on,
      findings: JSON.parse(r.findings_json) as ItemCheckFinding[],
      overrideIds: JSON.parse(r.override_ids_json) as string[],
    }));
  },
};
