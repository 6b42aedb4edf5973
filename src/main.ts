import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { overridableClock } from './kernel/clock.ts';
import { createServices, type Services } from './services.ts';
import { buildGongkaiApp } from './web-app.ts';

export interface RunningServer {
  app: FastifyInstance;
  services: Services;
  url: string;
  stop(): Promise<void>;
}

/**
 * Composition root: config → database (migrated) → services → demo seed on first start →
 * HTTP app → scheduler. Used by `gongkai serve` and `npm start`.
 */
export async function startServer(config: Config, log: (line: string) => void = console.log): Promise<RunningServer> {
  const clock = overridableClock();
  const services = await createServices({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, clock, instanceId: config.instanceId });
  if (config.seedDemo && (await isEmpty(services))) {
    const { loadDemoBureau } = await import('./seed/load-demo.ts');
    log('首次启动：正在写入演示数据（某县科学技术局）…');
    const result = await loadDemoBureau(services, clock, { log });
    log('');
    log('演示账号（仅供演示，请在正式使用前修改密码）：');
    for (const u of result.users) log(`  ${u.role.padEnd(8)} 用户名 ${u.username.padEnd(12)} 密码 ${u.password}　${u.displayName}`);
    log('');
  }
  const app = await buildGongkaiApp(services, { secureCookies: config.secureCookies, trustProxy: config.trustProxy });
  const address = await app.listen({ port: config.port, host: config.host });
  if (config.runScheduler) {
    // 依申请公开 reminders: offer today's sweep (once across instances), which then offers each next day's.
    await services.foi.reminders.ensureScheduled(services.scheduler);
    await services.siteHealth.ensureScheduled();
    services.scheduler.start();
  }
  const url = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
  log(`gongkai 已启动：门户 ${url}/　管理后台 ${url}/console　API 文档 ${url}/api/openapi.json`);
  return {
    app,
    services,
    url,
    async stop() {
      await app.close();
      await services.close();
    },
  };
}

async function isEmpty(s: Services): Promise<boolean> {
  const organ = await s.database.db.selectFrom('organs').select('id').limit(1).executeTakeFirst();
  return organ === undefined;
}
