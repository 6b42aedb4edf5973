import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUREAU, INSTALLER, passwordOf, seedBureau, identityOn, type SeededBureau } from '../../../test/support/identity-fixtures.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../../../test/support/test-database.ts';
import { actorOf, type IdentityService } from './identity-service.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe.each(await testDialects())('identity service on %s', (dialect) => {
  let database: TestDatabase;
  let identity: IdentityService;
  let bureau: SeededBureau;
  const admin = () => actorOf(bureau.users.admin);
  const editor = () => actorOf(bureau.users.editor);

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    identity = identityOn(database.db).identity;
    bureau = await seedBureau(identity);
  });
  afterAll(() => database.drop());

  describe('organs and units', () => {
    it('makes the first organ the main organ, keyed by its credit code', async () => {
      expect(bureau.organ).toMatchObject({ code: BUREAU.creditCode, creditCode: BUREAU.creditCode, isMain: true, shortName: '县科技局' });
      expect(await identity.mainOrgan()).toEqual(bureau.organ);
      expect((await identity.listUnits(bureau.organ.id)).map((u) => u.name)).toEqual(['办公室', '政策法规科']);
    });

    it('adds further organs, refusing a second main organ, a taken code and a bad check digit', async () => {
      const other = await identity.createOrgan(admin(), { name: '某县教育局', code: 'd2143569x' });
      expect(other).toMatchObject({ code: 'D2143569-X', isMain: false });
      expect((await identity.listOrgans()).map((o) => o.name)).toEqual(['某县科学技术局', '某县教育局']);
      await expect(identity.createOrgan(admin(), { name: '另一个局', code: '00000000-0', isMain: true })).rejects.toMatchObject({ code: 'main-organ-exists', status: 409 });
      await expect(identity.createOrgan(admin(), { name: '另一个局', code: 'D2143569-X' })).rejects.toMatchObject({ code: 'organ-code-taken', status: 409 });
      await expect(identity.createOrgan(admin(), { name: '另一个局', code: 'D2143569-1' })).rejects.toMatchObject({ code: 'invalid-input', fields: { code: 'invalid-organ-code' } });
      await expect(identity.createUnit(admin(), { name: '办公室' })).rejects.toMatchObject({ code: 'unit-name-taken' });
      await expect(identity.createUnit(admin(), { name: '办公室', organCode: 'D2143569X' })).resolves.toMatchObject({ organId: other.id });
    });

    it('leaves organisation to the administrator', async () => {
      await expect(identity.createOrgan(actorOf(bureau.users.officer), { name: '某县财政局', code: '00000000-0' })).rejects.toMatchObject({ code: 'forbidden', status: 403 });
      await expect(identity.createUnit(editor(), { name: '新科室' })).rejects.toMatchObject({ code: 'forbidden' });
    });
  });

  describe('users', () => {
    it('creates a user in the main organ and its unit, and lists it with names', async () => {
      const user = await identity.createUser(admin(), { username: 'Sun.Qi', displayName: '孙七', role: 'editor', unitName: '政策法规科', password: 'kejiju-bianji-1' });
      expect(user).toMatchObject({ username: 'sun.qi', organId: bureau.organ.id, role: 'editor', isDisabled: false, version: 1 });
      const listed = (await identity.listUsers(admin())).find((u) => u.id === user.id);
      expect(listed).toMatchObject({ organName: '某县科学技术局', unitName: '政策法规科' });
      expect(await identity.findUserByUsername('SUN.QI')).toEqual(user);
    });

    it('refuses a taken username whatever its case', async () => {
      await expect(identity.createUser(admin(), { username: 'LiSi', displayName: '另一个李四', role: 'editor', password: 'kejiju-bianji-1' })).rejects.toMatchObject({ code: 'username-taken', status: 409 });
    });

    it('reports invalid fields, an unknown organ and an unknown unit', async () => {
      await expect(identity.createUser(admin(), { username: 'x', displayName: '', role: 'root', password: '1234567890' })).rejects.toMatchObject({
        code: 'invalid-input',
        fields: { username: 'invalid-username', displayName: 'required', role: 'invalid-role', password: 'password-all-digits' },
      });
      const input = { username: 'zhouba', displayName: '周八', role: 'editor', password: 'kejiju-bianji-1' };
      await expect(identity.createUser(admin(), { ...input, organCode: '00000000-0' })).rejects.toMatchObject({ fields: { organCode: 'unknown-organ' } });
      await expect(identity.createUser(admin(), { ...input, unitName: '不存在的科' })).rejects.toMatchObject({ fields: { unitName: 'unknown-unit' } });
      expect(await identity.findUserByUsername('zhouba')).toBeUndefined();
    });

    it('lets only user.manage create users and only user.read list them', async () => {
      await expect(identity.createUser(editor(), { username: 'zhouba', displayName: '周八', role: 'admin', password: 'kejiju-bianji-1' })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(identity.listUsers(editor())).rejects.toMatchObject({ code: 'forbidden' });
      expect((await identity.listUsers(actorOf(bureau.users.auditor))).length).toBeGreaterThanOrEqual(5);
    });

    it('stores passwords only as scrypt hashes', async () => {
      const rows = await database.db.selectFrom('users').select(['username', 'password_hash']).execute();
      for (const row of rows) {
        expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
        expect(row.password_hash).not.toContain('Mima');
      }
    });

    it('changes a password: changing your own needs the current password, and other sessions end', async () => {
      const first = await identity.signIn('zhaoju', passwordOf('leader'), '10.9.0.1');
      const second = await identity.signIn('zhaoju', passwordOf('leader'), '10.9.0.2');
      const leader = actorOf(bureau.users.leader);
      await expect(identity.setPassword(leader, { username: 'zhaoju', password: 'xin-mima-2027' })).rejects.toMatchObject({ fields: { currentPassword: 'wrong-current-password' } });
      await identity.setPassword(leader, { username: 'zhaoju', password: 'xin-mima-2027', currentPassword: passwordOf('leader'), keepSessionId: first.sessionId });
      expect(await identity.sessionFromCookie(first.token)).toBeDefined();
      expect(await identity.sessionFromCookie(second.token)).toBeUndefined();
      await expect(identity.signIn('zhaoju', passwordOf('leader'), '10.9.0.3')).rejects.toMatchObject({ code: 'invalid-credentials' });
      await identity.setPassword(admin(), { username: 'zhaoju', password: passwordOf('leader') });
      expect(await identity.sessionFromCookie(first.token)).toBeUndefined();
      await expect(identity.setPassword(editor(), { username: 'zhaoju', password: 'xin-mima-2028' })).rejects.toMatchObject({ code: 'forbidden' });
    });

    it('disables a user: sessions and tokens stop working and sign-in is refused', async () => {
      await identity.createUser(admin(), { username: 'temp01', displayName: '临时工作人员', role: 'editor', password: 'linshi-mima-1' });
      const session = await identity.signIn('temp01', 'linshi-mima-1', '10.9.1.1');
      const { secret } = await identity.createApiToken(session.actor, 'temp01', '临时脚本');
      const disabled = await identity.disableUser(admin(), 'temp01');
      expect(disabled).toMatchObject({ isDisabled: true, version: 2 });
      expect(await identity.sessionFromCookie(session.token)).toBeUndefined();
      expect(await identity.actorFromBearer(secret)).toBeUndefined();
      await expect(identity.signIn('temp01', 'linshi-mima-1', '10.9.1.1')).rejects.toMatchObject({ code: 'invalid-credentials' });
      await expect(identity.disableUser(admin(), 'admin')).rejects.toMatchObject({ code: 'cannot-disable-self' });
    });

    it('enables a disabled user again: sign-in and unrevoked tokens work, ended sessions stay ended', async () => {
      await identity.createUser(admin(), { username: 'temp02', displayName: '借调人员', role: 'editor', password: 'jiediao-mima-1' });
      const session = await identity.signIn('temp02', 'jiediao-mima-1', '10.9.2.1');
      const { secret } = await identity.createApiToken(session.actor, 'temp02', '借调脚本');
      await identity.disableUser(admin(), 'temp02');
      await expect(identity.enableUser(editor(), 'temp02')).rejects.toMatchObject({ code: 'forbidden' });
      const enabled = await identity.enableUser(admin(), 'TEMP02');
      expect(enabled).toMatchObject({ isDisabled: false, version: 3 });
      expect(await identity.enableUser(admin(), 'temp02')).toMatchObject({ isDisabled: false, version: 3 });
      expect(await identity.sessionFromCookie(session.token)).toBeUndefined();
      expect(await identity.actorFromBearer(secret)).toMatchObject({ username: 'temp02' });
      await expect(identity.signIn('temp02', 'jiediao-mima-1', '10.9.2.1')).resolves.toMatchObject({ actor: { username: 'temp02' } });
      const enables = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'user.enable').where('subject_id', '=', enabled.id).execute();
      expect(enables).toHaveLength(1);
      await expect(identity.enableUser(admin(), 'nobody')).rejects.toMatchObject({ code: 'user-not-found', status: 404 });
    });
  });

  describe('API tokens', () => {
    it('shows the secret once, stores its SHA-256 only and resolves it to the owner', async () => {
      const { token, secret } = await identity.createApiToken(editor(), 'lisi', ' 年报导出脚本 ');
      expect(secret).toMatch(/^gk_[A-Za-z0-9_-]{43}$/);
      expect(token).toMatchObject({ userId: bureau.users.editor.id, name: '年报导出脚本', lastUsedAt: null, revokedAt: null });
      const row = await database.db.selectFrom('api_tokens').selectAll().where('id', '=', token.id).executeTakeFirstOrThrow();
      expect(row.token_hash).toBe(sha256(secret));
      expect(JSON.stringify(await database.db.selectFrom('api_tokens').selectAll().execute())).not.toContain(secret.slice(3));
      expect(await identity.actorFromBearer(secret)).toEqual(editor());
      expect((await identity.listApiTokens(editor(), bureau.users.editor.id))[0]).toMatchObject({ id: token.id, lastUsedAt: '2026-11-30T01:00:00.000Z' });
    });

    it('revokes: the token stops working, and only its owner or user.manage may revoke', async () => {
      const { token, secret } = await identity.createApiToken(editor(), 'lisi', '临时导入');
      await expect(identity.revokeApiToken(actorOf(bureau.users.officer), token.id)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(identity.createApiToken(editor(), 'wangfang', '替别人建')).rejects.toMatchObject({ code: 'forbidden' });
      await expect(identity.listApiTokens(editor(), bureau.users.officer.id)).rejects.toMatchObject({ code: 'forbidden' });
      expect(await identity.revokeApiToken(editor(), token.id)).toMatchObject({ revokedAt: '2026-11-30T01:00:00.000Z' });
      expect(await identity.actorFromBearer(secret)).toBeUndefined();
      const other = await identity.createApiToken(admin(), 'lisi', '管理员代建');
      await identity.revokeApiToken(admin(), other.token.id);
      expect(await identity.actorFromBearer(other.secret)).toBeUndefined();
      await expect(identity.revokeApiToken(admin(), '01nonexistent000000000000')).rejects.toMatchObject({ code: 'token-not-found', status: 404 });
    });

    it('refuses malformed and unknown tokens and nameless tokens', async () => {
      expect(await identity.actorFromBearer('gk_' + 'A'.repeat(43))).toBeUndefined();
      expect(await identity.actorFromBearer('not-a-token')).toBeUndefined();
      await expect(identity.createApiToken(editor(), 'lisi', '  ')).rejects.toMatchObject({ fields: { name: 'required' } });
    });
  });

  describe('audit', () => {
    it('records every change with its actor, and never a secret', async () => {
      const rows = await database.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
      const actions = new Set(rows.map((r) => r.action));
      for (const action of ['organ.create', 'unit.create', 'user.create', 'user.set-password', 'user.disable', 'user.enable', 'token.create', 'token.revoke', 'session.sign-in'])
        expect(actions, action).toContain(action);
      const userCreate = rows.find((r) => r.action === 'user.create' && r.subject_id === bureau.users.editor.id)!;
      expect(userCreate).toMatchObject({ actor_id: INSTALLER.id, actor_name: '安装程序', subject_type: 'user' });
      expect(JSON.parse(userCreate.after_json!)).toMatchObject({ username: 'lisi', role: 'editor' });
      const hashes = (await database.db.selectFrom('users').select('password_hash').execute()).map((r) => r.password_hash);
      const tokenHashes = (await database.db.selectFrom('api_tokens').select('token_hash').execute()).map((r) => r.token_hash);
      const text = rows.map((r) => `${r.before_json} ${r.after_json}`).join('\n');
      for (const secret of [...hashes, ...tokenHashes, 'scrypt$', 'Mima-2026', 'linshi-mima', 'gk_', 'password']) expect(text).not.toContain(secret);
    });

    it('writes nothing when a use case is refused', async () => {
      const count = async () => (await database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
      const before = Number(await count());
      await expect(identity.createUser(admin(), { username: 'lisi', displayName: '重复', role: 'editor', password: 'kejiju-bianji-1' })).rejects.toThrow();
      expect(Number(await count())).toBe(before);
    });
  });
});
