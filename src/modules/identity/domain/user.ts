import { isRole, type Role } from '../../../kernel/actor.ts';
import type { FieldErrors } from '../../../kernel/errors.ts';
import { passwordProblem } from './password-policy.ts';
import type { Validated } from './validated.ts';

/** 用户: a staff member who signs in to the console or calls the API. Never carries the password hash. */
export interface User {
  id: string;
  organId: string;
  unitId: string | null;
  username: string;
  displayName: string;
  role: Role;
  isDisabled: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What an administrator submits to create a user; organ and unit are named, not referenced by id. */
export interface UserInput {
  username: string;
  displayName: string;
  role: string;
  /** 机构代码 of the user's organ; defaults to the installation's main organ. */
  organCode?: string | undefined;
  /** Name of the 科室 within that organ, if any. */
  unitName?: string | undefined;
  password: string;
}

export interface ValidUserInput {
  username: string;
  displayName: string;
  role: Role;
  organCode: string | undefined;
  unitName: string | undefined;
  password: string;
}

/** Usernames are compared case-insensitively, so they are stored lower-case. */
export function normaliseUsername(text: string): string {
  return text.trim().toLowerCase();
}

/** 3–32 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit (pinyin or staff numbers). */
export function isUsername(text: string): boolean {
  return /^[a-z0-9][a-z0-9._-]{2,31}$/.test(text);
}

/** Checks the fields an administrator fills in; uniqueness and organ/unit existence are the service's. */
export function validateUserInput(input: UserInput): Validated<ValidUserInput> {
  const errors: FieldErrors = {};
  const username = normaliseUsername(input.username);
  if (!username) errors.username = 'required';
  else if (!isUsername(username)) errors.username = 'invalid-username';
  const displayName = input.displayName.trim();
  if (!displayName) errors.displayName = 'required';
  else if ([...displayName].length > 50) errors.displayName = 'too-long';
  if (!isRole(input.role)) errors.role = input.role ? 'invalid-role' : 'required';
  const problem = passwordProblem(input.password, username);
  if (problem) errors.password = problem;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      username,
      displayName,
      role: input.role as Role,
      organCode: input.organCode?.trim() || undefined,
      unitName: input.unitName?.trim() || undefined,
      password: input.password,
    },
  };
}
