import type { ApiTokenRow, OrganRow, SessionRow, UnitRow, UserRow } from '../../../db/schema.ts';
import { isRole } from '../../../kernel/actor.ts';
import type { ApiToken } from '../domain/api-token.ts';
import type { Organ, Unit } from '../domain/organ.ts';
import type { Session } from '../domain/session.ts';
import type { User } from '../domain/user.ts';

/** Row ↔ domain mapping: the one place where 0/1 become booleans and text becomes a Role. */

export function organFromRow(r: OrganRow): Organ {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    creditCode: r.credit_code,
    isMain: Number(r.is_main) === 1,
    siteIdCode: r.site_id_code,
    address: r.address,
    phone: r.phone,
    createdAt: r.created_at,
  };
}

export function organToRow(o: Organ): OrganRow {
  return {
    id: o.id,
    code: o.code,
    name: o.name,
    short_name: o.shortName,
    credit_code: o.creditCode,
    is_main: o.isMain ? 1 : 0,
    site_id_code: o.siteIdCode,
    address: o.address,
    phone: o.phone,
    created_at: o.createdAt,
  };
}

export function unitFromRow(r: UnitRow): Unit {
  return { id: r.id, organId: r.organ_id, name: r.name, sortOrder: Number(r.sort_order), createdAt: r.created_at };
}

export function unitToRow(u: Unit): UnitRow {
  return { id: u.id, organ_id: u.organId, name: u.name, sort_order: u.sortOrder, created_at: u.createdAt };
}

export function userFromRow(r: Omit<UserRow, 'password_hash'>): User {
  if (!isRole(r.role)) throw new Error(`users.role of ${r.id} is not a role: ${r.role}`);
  return {
    id: r.id,
    organId: r.organ_id,
    unitId: r.unit_id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    isDisabled: Number(r.is_disabled) === 1,
    version: Number(r.version),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function userToRow(u: User, passwordHash: string): UserRow {
  return {
    id: u.id,
    organ_id: u.organId,
    unit_id: u.unitId,
    username: u.username,
    display_name: u.displayName,
    role: u.role,
    password_hash: passwordHash,
    is_disabled: u.isDisabled ? 1 : 0,
    version: u.version,
    created_at: u.createdAt,
    updated_at: u.updatedAt,
  };
}

export function sessionFromRow(r: SessionRow): Session {
  return { id: r.id, userId: r.user_id, csrfToken: r.csrf_token, createdAt: r.created_at, expiresAt: r.expires_at, lastSeenAt: r.last_seen_at };
}

export function sessionToRow(s: Session): SessionRow {
  return { id: s.id, user_id: s.userId, csrf_token: s.csrfToken, created_at: s.createdAt, expires_at: s.expiresAt, last_seen_at: s.lastSeenAt };
}

export function apiTokenFromRow(r: Omit<ApiTokenRow, 'token_hash'>): ApiToken {
  return { id: r.id, userId: r.user_id, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at };
}

export function apiTokenToRow(t: ApiToken, tokenHash: string): ApiTokenRow {
  return { id: t.id, user_id: t.userId, name: t.name, token_hash: tokenHash, created_at: t.createdAt, last_used_at: t.lastUsedAt, revoked_at: t.revokedAt };
}
