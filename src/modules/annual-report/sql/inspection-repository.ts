/** inspection_plans and inspection_reports rows ↔ the self-inspection's stored settings and remarks. */
import type { Executor } from '../../../db/database.ts';

/** The office's weights: the 政务公开 share of the appraisal (hundredths of a percent) and per-indicator weights. */
export interface InspectionPlan {
  organId: string;
  appraisalWeightBp: number;
  weights: Record<string, number>;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

/** The office's words in a year's self-inspection report. */
export interface InspectionRemarks {
  id: string;
  organId: string;
  year: number;
  problems: string;
  remedies: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export const inspectionRepository = {
  async findPlan(db: Executor, organId: string): Promise<InspectionPlan | undefined> {
    const r = await db.selectFrom('inspection_plans').selectAll().where('organ_id', '=', organId).executeTakeFirst();
    return r && { organId: r.organ_id, appraisalWeightBp: Number(r.appraisal_weight_bp), weights: JSON.parse(r.weights_json), version: Number(r.version), updatedAt: r.updated_at, updatedBy: r.updated_by };
  },

  /** Inserts the plan (expectedVersion undefined) or overwrites it at expectedVersion; false when stale. */
  async savePlan(db: Executor, plan: InspectionPlan, expectedVersion: number | undefined): Promise<boolean> {
    const values = { appraisal_weight_bp: plan.appraisalWeightBp, weights_json: JSON.stringify(plan.weights), version: plan.version, updated_at: plan.updatedAt, updated_by: plan.updatedBy };
    if (expectedVersion === undefined) {
      await db.insertInto('inspection_plans').values({ organ_id: plan.organId, ...values }).execute();
      return true;
    }
    const r = await db.updateTable('inspection_plans').set(values).where('organ_id', '=', plan.organId).where('version', '=', expectedVersion).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async findRemarks(db: Executor, organId: string, year: number): Promise<InspectionRemarks | undefined> {
    const r = await db.selectFrom('inspection_reports').selectAll().where('organ_id', '=', organId).where('year', '=', year).executeTakeFirst();
    return r && { id: r.id, organId: r.organ_id, year: Number(r.year), problems: r.problems, remedies: r.remedies, version: Number(r.version), updatedAt: r.updated_at, updatedBy: r.updated_by };
  },

  async saveRemarks(db: Executor, remarks: InspectionRemarks, expectedVersion: number | undefined): Promise<boolean> {
    const values = { problems: remarks.problems, remedies: remarks.remedies, version: remarks.version, updated_at: remarks.updatedAt, updated_by: remarks.updatedBy };
    if (expectedVersion === undefined) {
      await db.insertInto('inspection_reports').values({ id: remarks.id, organ_id: remarks.organId, year: remarks.year, ...values }).execute();
      return true;
    }
    const r = await db.updateTable('inspection_reports').set(values).where('id', '=', remarks.id).where('version', '=', expectedVersion).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
};
