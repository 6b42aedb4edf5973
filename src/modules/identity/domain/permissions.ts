import type { Role } from '../../../kernel/actor.ts';

/**
 * Every staff action the console and the API offer. A route names its action; `can` decides.
 * Modules add their actions here so the matrix stays one table, tested action by action.
 */
export const ACTIONS = [
  'item.read',
  'item.create',
  'item.edit',
  'item.submit',
  'item.return',
  'item.approve',
  'item.publish',
  'item.schedule',
  'item.revise',
  'item.retract',
  'item.set-validity',
  'item.link',
  'item.attach',
  'item.override-checks',
  'catalogue-entry.read',
  'catalogue-entry.manage',
  'audit.read',
  'audit.export',
  'user.read',
  'user.manage',
  'token.manage-own',
  'organisation.manage',
  'calendar.manage',
  'settings.manage',
  'data.import',
  'data.export',
  'foi.read',
  'foi.register',
  'foi.process',
  'foi.approve-extension',
  'foi.templates',
  'foi.export',
  'report.read',
  'report.edit',
  'report.publish',
  'inspection.manage',
  'site-health.read',
  'site-health.run',
] as const;
export type Action = (typeof ACTIONS)[number];

const READ: Action[] = ['item.read', 'catalogue-entry.read', 'token.manage-own'];

/** Who may do what. `admin` is given everything by `can`, not listed here. */
export const PERMISSIONS: Record<Exclude<Role, 'admin'>, readonly Action[]> = {
  // 办公室 runs disclosure: drafts, publishes, retracts, keeps the basic catalogue.
  officer: [
    ...READ,
    'item.create',
    'item.edit',
    'item.submit',
    'item.publish',
    'item.schedule',
    'item.revise',
    'item.retract',
    'item.set-validity',
    'item.link',
    'item.attach',
    'catalogue-entry.manage',
    'user.read',
    'data.import',
    'data.export',
    // 依申请公开: the office registers, processes and replies; the office head approves extensions (条例 Art. 33).
    'foi.read',
    'foi.register',
    'foi.process',
    'foi.approve-extension',
    'foi.templates',
    'foi.export',
    // 年度报告 and 自查: the office drafts and publishes the report (into the catalogue, as data.import) and sets the weights.
    'report.read',
    'report.edit',
    'report.publish',
    'inspection.manage',
    // 网站健康检查 (国办秘函〔2019〕19号): the office runs the check and fixes what it finds.
    'site-health.read',
    'site-health.run',
  ],
  // 科室 staff draft and submit; they never approve or publish.
  editor: [...READ, 'item.create', 'item.edit', 'item.submit', 'item.attach', 'item.link'],
  // Leaders review (保密审查), return or approve.
  // A leader alone may override 确定 content-check findings, with a reason (issue 6).
  leader: [...READ, 'item.return', 'item.approve', 'item.override-checks', 'audit.read', 'foi.read', 'foi.approve-extension', 'report.read'],
  // The county 公开办 inspects: read-only, with the audit log and its export.
  auditor: [...READ, 'audit.read', 'audit.export', 'user.read', 'data.export', 'foi.read', 'foi.export', 'report.read', 'site-health.read'],
};

/** Whether a role may perform an action. */
export function can(role: Role, action: Action): boolean {
  return role === 'admin' || PERMISSIONS[role].includes(action);
}

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && (ACTIONS as readonly string[]).includes(value);
}
