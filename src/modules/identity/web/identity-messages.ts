import { registerMessages } from '../../../web/messages.ts';

/** Chinese text for every code the identity module produces (STYLE.md §6). */
export const IDENTITY_MESSAGES: Record<string, string> = {
  'invalid-credentials': '用户名或密码错误。',
  'too-many-login-attempts': '登录失败次数过多，请15分钟后再试。',
  'invalid-username': '用户名须为3至32位小写字母、数字或“._-”，并以字母或数字开头。',
  'username-taken': '该用户名已被使用。',
  'invalid-role': '请选择有效的角色。',
  'password-too-short': '密码至少需要10个字符。',
  'password-too-long': '密码不能超过200个字符。',
  'password-all-digits': '密码不能全部由数字组成。',
  'password-equals-username': '密码不能与用户名相同。',
  'wrong-current-password': '当前密码不正确。',
  'unknown-organ': '找不到该机构代码对应的机关。',
  'no-main-organ': '尚未设置本机关，请先创建机关。',
  'unknown-unit': '本机关下没有该科室。',
  'invalid-credit-code': '统一社会信用代码无效（应为18位，且校验码正确）。',
  'invalid-organ-code': '机构代码无效：应为18位统一社会信用代码或9位组织机构代码（如 XXXXXXXX-X），且校验码正确。',
  'organ-code-mismatch': '组织机构代码与统一社会信用代码第9至17位不一致。',
  'invalid-site-id-code': '网站标识码应为10位数字。',
  'organ-code-taken': '该机构代码已被其他机关使用。',
  'main-organ-exists': '本机关已经设置，不能再设第二个。',
  'unit-name-taken': '本机关下已有同名科室。',
  'user-not-found': '找不到该用户。',
  'user-disabled': '该用户已停用。',
  'cannot-disable-self': '不能停用自己的账号。',
  'token-not-found': '找不到该令牌。',
  'user-created': '用户已创建。',
  'token-revoked': '令牌已吊销。',
  'signed-out': '您已安全退出。',
};

registerMessages(IDENTITY_MESSAGES);
