/** 令牌: an API bearer token. Only the SHA-256 of the secret is stored; the secret is shown once. */
export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** `gk_` followed by 32 random bytes in base64url (43 characters). */
export const API_TOKEN_PATTERN = /^gk_[A-Za-z0-9_-]{43}$/;

export function isApiTokenFormat(text: string): boolean {
  return API_TOKEN_PATTERN.test(text);
}

/** A token's name says where it is used (e.g. 年报导出脚本): required, at most 50 characters. */
export function tokenNameProblem(name: string): 'required' | 'too-long' | undefined {
  const trimmed = name.trim();
  if (!trimmed) return 'required';
  return [...trimmed].length > 50 ? 'too-long' : undefined;
}
