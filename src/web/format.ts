/** Display helpers shared by console and portal pages. */

/** An ISO instant as Beijing time, `2026-08-20 10:00`. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

const ACTION_LABELS: Record<string, string> = {
  'item.create': '新建',
  'item.edit': '编辑',
  'item.submit': '提交审核',
  'item.return': '退回修改',
  'item.approve': '审核通过（保密审查）',
  'item.schedule': '设定定时发布',
  'item.unschedule': '取消定时发布',
  'item.publish': '发布',
  'item.revise': '开始修订',
  'item.retract': '撤回',
  'item.set-validity': '变更有效性',
  'item.link': '关联文件',
  'item.attach': '上传附件',
  'item.detach': '删除附件',
  'item.import-published': '导入（已发布）',
  'item.override-checks': '内容检查放行',
  'catalogue-entry.create': '新增目录事项',
  'catalogue-entry.update': '修改目录事项',
  'user.create': '新建用户',
  'user.disable': '停用用户',
  'user.enable': '启用用户',
  'user.set-password': '设置密码',
  'organ.create': '登记机关',
  'unit.create': '登记科室',
  'token.create': '生成令牌',
  'token.revoke': '吊销令牌',
  'session.sign-in': '登录',
  'session.sign-out': '退出',
  'session.sign-in-failed': '登录失败',
  'settings.update': '修改设置',
  'calendar-year.create': '录入放假安排',
  'calendar-year.update': '更正放假安排',
  'site-health.run': '网站健康检查',
};

/** The Chinese name of an audited action, with its code for precision. */
export function actionLabel(action: string): string {
  const label = ACTION_LABELS[action];
  return label ? `${label}（${action}）` : action;
}
