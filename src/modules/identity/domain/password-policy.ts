/** Why a proposed password is refused; each code has a Chinese message. */
export type PasswordProblem = 'required' | 'password-too-short' | 'password-too-long' | 'password-all-digits' | 'password-equals-username';

export const MIN_PASSWORD_LENGTH = 10;
/** Upper bound so that hashing cost stays bounded whatever is posted. */
export const MAX_PASSWORD_LENGTH = 200;

/**
 * The password rule for staff accounts: at least ten characters, not only digits (birthdays and
 * phone numbers), and not the username itself (case-insensitive). Length counts characters as
 * people do (code points), so a Chinese passphrase is measured fairly.
 */
export function passwordProblem(password: string, username: string): PasswordProblem | undefined {
  if (password.length === 0) return 'required';
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return 'password-too-short';
  if (length > MAX_PASSWORD_LENGTH) return 'password-too-long';
  if (/^\d+$/.test(password)) return 'password-all-digits';
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) return 'password-equals-username';
  return undefined;
}
