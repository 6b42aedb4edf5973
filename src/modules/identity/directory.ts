import type { Executor } from '../../db/database.ts';
import { Conflict, InvalidInput, NotFound, type FieldErrors } from '../../kernel/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { authorize } from './domain/authorize.ts';
import { normaliseOrganCode, validateOrganInput, validateUnitName, type Organ, type Unit } from './domain/organ.ts';
import { passwordProblem } from './domain/password-policy.ts';
import { normaliseUsername, validateUserInput, type User } from './domain/user.ts';
import { auditActorOf, type IdentityDeps, type IdentityService } from './identity-service.ts';
import { hashPassword, verifyPassword } from './password-hash.ts';
import { isUniqueViolation, organs, sessions, units, users } from './sql/identity-repository.ts';

type DirectoryUseCases = Pick<
  IdentityService,
  'createOrgan' | 'createUnit' | 'createUser' | 'setPassword' | 'disableUser' | 'enableUser' | 'listUsers' | 'findUserByUsername' | 'mainOrgan' | 'listOrgans' | 'listUnits'
>;

/** Runs `write`; a unique-index violation (a race another instance won) becomes Conflict(`code`). */
async function uniquely<T>(code: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new Conflict(code);
    throw error;
  }
}

/** 机关, 科室 and 用户: who works where, in which role. */
export function createDirectoryUseCases({ db, clock, audit }: IdentityDeps): DirectoryUseCases {
  /** The organ named by 机构代码, or the main organ; field errors name the `organCode` field. */
  async function resolveOrgan(trx: Executor, organCode: string | undefined): Promise<Organ> {
    const organ = organCode ? await organs.findByCode(trx, normaliseOrganCode(organCode)) : await organs.findMain(trx);
    if (!organ) throw new InvalidInput({ organCode: organCode ? 'unknown-organ' : 'no-main-organ' });
    return organ;
  }

  async function getUser(trx: Executor, username: string): Promise<User> {
    const user = await users.findByUsername(trx, normaliseUsername(username));
    if (!user) throw new NotFound('user-not-found');
    return user;
  }

  return {
    async createOrgan(by, input) {
      authorize(by, 'organisation.manage');
      const valid = validateOrganInput(input);
      if (!valid.ok) throw new InvalidInput(valid.errors);
      return uniquely('organ-code-taken', () =>
        db.transaction().execute(async (trx) => {
          const main = await organs.findMain(trx);
          const isMain = valid.value.isMain ?? main === undefined;
          if (isMain && main) throw new Conflict('main-organ-exists');
          if (await organs.findByCode(trx, valid.value.code)) throw new Conflict('organ-code-taken');
          const organ: Organ = { ...valid.value, id: newId(), isMain, createdAt: clock.now().toISOString() };
          await organs.insert(trx, organ);
          await audit(trx, { actor: auditActorOf(by), action: 'organ.create', subjectType: 'organ', subjectId: organ.id, after: organ });
          return organ;
        }),
      );
    },

    async createUnit(by, input) {
      authorize(by, 'organisation.manage');
      const problem = validateUnitName(input.name);
      if (problem) throw new InvalidInput({ name: problem });
      return uniquely('unit-name-taken', () =>
        db.transaction().execute(async (trx) => {
          const organ = await resolveOrgan(trx, input.organCode);
          const name = input.name.trim();
          if (await units.findByName(trx, organ.id, name)) throw new Conflict('unit-name-taken');
          const unit: Unit = { id: newId(), organId: organ.id, name, sortOrder: input.sortOrder ?? 0, createdAt: clock.now().toISOString() };
          await units.insert(trx, unit);
          await audit(trx, { actor: auditActorOf(by), action: 'unit.create', subjectType: 'unit', subjectId: unit.id, after: unit });
          return unit;
        }),
      );
    },

    async createUser(by, input) {
      authorize(by, 'user.manage');
      const valid = validateUserInput(input);
      if (!valid.ok) throw new InvalidInput(valid.errors);
      const { username, displayName, role, organCode, unitName, password } = valid.value;
      // Hash before the transaction: 32 MiB of scrypt work should not hold database locks.
      const passwordHash = await hashPassword(password);
      return uniquely('username-taken', () =>
        db.transaction().execute(async (trx) => {
          const organ = await resolveOrgan(trx, organCode);
          const unit = unitName ? await units.findByName(trx, organ.id, unitName) : undefined;
          if (unitName && !unit) throw new InvalidInput({ unitName: 'unknown-unit' });
          if (await users.findByUsername(trx, username)) throw new Conflict('username-taken');
          const now = clock.now().toISOString();
          const user: User = { id: newId(), organId: organ.id, unitId: unit?.id ?? null, username, displayName, role, isDisabled: false, version: 1, createdAt: now, updatedAt: now };
          await users.insert(trx, user, passwordHash);
          await audit(trx, { actor: auditActorOf(by), action: 'user.create', subjectType: 'user', subjectId: user.id, after: user });
          return user;
        }),
      );
    },

    async setPassword(by, change) {
      const target = await getUser(db, change.username);
      const isSelf = target.id === by.id;
      if (!isSelf) authorize(by, 'user.manage');
      const errors: FieldErrors = {};
      if (isSelf) {
        const credentials = await users.findCredentials(db, target.username);
        if (!change.currentPassword || !(await verifyPassword(change.currentPassword, credentials!.passwordHash))) errors.currentPassword = 'wrong-current-password';
      }
      const problem = passwordProblem(change.password, target.username);
      if (problem) errors.password = problem;
      if (Object.keys(errors).length > 0) throw new InvalidInput(errors);
      const passwordHash = await hashPassword(change.password);
      await db.transaction().execute(async (trx) => {
        await users.setPasswordHash(trx, target.id, passwordHash, clock.now().toISOString());
        // Whoever knew the old password may hold a session: end them all but the changer's own.
        const sessionsEnded = await sessions.deleteForUser(trx, target.id, isSelf ? change.keepSessionId : undefined);
        await audit(trx, { actor: auditActorOf(by), action: 'user.set-password', subjectType: 'user', subjectId: target.id, after: { sessionsEnded } });
      });
    },

    async disableUser(by, username) {
      authorize(by, 'user.manage');
      const target = await getUser(db, username);
      if (target.id === by.id) throw new Conflict('cannot-disable-self');
      if (target.isDisabled) return target;
      return db.transaction().execute(async (trx) => {
        const now = clock.now().toISOString();
        await users.setDisabled(trx, target.id, true, now);
        const sessionsEnded = await sessions.deleteForUser(trx, target.id);
        await audit(trx, { actor: auditActorOf(by), action: 'user.disable', subjectType: 'user', subjectId: target.id, before: { isDisabled: false }, after: { isDisabled: true, sessionsEnded } });
        return { ...target, isDisabled: true, version: target.version + 1, updatedAt: now };
      });
    },

    async enableUser(by, username) {
      authorize(by, 'user.manage');
      return db.transaction().execute(async (trx) => {
        const target = await getUser(trx, username);
        if (!target.isDisabled) return target;
        const now = clock.now().toISOString();
        await users.setDisabled(trx, target.id, false, now);
        // Tokens were never revoked by disabling, so they work again; sessions ended and stay ended.
        await audit(trx, { actor: auditActorOf(by), action: 'user.enable', subjectType: 'user', subjectId: target.id, before: { isDisabled: true }, after: { isDisabled: false } });
        return { ...target, isDisabled: false, version: target.version + 1, updatedAt: now };
      });
    },

    async listUsers(by) {
      authorize(by, 'user.read');
      return users.list(db);
    },

    findUserByUsername: (username) => users.findByUsername(db, normaliseUsername(username)),
    mainOrgan: () => organs.findMain(db),
    listOrgans: () => organs.list(db),
    listUnits: (organId) => units.list(db, organId),
  };
}

