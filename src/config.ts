import { join, resolve } from 'node:path';

/** The environment, parsed once (README: Configuration). */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  dataDir: string;
  /** Secure cookies only when served over HTTPS. */
  secureCookies: boolean;
  /** Seed the demo bureau into an empty database on first start. */
  seedDemo: boolean;
  /** Run scheduled work (timed publishing, reminders) in this instance. */
  runScheduler: boolean;
  instanceId: string;
  /** TRUST_PROXY: proxy addresses (comma-separated) whose X-Forwarded-For is believed; unset = none. */
  trustProxy: string | false;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.DATA_DIR ?? './data');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL ?? join(dataDir, 'gongkai.sqlite'),
    dataDir,
    secureCookies: env.SECURE_COOKIES === '1',
    seedDemo: env.SEED_DEMO !== '0',
    runScheduler: env.RUN_SCHEDULER !== '0',
    trustProxy: env.TRUST_PROXY ? env.TRUST_PROXY : false,
    instanceId: env.INSTANCE_ID ?? `${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
  };
}
