import type { Authenticator } from '../../app.tsx';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../kernel/actor.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { AuditActor, AuditAppend } from '../audit/index.ts';
import type { ApiToken } from './domain/api-token.ts';
import type { Organ, OrganInput, Unit } from './domain/organ.ts';
import type { User, UserInput } from './domain/user.ts';
import { createApiTokenUseCases } from './api-tokens.ts';
import { createDirectoryUseCases } from './directory.ts';
import { createSignInUseCases } from './sign-in.ts';
import type { UserListing } from './sql/identity-repository.ts';

export interface IdentityDeps {
  db: Db;
  clock: Clock;
  audit: AuditAppend;
}

/** A fresh console session: `token` goes into the cookie and is never stored. */
export interface SignedIn {
  token: string;
  sessionId: string;
  csrfToken: string;
  expiresAt: string;
  actor: Actor;
}

/** A newly created API token; `secret` is shown once and only its SHA-256 is kept. */
export interface CreatedApiToken {
  token: ApiToken;
  secret: string;
}

export interface UnitInput {
  name: string;
  /** 机构代码 of the organ; defaults to the main organ. */
  organCode?: string | undefined;
  sortOrder?: number | undefined;
}

export interface PasswordChange {
  username: string;
  password: string;
  /** Required when people change their own password (a stolen session must not suffice). */
  currentPassword?: string | undefined;
  /** The session to keep signed in (the one making the change); every other session ends. */
  keepSessionId?: string | undefined;
}

/** 身份与权限: organs, units, users, sessions, API tokens and sign-in throttling. */
export interface IdentityService extends Authenticator {
  /** Signs in, throttled per username and per address; throws `invalid-credentials` (401) or `too-many-login-attempts` (429). */
  signIn(username: string, password: string, ip: string): Promise<SignedIn>;
  signOut(sessionId: string): Promise<void>;
  createOrgan(by: Actor, input: OrganInput): Promise<Organ>;
  createUnit(by: Actor, input: UnitInput): Promise<Unit>;
  createUser(by: Actor, input: UserInput): Promise<User>;
  setPassword(by: Actor, change: PasswordChange): Promise<void>;
  disableUser(by: Actor, username: string): Promise<User>;
  /** Lets a disabled user sign in again; their unrevoked API tokens work again. Idempotent. */
  enableUser(by: Actor, username: string): Promise<User>;
  listUsers(by: Actor): Promise<UserListing[]>;
  findUserByUsername(username: string): Promise<User | undefined>;
  createApiToken(by: Actor, username: string, name: string): Promise<CreatedApiToken>;
  revokeApiToken(by: Actor, tokenId: string): Promise<ApiToken>;
  listApiTokens(by: Actor, userId: string): Promise<ApiToken[]>;
  mainOrgan(): Promise<Organ | undefined>;
  listOrgans(): Promise<Organ[]>;
  listUnits(organId: string): Promise<Unit[]>;
}

/** Builds the identity use cases; each write runs in one transaction with its audit record. */
export function createIdentityService(deps: IdentityDeps): IdentityService {
  return {
    ...createSignInUseCases(deps),
    ...createDirectoryUseCases(deps),
    ...createApiTokenUseCases(deps),
  };
}

/** The signed-in person as the rest of the application sees them. */
export function actorOf(user: User): Actor {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role, organId: user.organId, unitId: user.unitId };
}

export function auditActorOf(actor: Pick<Actor, 'id' | 'displayName'>): AuditActor {
  return { id: actor.id, name: actor.displayName };
}

/**
 * An actor for work nobody signed in for (installation set-up, the CLI): it holds the admin role
 * and is recorded in the audit log under `name`.
 */
export function systemActor(name: string): Actor {
  return { id: 'system', username: 'system', displayName: name, role: 'admin', organId: '', unitId: null };
}

