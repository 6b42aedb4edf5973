import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database, type Dialect } from '../../db/database.ts';
import { fixedClock } from '../../kernel/clock.ts';
import { createServices, type Services } from '../../services.ts';
import { createTestDatabase, testDialects } from '../../../test/support/test-database.ts';
import { DEFAULT_SETTINGS } from './settings-service.ts';

const ACTOR = { id: null, name: '设置测试' };

/** Two app instances on one database, as two processes of `gongkai serve --workers 2` or two servers behind a balancer. */
async function twoInstances(dialect: Dialect): Promise<{ a: Services; b: Services; database: Database; close(): Promise<void> }> {
  const clock = fixedClock('2026-12-05T02:00:00Z');
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-settings-'));
  // SQLite: a file, so the second instance has connections of its own, as a second process would.
  const first = dialect === 'sqlite' ? openDatabase(join(dataDir, 'gongkai.sqlite')) : await createTestDatabase('postgres');
  const a = await createServices({ database: first, dataDir, clock, instanceId: 'a' });
  const second = openDatabase(dialect === 'sqlite' ? join(dataDir, 'gongkai.sqlite') : (first as Database & { url: string }).url);
  const b = await createServices({ database: second, dataDir, clock, instanceId: 'b' });
  return {
    a,
    b,
    database: first,
    async close() {
      await second.destroy();
      if ('drop' in first) await (first as { drop(): Promise<void> }).drop();
      else await first.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

describe.each(await testDialects())('settings shared by instances on %s', (dialect) => {
  let ctx: Awaited<ReturnType<typeof twoInstances>>;
  beforeAll(async () => {
    ctx = await twoInstances(dialect);
  });
  afterAll(() => ctx.close());

  it('shows a change made on one instance at the other on its next read', async () => {
    expect((await ctx.b.settings.get()).siteName).toBe(DEFAULT_SETTINGS.siteName); // cached at b
    await ctx.a.settings.update(ACTOR, { siteName: '某县科学技术局政府信息公开' });
    expect((await ctx.b.settings.get()).siteName).toBe('某县科学技术局政府信息公开');
    await ctx.b.settings.update(ACTOR, { defaultPublicationLimitWorkingDays: 15 });
    expect(await ctx.a.settings.get()).toMatchObject({ siteName: '某县科学技术局政府信息公开', defaultPublicationLimitWorkingDays: 15 });
  });

  it('keeps its copy while the settings version stands (a row written without a change of version is not read)', async () => {
    const before = await ctx.b.settings.get();
    await ctx.database.db.updateTable('settings').set({ value_json: JSON.stringify('绕过服务写入的站名') }).where('key', '=', 'siteName').execute();
    expect((await ctx.b.settings.get()).siteName).toBe(before.siteName);
    await ctx.a.settings.update(ACTOR, { siteDomain: 'kjj.example.gov.cn' });
    expect((await ctx.b.settings.get()).siteName).toBe('绕过服务写入的站名');
  });

  it('never serves a change from a transaction that rolled back', async () => {
    const before = await ctx.a.settings.get();
    await expect(
      ctx.a.database.db.transaction().execute(async (trx) => {
        const inside = await ctx.a.settings.update(ACTOR, { siteName: '未提交的站名' }, trx);
        expect(inside.siteName).toBe('未提交的站名');
        throw new Error('回滚');
      }),
    ).rejects.toThrow('回滚');
    expect((await ctx.a.settings.get()).siteName).toBe(before.siteName);
    expect((await ctx.b.settings.get()).siteName).toBe(before.siteName);
  });
});
