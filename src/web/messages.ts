/**
 * What people read: Chinese messages keyed by stable codes (STYLE.md §6). Modules register
 * their own codes with `registerMessages`; unknown codes fall back to a generic sentence.
 */
const MESSAGES: Record<string, string> = {
  'not-found': '您访问的页面或信息不存在，或已撤回。',
  forbidden: '您没有执行此操作的权限。',
  unauthenticated: '请先登录。',
  'invalid-token': '访问令牌无效或已被吊销。',
  'csrf-failed': '页面已过期或表单来源无法验证，请刷新页面后重新提交。',
  'invalid-input': '提交的内容有误，请按提示修改。',
  'malformed-json': '请求体不是有效的 JSON。',
  'payload-too-large': '提交的内容超过大小限制。',
  'unsupported-media-type': '不支持的请求内容类型。',
  'too-many-requests': '操作过于频繁，请稍后再试。',
  'too-many-login-attempts': '登录失败次数过多，请15分钟后再试。',
  'invalid-credentials': '用户名或密码错误。',
  'stale-version': '该记录已被他人修改。您的修改没有保存，以免覆盖他人的更改；请刷新后重新编辑。',
  'internal-error': '系统出现错误，请稍后再试。如问题持续，请联系系统管理员。',
  required: '此项为必填项。',
  'too-long': '内容过长。',
  'invalid-date': '日期格式应为 YYYY-MM-DD，且须为有效日期。',
  'date-in-future': '日期不能晚于今天。',
  'unknown-field': '包含未定义的字段。',
  'wrong-type': '字段类型不正确。',
};

export function registerMessages(messages: Record<string, string>): void {
  Object.assign(MESSAGES, messages);
}

export function message(code: string): string {
  return MESSAGES[code] ?? `操作未能完成（${code}）。`;
}

export function hasMessage(code: string): boolean {
  return code in MESSAGES;
}
