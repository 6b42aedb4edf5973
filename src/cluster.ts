import cluster, { type Worker } from 'node:cluster';

/** Set in the one worker that migrates the database and seeds the demo bureau before the others start. */
export const PREPARE_ROLE = 'GONGKAI_CLUSTER_PREPARE';

/**
 * `gongkai serve --workers N`: N processes sharing the port (the kernel spreads connections; no
 * hand-off through this process), on one database. Everything shared lives in the database —
 * sessions, the audit chain, the public version every render cache checks, scheduled jobs claimed
 * atomically — so any worker may answer any request (test/multi-instance.test.ts). First one worker
 * migrates and seeds and exits, so the others never race to seed; a worker that dies is replaced.
 * This process loads none of the app.
 */
export async function runCluster(workers: number, log: (line: string) => void = console.log): Promise<void> {
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  await new Promise<void>((resolve, reject) => {
    const prepare = cluster.fork({ [PREPARE_ROLE]: '1' });
    prepare.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`数据库准备失败（退出码 ${code}）`))));
  });
  let stopping = false;
  const start = (): Worker => cluster.fork({ SEED_DEMO: '0' });
  for (let i = 0; i < workers; i++) start();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    log(`工作进程 ${worker.process.pid} 已退出（${signal ?? code}），正在重启…`);
    start();
  });
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  log(`gongkai 以 ${workers} 个工作进程运行（主进程 ${process.pid}）`);
}
