/** The five staff roles (issue #2): admin holds every permission. */
export const ROLES = ['admin', 'officer', 'editor', 'leader', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  officer: '信息公开工作人员（办公室）',
  editor: '科室编辑',
  leader: '审核领导',
  auditor: '监督检查（只读）',
};

/** A signed-in staff member (console session or API token). */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organId: string;
  unitId: string | null;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
