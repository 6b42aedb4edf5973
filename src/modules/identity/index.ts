/** 身份与权限: the identity module's public surface; other modules import only from here. */

/** The use cases (sign-in, sessions, organs, units, users, API tokens) and their types. */
export {
  actorOf,
  createIdentityService,
  systemActor,
  type CreatedApiToken,
  type IdentityDeps,
  type IdentityService,
  type PasswordChange,
  type SignedIn,
  type UnitInput,
} from './identity-service.ts';
/** A user with organ and unit names, as listed in the console and the API. */
export type { UserListing } from './sql/identity-repository.ts';
/** Console pages (/login, /logout, /console/users, /console/tokens) and the /api/v1 identity endpoints. */
export { identityRoutes, type IdentityRouteDeps } from './web/identity-routes.tsx';
/** Chinese messages for every code this module produces. */
export { IDENTITY_MESSAGES } from './web/identity-messages.ts';
/** The permission matrix: every action, and which role may perform it. */
export { ACTIONS, PERMISSIONS, can, isAction, type Action } from './domain/permissions.ts';
/** Use cases call this first; it throws Forbidden when the matrix says no. */
export { authorize } from './domain/authorize.ts';
/** 机关 and 科室, and the 统一社会信用代码 / 组织机构代码 checks. */
export { isCreditCode, isOrganisationCode, normaliseOrganCode, type Organ, type OrganInput, type Unit } from './domain/organ.ts';
/** 用户 and what an administrator submits to create one. */
export type { User, UserInput } from './domain/user.ts';
/** 令牌 as listed (never with its secret). */
export type { ApiToken } from './domain/api-token.ts';
/** The password rule, for forms that want to check early. */
export { MIN_PASSWORD_LENGTH, passwordProblem, type PasswordProblem } from './domain/password-policy.ts';
/** Password hashing (scrypt), for tools that import accounts. */
export { hashPassword, needsRehash, verifyPassword } from './password-hash.ts';
