import type { Db } from '../../src/db/database.ts';
import type { Role } from '../../src/kernel/actor.ts';
import { fixedClock } from '../../src/kernel/clock.ts';
import { createAuditLog } from '../../src/modules/audit/index.ts';
import { createIdentityService, systemActor, type IdentityService, type Organ, type User } from '../../src/modules/identity/index.ts';

/** The set-up actor that creates the bureau before anybody can sign in. */
export const INSTALLER = systemActor('安装程序');

/** The bureau every identity test starts from: 某县科学技术局 with two 科室. */
export const BUREAU = { name: '某县科学技术局', shortName: '县科技局', creditCode: '113310000024822699', siteIdCode: '3310000001' } as const;

/** One user per role; each signs in with `passwordOf(role)`. */
export const STAFF: Record<Role, { username: string; displayName: string; unitName?: string }> = {
  admin: { username: 'admin', displayName: '系统管理员' },
  officer: { username: 'wangfang', displayName: '王芳', unitName: '办公室' },
  editor: { username: 'lisi', displayName: '李四', unitName: '政策法规科' },
  leader: { username: 'zhaoju', displayName: '赵局长' },
  auditor: { username: 'qianjc', displayName: '钱监察' },
};

export const passwordOf = (role: Role) => `${role}-Mima-2026`;

export interface SeededBureau {
  organ: Organ;
  users: Record<Role, User>;
}

/** Creates the main organ, its units and one user per role through the service (so all is audited). */
export async function seedBureau(identity: IdentityService): Promise<SeededBureau> {
  const organ = await identity.createOrgan(INSTALLER, BUREAU);
  await identity.createUnit(INSTALLER, { name: '办公室', sortOrder: 1 });
  await identity.createUnit(INSTALLER, { name: '政策法规科', sortOrder: 2 });
  const users = {} as Record<Role, User>;
  for (const [role, person] of Object.entries(STAFF) as [Role, (typeof STAFF)[Role]][])
    users[role] = await identity.createUser(INSTALLER, { ...person, role, password: passwordOf(role) });
  return { organ, users };
}

/** An identity service on `db` with a fixed clock, as every instance of the app would build it. */
export function identityOn(db: Db, clock = fixedClock('2026-11-30T01:00:00Z')) {
  const identity = createIdentityService({ db, clock, audit: createAuditLog(clock).append });
  return { identity, clock };
}
