/**
 * 自查 (seed plan §三, §二(五)3): the office configures the indicator weights and the 政务公开 share of the performance
 * appraisal (at least 4 %); each year's self-inspection scores every registered indicator from the records and prints
 * a report with score, evidence, problems and remedies.
 */
import type { Db } from '../../../db/database.ts';
import type { Actor } from '../../../kernel/actor.ts';
import type { Clock } from '../../../kernel/clock.ts';
import { Conflict, InvalidInput } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import type { AuditAppend } from '../../audit/index.ts';
import { authorize } from '../../identity/index.ts';
import { DEFAULT_APPRAISAL_WEIGHT_BP, appraisalPoints, totalScore, validateWeights, type IndicatorResult, type ScoredIndicator } from '../domain/inspection.ts';
import type { InspectionOutcome } from '../domain/inspection-report.ts';
import { inspectionRepository as repo, type InspectionPlan, type InspectionRemarks } from '../sql/inspection-repository.ts';
import { IndicatorRegistry, type IndicatorDefinition } from './indicator-registry.ts';

export interface InspectionDeps {
  db: Db;
  clock: Clock;
  audit: AuditAppend;
}

/** The weights in force: the stored plan, or the defaults (4 %, each indicator's registered weight). */
export interface EffectivePlan {
  appraisalWeightBp: number;
  weights: Record<string, number>;
  version: number | null;
}

/** A self-inspection with its total, appraisal points and the office's remarks. */
export interface Inspection extends InspectionOutcome {
  organId: string;
  total: number | null;
  appraisalPoints: number | null;
  remarksVersion: number | null;
}

const auditActor = (a: Actor) => ({ id: a.id, name: a.displayName });
const MAX_REMARKS_CHARS = 10_000;

export class InspectionService {
  readonly #registry = new IndicatorRegistry();

  constructor(private readonly deps: InspectionDeps) {}

  /** The plug-in point: later modules add their indicators (解读, 舆情回应, 预决算…) when services are wired. */
  registerIndicator(definition: IndicatorDefinition): void {
    this.#registry.register(definition);
  }

  indicators(): IndicatorDefinition[] {
    return this.#registry.list();
  }

  async plan(actor: Actor, organId: string): Promise<EffectivePlan> {
    authorize(actor, 'report.read');
    const stored = await repo.findPlan(this.deps.db, organId);
    const defaults = Object.fromEntries(this.#registry.list().map((i) => [i.key, i.weight]));
    return { appraisalWeightBp: stored?.appraisalWeightBp ?? DEFAULT_APPRAISAL_WEIGHT_BP, weights: { ...defaults, ...(stored?.weights ?? {}) }, version: stored?.version ?? null };
  }

  /** Saves the weights (those not given keep theirs); an appraisal share below 4 % is refused (seed plan §二(五)3), as are unknown indicators. */
  async savePlan(actor: Actor, organId: string, input: { appraisalWeightPercent: number; weights: Record<string, number> }, expectedVersion?: number): Promise<EffectivePlan> {
    authorize(actor, 'inspection.manage');
    const unknown = Object.keys(input.weights).filter((k) => !this.#registry.has(k));
    if (unknown.length > 0) throw new InvalidInput(Object.fromEntries(unknown.map((k) => [`weights.${k}`, 'unknown-indicator'])));
    // Weights not given keep their current value, so "all zero" is judged on the whole set.
    const current = await this.plan(actor, organId);
    const checked = validateWeights({ appraisalWeightPercent: input.appraisalWeightPercent, weights: { ...current.weights, ...input.weights } });
    if (!checked.ok) throw new InvalidInput({ [checked.reason === 'indicator-weight-invalid' ? `weights.${checked.detail}` : checked.reason.startsWith('appraisal') ? 'appraisalWeightPercent' : 'weights']: checked.reason });
    await this.deps.db.transaction().execute(async (trx) => {
      const before = await repo.findPlan(trx, organId);
      if (before && expectedVersion !== undefined && before.version !== expectedVersion) throw new Conflict('stale-version');
      if (!before && expectedVersion !== undefined) throw new Conflict('stale-version');
      const plan: InspectionPlan = { organId, ...checked.value, version: (before?.version ?? 0) + 1, updatedAt: this.deps.clock.now().toISOString(), updatedBy: actor.displayName };
      if (!(await repo.savePlan(trx, plan, before?.version))) throw new Conflict('stale-version');
      await this.deps.audit(trx, { actor: auditActor(actor), action: 'inspection.plan', subjectType: 'inspection-plan', subjectId: organId, before: before && { appraisalWeightBp: before.appraisalWeightBp, weights: before.weights }, after: { appraisalWeightBp: plan.appraisalWeightBp, weights: plan.weights } });
    });
    return this.plan(actor, organId);
  }

  /** Scores every registered indicator for the organ and year; an indicator that fails is shown as not applicable. */
  async inspect(actor: Actor, organ: { id: string; name: string }, year: number): Promise<Inspection> {
    const plan = await this.plan(actor, organ.id);
    const indicators: ScoredIndicator[] = [];
    for (const def of this.#registry.list()) {
      const result = await def.compute(organ.id, year).catch((e: unknown): IndicatorResult => ({ score: null, value: '计算失败', evidence: [`指标计算出错：${e instanceof Error ? e.message : String(e)}`], problems: [] }));
      indicators.push({ key: def.key, label: def.label, weight: plan.weights[def.key] ?? def.weight, ...result });
    }
    const remarks = await repo.findRemarks(this.deps.db, organ.id, year);
    const total = totalScore(indicators);
    return {
      organ: organ.name,
      organId: organ.id,
      year,
      indicators,
      appraisalWeightBp: plan.appraisalWeightBp,
      total,
      appraisalPoints: appraisalPoints(total, plan.appraisalWeightBp),
      problemsText: remarks?.problems ?? '',
      remediesText: remarks?.remedies ?? '',
      remarksVersion: remarks?.version ?? null,
    };
  }

  /** Saves the office's problems and remedies for the year's report. */
  async saveRemarks(actor: Actor, organId: string, year: number, input: { problems: string; remedies: string }, expectedVersion?: number): Promise<InspectionRemarks> {
    authorize(actor, 'inspection.manage');
    const errors: Record<string, string> = {};
    if (input.problems.length > MAX_REMARKS_CHARS) errors.problems = 'too-long';
    if (input.remedies.length > MAX_REMARKS_CHARS) errors.remedies = 'too-long';
    if (Object.keys(errors).length > 0) throw new InvalidInput(errors);
    return this.deps.db.transaction().execute(async (trx) => {
      const before = await repo.findRemarks(trx, organId, year);
      if (expectedVersion !== undefined && before?.version !== expectedVersion) throw new Conflict('stale-version');
      const remarks: InspectionRemarks = { id: before?.id ?? newId(), organId, year, problems: input.problems.trim(), remedies: input.remedies.trim(), version: (before?.version ?? 0) + 1, updatedAt: this.deps.clock.now().toISOString(), updatedBy: actor.displayName };
      if (!(await repo.saveRemarks(trx, remarks, before?.version))) throw new Conflict('stale-version');
      await this.deps.audit(trx, { actor: auditActor(actor), action: 'inspection.remarks', subjectType: 'inspection-report', subjectId: remarks.id, before: before && { problems: before.problems, remedies: before.remedies }, after: { year, problems: remarks.problems, remedies: remarks.remedies } });
      return remarks;
    });
  }
}
