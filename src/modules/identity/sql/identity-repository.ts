import type { Executor } from '../../../db/database.ts';
import type { ApiToken } from '../domain/api-token.ts';
import type { Organ, Unit } from '../domain/organ.ts';
import type { Session } from '../domain/session.ts';
import type { SignInAttempt } from '../domain/throttle.ts';
import type { User } from '../domain/user.ts';
import { apiTokenFromRow, apiTokenToRow, organFromRow, organToRow, sessionFromRow, sessionToRow, unitFromRow, unitToRow, userFromRow, userToRow } from './identity-rows.ts';

/** Every users column except the password hash, which only `findCredentials` reads. */
const USER_COLUMNS = ['users.id', 'users.organ_id', 'users.unit_id', 'users.username', 'users.display_name', 'users.role', 'users.is_disabled', 'users.version', 'users.created_at', 'users.updated_at'] as const;
const TOKEN_COLUMNS = ['api_tokens.id', 'api_tokens.user_id', 'api_tokens.name', 'api_tokens.created_at', 'api_tokens.last_used_at', 'api_tokens.revoked_at'] as const;

/** A user with the names of their organ and unit, for lists. */
export interface UserListing extends User {
  organName: string;
  unitName: string | null;
}

export const organs = {
  async insert(db: Executor, organ: Organ): Promise<void> {
    await db.insertInto('organs').values(organToRow(organ)).execute();
  },
  async findByCode(db: Executor, code: string): Promise<Organ | undefined> {
    const row = await db.selectFrom('organs').selectAll().where('code', '=', code).executeTakeFirst();
    return row && organFromRow(row);
  },
  async findById(db: Executor, id: string): Promise<Organ | undefined> {
    const row = await db.selectFrom('organs').selectAll().where('id', '=', id).executeTakeFirst();
    return row && organFromRow(row);
  },
  async findMain(db: Executor): Promise<Organ | undefined> {
    const row = await db.selectFrom('organs').selectAll().where('is_main', '=', 1).orderBy('created_at').executeTakeFirst();
    return row && organFromRow(row);
  },
  async list(db: Executor): Promise<Organ[]> {
    const rows = await db.selectFrom('organs').selectAll().orderBy('is_main', 'desc').orderBy('name').execute();
    return rows.map(organFromRow);
  },
};

export const units = {
  async insert(db: Executor, unit: Unit): Promise<void> {
    await db.insertInto('units').values(unitToRow(unit)).execute();
  },
  async findByName(db: Executor, organId: string, name: string): Promise<Unit | undefined> {
    const row = await db.selectFrom('units').selectAll().where('organ_id', '=', organId).where('name', '=', name).executeTakeFirst();
    return row && unitFromRow(row);
  },
  async list(db: Executor, organId: string): Promise<Unit[]> {
    const rows = await db.selectFrom('units').selectAll().where('organ_id', '=', organId).orderBy('sort_order').orderBy('name').execute();
    return rows.map(unitFromRow);
  },
};

export const users = {
  async insert(db: Executor, user: User, passwordHash: string): Promise<void> {
    await db.insertInto('users').values(userToRow(user, passwordHash)).execute();
  },
  async findByUsername(db: Executor, username: string): Promise<User | undefined> {
    const row = await db.selectFrom('users').select(USER_COLUMNS).where('username', '=', username).executeTakeFirst();
    return row && userFromRow(row);
  },
  async findById(db: Executor, id: string): Promise<User | undefined> {
    const row = await db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
    return row && userFromRow(row);
  },
  /** The user and their password hash, for sign-in only. */
  async findCredentials(db: Executor, username: string): Promise<{ user: User; passwordHash: string } | undefined> {
    const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    return row && { user: userFromRow(row), passwordHash: row.password_hash };
  },
  async list(db: Executor): Promise<UserListing[]> {
    const rows = await db
      .selectFrom('users')
      .innerJoin('organs', 'organs.id', 'users.organ_id')
      .leftJoin('units', 'units.id', 'users.unit_id')
      .select([...USER_COLUMNS, 'organs.name as organ_name', 'units.name as unit_name'])
      .orderBy('users.is_disabled')
      .orderBy('users.username')
      .execute();
    return rows.map((r) => ({ ...userFromRow(r), organName: r.organ_name, unitName: r.unit_name }));
  },
  async setPasswordHash(db: Executor, id: string, passwordHash: string, at: string): Promise<void> {
    await db
      .updateTable('users')
      .set((eb) => ({ password_hash: passwordHash, updated_at: at, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
  },
  async setDisabled(db: Executor, id: string, isDisabled: boolean, at: string): Promise<void> {
    await db
      .updateTable('users')
      .set((eb) => ({ is_disabled: isDisabled ? 1 : 0, updated_at: at, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
  },
};

export const sessions = {
  async insert(db: Executor, session: Session): Promise<void> {
    await db.insertInto('sessions').values(sessionToRow(session)).execute();
  },
  async findWithUser(db: Executor, id: string): Promise<{ session: Session; user: User } | undefined> {
    const row = await db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([...USER_COLUMNS, 'sessions.id as session_id', 'sessions.csrf_token', 'sessions.created_at as session_created_at', 'sessions.expires_at', 'sessions.last_seen_at'])
      .where('sessions.id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const session = sessionFromRow({ id: row.session_id, user_id: row.id, csrf_token: row.csrf_token, created_at: row.session_created_at, expires_at: row.expires_at, last_seen_at: row.last_seen_at });
    return { session, user: userFromRow(row) };
  },
  /** Sliding expiry; the `last_seen_at` guard makes concurrent touches from several instances harmless. */
  async touch(db: Executor, id: string, lastSeenAt: string, expiresAt: string): Promise<void> {
    await db.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id', '=', id).where('last_seen_at', '<', lastSeenAt).execute();
  },
  async delete(db: Executor, id: string): Promise<number> {
    const result = await db.deleteFrom('sessions').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows);
  },
  /** Ends every session of a user (password change, disabling), optionally keeping one. */
  async deleteForUser(db: Executor, userId: string, exceptId?: string): Promise<number> {
    let query = db.deleteFrom('sessions').where('user_id', '=', userId);
    if (exceptId) query = query.where('id', '!=', exceptId);
    const result = await query.executeTakeFirst();
    return Number(result.numDeletedRows);
  },
  async deleteExpired(db: Executor, userId: string, now: string): Promise<void> {
    await db.deleteFrom('sessions').where('user_id', '=', userId).where('expires_at', '<=', now).execute();
  },
};

export const apiTokens = {
  async insert(db: Executor, token: ApiToken, tokenHash: string): Promise<void> {
    await db.insertInto('api_tokens').values(apiTokenToRow(token, tokenHash)).execute();
  },
  /** An unrevoked token and its owner, by the hash of the presented secret. */
  async findActiveByHash(db: Executor, tokenHash: string): Promise<{ token: ApiToken; user: User } | undefined> {
    const row = await db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .select([...USER_COLUMNS, 'api_tokens.id as token_id', 'api_tokens.name', 'api_tokens.created_at as token_created_at', 'api_tokens.last_used_at', 'api_tokens.revoked_at'])
      .where('api_tokens.token_hash', '=', tokenHash)
      .where('api_tokens.revoked_at', 'is', null)
      .executeTakeFirst();
    if (!row) return undefined;
    const token = apiTokenFromRow({ id: row.token_id, user_id: row.id, name: row.name, created_at: row.token_created_at, last_used_at: row.last_used_at, revoked_at: row.revoked_at });
    return { token, user: userFromRow(row) };
  },
  async findById(db: Executor, id: string): Promise<ApiToken | undefined> {
    const row = await db.selectFrom('api_tokens').select(TOKEN_COLUMNS).where('id', '=', id).executeTakeFirst();
    return row && apiTokenFromRow(row);
  },
  async listForUser(db: Executor, userId: string): Promise<ApiToken[]> {
    const rows = await db.selectFrom('api_tokens').select(TOKEN_COLUMNS).where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    return rows.map(apiTokenFromRow);
  },
  async revoke(db: Executor, id: string, at: string): Promise<void> {
    await db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  },
  async touch(db: Executor, id: string, at: string): Promise<void> {
    await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  },
};

export const loginAttempts = {
  async insert(db: Executor, attempt: { id: string; key: string; at: string; succeeded: boolean }): Promise<void> {
    await db.insertInto('login_attempts').values({ id: attempt.id, key: attempt.key, attempted_at: attempt.at, succeeded: attempt.succeeded ? 1 : 0 }).execute();
  },
  /** Attempts per key since `since`, oldest first. */
  async listSince(db: Executor, keys: readonly string[], since: string): Promise<Map<string, SignInAttempt[]>> {
    const byKey = new Map<string, SignInAttempt[]>(keys.map((k) => [k, []]));
    if (keys.length === 0) return byKey;
    const rows = await db.selectFrom('login_attempts').selectAll().where('key', 'in', keys).where('attempted_at', '>=', since).orderBy('attempted_at').execute();
    for (const r of rows) byKey.get(r.key)?.push({ at: new Date(r.attempted_at), succeeded: Number(r.succeeded) === 1 });
    return byKey;
  },
  /** Forgets attempts too old to matter, keeping the table small (failed sign-ins stay in the audit log). */
  async deleteBefore(db: Executor, before: string): Promise<void> {
    await db.deleteFrom('login_attempts').where('attempted_at', '<', before).execute();
  },
};

/** Whether a database error is a unique-constraint violation (a lost race for a username or code). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown } | null;
  return typeof e?.code === 'string' && (e.code === '23505' || e.code.startsWith('SQLITE_CONSTRAINT_UNIQUE') || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY');
}
