/** Chinese texts of the site-health codes. */
export const SITE_HEALTH_MESSAGES: Record<string, string> = {
  'site-health-run-not-found': '该次网站健康检查记录不存在。',
  'site-health-month-invalid': '月份应写成“年-月”，例如 2026-11。',
  'site-health-run-done': '已完成网站健康检查。',
};
