/**
 * The benchmark of issue #3 ("Speed"), in one command:
 *
 *   npm run bench -- --items 100000 --db sqlite --duration 20 --connections 16
 *   npm run bench -- --items 1000000 --db postgres
 *
 * 1. generates the dataset (bench/dataset.ts) and bulk-loads it (bench/load.ts) unless a load of the same
 *    seed, size, dataset version, migration list and search-index inputs is cached under bench/.cache/ (and still there);
 * 2. builds (scripts/build.js) and starts the server as `npm start` does (`node <its flags> bin/gongkai.js serve`,
 *    SEED_DEMO=0, API rate limit off);
 * 3. drives, with wrk at fixed concurrency for a bounded time: the list page (/xxgk/list?page=k, or / while
 *    that route is missing), detail pages (/xxgk/content/{id}), search (/search?q=…) and the feed (/feed.xml)
 *    when those routes exist, and prints requests/s, p50, p99 and the server's peak RSS (VmHWM);
 * 4. saves the very same list and detail HTML as files, serves them from its own nginx on loopback with the
 *    same load, and prints our throughput as a ratio to nginx's.
 *
 * Options: --items N (100000) --db sqlite|postgres (sqlite) --duration s (20) --connections c (16)
 *   --threads t (2) --warmup s (3) --seed n (1) --nginx-workers n|auto (auto) --only list,detail,search,feed
 *   --rounds n (3: the one-page list and detail phases alternate with nginx's n times; the median ratio is the verdict,
 *   because this shared machine's throughput drifts by ±25 % between minutes)
 *   --cpu-prof (profile the server; a summary is printed) --reload (ignore the cached load) --no-nginx
 *   --ceiling (also serve the same bytes from a bare node:http server and a one-route Fastify app: the most any
 *   Node render cache can reach)
 * Every request goes to 127.0.0.1 only; every load phase stops by itself after --duration seconds. Search runs last;
 * on PostgreSQL the queries the server still runs for requests wrk abandoned are cancelled after each phase.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase } from '../src/db/database.ts';
import { migrations } from '../src/db/migrations/index.ts';
import { Random } from '../src/seed/random.ts';
import { writeDataset } from './dataset.ts';
import { loadDataset, POSTGRES_URL, resetTarget, withSearchPath, type LoadStats } from './load.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CACHE = join(ROOT, 'bench', '.cache');
/** Bump when bench/dataset.ts changes what it generates. */
const DATASET_VERSION = 1;
/** Bump when bench/load.ts changes what it writes. */
const LOADER_VERSION = 2;
/** The search module's files that decide the index rows: a change to them makes the cached load stale. */
const SEARCH_INPUTS = ['src/modules/search/segmenter.ts', 'src/modules/search/domain/index-document.ts', 'src/modules/search/domain/identifiers.ts'];

// ---- options ---------------------------------------------------------------------------------------

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined && !process.argv[i + 1]!.startsWith('--') ? (process.argv[i + 1] as string) : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const opts = {
  items: Number(option('items', '100000')),
  db: option('db', 'sqlite') as 'sqlite' | 'postgres',
  duration: Number(option('duration', '20')),
  connections: Number(option('connections', '16')),
  threads: Number(option('threads', '2')),
  warmup: Number(option('warmup', '3')),
  /** The one-page list and detail phases run this many times, each right before the same page from nginx; the verdict takes the median ratio. */
  rounds: Number(option('rounds', '3')),
  seed: Number(option('seed', '1')),
  nginxWorkers: option('nginx-workers', 'auto'),
  /** App processes (`gongkai serve --workers N`). */
  workers: Number(option('workers', '1')),
  only: new Set(option('only', 'list,detail,search,feed').split(',')),
  cpuProf: flag('cpu-prof'),
  reload: flag('reload'),
  nginx: !flag('no-nginx'),
  ceiling: flag('ceiling'),
};
if (!['sqlite', 'postgres'].includes(opts.db)) throw new Error('--db must be sqlite or postgres');
if (!(opts.items > 0 && opts.duration > 0 && opts.duration <= 300 && opts.connections > 0 && opts.connections <= 1000 && Number.isInteger(opts.rounds) && opts.rounds >= 1 && opts.rounds <= 10)) throw new Error('bad --items/--duration (≤ 300 s)/--connections/--rounds (1–10)');
opts.threads = Math.min(opts.threads, opts.connections);

const log = (line = '') => console.log(line);
const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    // nginx's master stops its workers on SIGQUIT; killed outright it would leave them behind.
    for (const c of children) c.kill(c.spawnfile.endsWith('nginx') ? 'SIGQUIT' : 'SIGKILL');
    process.exit(130);
  });

/** Labels the server's PostgreSQL sessions, so that queries it abandoned can be cancelled (and only those). */
const APPLICATION_NAME = `gongkai-bench-${process.pid}`;

/** Cancels the queries the benchmarked server still runs in PostgreSQL (requests wrk gave up on keep them busy). */
async function cancelServerQueries(): Promise<number> {
  if (opts.db !== 'postgres') return 0;
  const c = new pg.Client({ connectionString: POSTGRES_URL });
  await c.connect();
  try {
    const r = await c.query("select pg_cancel_backend(pid) from pg_stat_activity where application_name = $1 and state = 'active'", [APPLICATION_NAME]);
    return r.rowCount ?? 0;
  } finally {
    await c.end();
  }
}

// ---- tools -----------------------------------------------------------------------------------------

function ensureTools(): void {
  const missing = ['wrk', 'nginx'].filter((t) => spawnSync('sh', ['-c', `command -v ${t} || test -x /usr/sbin/${t}`]).status !== 0);
  if (missing.length === 0) return;
  log(`installing ${missing.join(', ')} (Debian packages) …`);
  const r = spawnSync('sh', ['-c', `apt-get install -y -qq ${missing.join(' ')} >/dev/null 2>&1 || (apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq ${missing.join(' ')} >/dev/null 2>&1)`], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`could not install ${missing.join(', ')}: run apt-get install -y ${missing.join(' ')}`);
}
const nginxBin = () => (spawnSync('sh', ['-c', 'command -v nginx']).stdout.toString().trim() || '/usr/sbin/nginx');

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (a && typeof a === 'object' ? res(a.port) : rej(new Error('no port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- dataset and database (cached) ------------------------------------------------------------------

interface Prepared {
  url: string;
  dataDir: string;
  load: LoadStats & { cached: boolean; generatedMs: number | null };
}

async function prepare(): Promise<Prepared> {
  mkdirSync(CACHE, { recursive: true });
  const dataset = join(CACHE, `dataset-v${DATASET_VERSION}-s${opts.seed}-n${opts.items}.jsonl`);
  let generatedMs: number | null = null;
  if (!existsSync(dataset)) {
    log(`generating ${opts.items.toLocaleString('en')} items (seed ${opts.seed}) → ${dataset}`);
    const g = await writeDataset(opts.seed, opts.items, dataset, log);
    generatedMs = g.ms;
    log(`  ${(g.bytes / 1e6).toFixed(0)} MB in ${(g.ms / 1000).toFixed(1)} s`);
  }
  // A load is reusable only with the same schema (migration list) and the same search wiring.
  const schemaKey = createHash('sha256')
    .update(JSON.stringify([migrations.map(([name]) => name), LOADER_VERSION, DATASET_VERSION]))
    .update(SEARCH_INPUTS.map((f) => (existsSync(join(ROOT, f)) ? readFileSync(join(ROOT, f), 'utf8') : '-')).join('\u0000'))
    .digest('hex')
    .slice(0, 8);
  const key = `${opts.db}-s${opts.seed}-n${opts.items}-${schemaKey}`;
  const marker = join(CACHE, `${key}.loaded.json`);
  const dataDir = join(CACHE, key);
  const url = opts.db === 'sqlite' ? join(dataDir, 'gongkai.sqlite') : withSearchPath(POSTGRES_URL, `bench_${key.replace(/-/g, '_')}`);
  if (existsSync(marker) && !opts.reload && (await loadStillThere(url))) {
    const stats = JSON.parse(readFileSync(marker, 'utf8')) as LoadStats;
    log(`using the cached load ${key} (imported at ${Math.round(stats.itemsPerSecond).toLocaleString('en')} items/s when it was made)`);
    return { url, dataDir, load: { ...stats, cached: true, generatedMs } };
  }
  // Drop stale loads of the same database kind, seed and size (older schema keys).
  for (const f of readdirSync(CACHE).filter((f) => f.startsWith(`${opts.db}-s${opts.seed}-n${opts.items}-`) && !f.startsWith(key))) rmSync(join(CACHE, f), { recursive: true, force: true });
  if (opts.db === 'postgres') await dropStaleSchemas(`bench_${opts.db}_s${opts.seed}_n${opts.items}_`, `bench_${key.replace(/-/g, '_')}`);
  log(`loading ${dataset} into ${opts.db === 'sqlite' ? url : url.replace(/\?.*options=/, ' (') + ')'}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  await resetTarget(url);
  const stats = await loadDataset({ dataset, databaseUrl: url, dataDir, log });
  writeFileSync(marker, JSON.stringify(stats, null, 2));
  log(`  imported ${stats.items.toLocaleString('en')} items (${stats.publicItems.toLocaleString('en')} public) in ${(stats.ms / 1000).toFixed(1)} s = ${Math.round(stats.itemsPerSecond).toLocaleString('en')} items/s`);
  return { url, dataDir, load: { ...stats, cached: false, generatedMs } };
}

/** Whether a cached load is still in place (a schema can be dropped, a file deleted, behind the marker's back). */
async function loadStillThere(url: string): Promise<boolean> {
  if (opts.db === 'sqlite') return existsSync(url);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ t: string | null }>("select to_regclass('items')::text as t");
    if (!r.rows[0]?.t) return false;
    const n = await c.query<{ n: string }>('select count(*) as n from items');
    return Number(n.rows[0]?.n) === opts.items;
  } finally {
    await c.end();
  }
}

async function dropStaleSchemas(prefix: string, keep: string): Promise<void> {
  const c = new pg.Client({ connectionString: POSTGRES_URL });
  await c.connect();
  try {
    // An exact prefix followed by the 8-hex-digit key only: `_` in a LIKE pattern would also match n100000 for n10000.
    const r = await c.query<{ nspname: string }>('select nspname from pg_namespace where left(nspname, length($1)) = $1', [prefix]);
    for (const { nspname } of r.rows) if (nspname !== keep && new RegExp(`^${prefix}[0-9a-f]{8}$`).test(nspname)) await c.query(`drop schema ${nspname} cascade`);
  } finally {
    await c.end();
  }
}

/** Public ids (for detail pages) and the number of public items, read straight from the database. */
async function publicIds(url: string, sample: number): Promise<{ ids: string[]; total: number }> {
  const database = openDatabase(url, { poolSize: 1 });
  try {
    const rows = await database.db.selectFrom('public_items').select('item_id').orderBy('item_id').execute();
    const rng = new Random(opts.seed * 7919);
    const ids = Array.from({ length: Math.min(sample, rows.length) }, () => rng.pick(rows).item_id);
    return { ids, total: rows.length };
  } finally {
    await database.destroy();
  }
}

// ---- processes -----------------------------------------------------------------------------------------

interface Server {
  url: string;
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

function withApplicationName(url: string): string {
  const u = new URL(url);
  u.searchParams.set('application_name', APPLICATION_NAME);
  return u.toString();
}

async function startApp(prepared: Prepared): Promise<Server> {
  const port = await freePort();
  const profDir = join(CACHE, 'prof');
  if (opts.cpuProf) {
    rmSync(profDir, { recursive: true, force: true });
    mkdirSync(profDir, { recursive: true });
  }
  // Node's flags as `npm start` passes them (package.json scripts.start: `node <flags> bin/gongkai.js serve`).
  const startFlags = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start.split(/\s+/).filter((a) => a.startsWith('--'));
  const nodeFlags = [...startFlags, ...(opts.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [])];
  const child = spawn(process.execPath, [...nodeFlags, 'bin/gongkai.js', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: prepared.dataDir,
      DATABASE_URL: opts.db === 'postgres' ? withApplicationName(prepared.url) : prepared.url,
      SEED_DEMO: '0',
      RUN_SCHEDULER: '0',
      WORKERS: String(opts.workers),
      // One client address (the load generator) would otherwise be limited to 300 requests a minute.
      PUBLIC_API_RATE_LIMIT: '0',
      // The build made at the start, even if sources are edited meanwhile (GONGKAI_FROM_SOURCE=1: through tsx).
      GONGKAI_FROM_SOURCE: process.env.GONGKAI_FROM_SOURCE === '1' ? '1' : '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  child.stdout!.on('data', (b: Buffer) => (output = (output + b.toString()).slice(-20000)));
  child.stderr!.on('data', (b: Buffer) => (output = (output + b.toString()).slice(-20000)));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited during start:\n${output}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.status === 200) break;
    } catch {
      // not yet listening
    }
    if (Date.now() > deadline) throw new Error(`the server did not answer /healthz within 120 s:\n${output}`);
    await sleep(200);
  }
  return {
    url,
    pid: child.pid!,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(t);
      }
      children.delete(child);
    },
  };
}

async function startNginx(pages: Record<string, string>): Promise<Server & { dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-nginx-'));
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'html'), { recursive: true, mode: 0o755 });
  mkdirSync(join(dir, 'tmp'), { recursive: true });
  for (const [name, html] of Object.entries(pages)) writeFileSync(join(dir, 'html', name), html, { mode: 0o644 });
  const port = await freePort();
  const conf = `daemon off;
worker_processes ${opts.nginxWorkers};
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65;
  keepalive_requests 1000000;
  types { text/html html; }
  default_type application/octet-stream;
  charset utf-8;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${dir}/html;
  }
}
`;
  writeFileSync(join(dir, 'nginx.conf'), conf);
  const child = spawn(nginxBin(), ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let output = '';
  child.stderr!.on('data', (b: Buffer) => (output += b.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${output}${existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : ''}`);
    try {
      if ((await fetch(`${url}/${Object.keys(pages)[0]}`)).status === 200) break;
    } catch {
      // starting
    }
    if (i > 100) throw new Error('nginx did not start');
    await sleep(100);
  }
  return {
    url,
    dir,
    pid: child.pid!,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGQUIT'); // graceful: the master stops its workers
        const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(t);
      }
      children.delete(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The upper bound for a render cache in one Node process: node:http answering with bytes held in memory. */
async function startBareNode(pages: Record<string, string>, framework: 'node-http' | 'fastify'): Promise<Server> {
  const port = await freePort();
  const code = framework === 'fastify'
    ? `const app = require('fastify')();
const pages = new Map(Object.entries(JSON.parse(process.env.PAGES)).map(([k, v]) => ['/' + k, Buffer.from(v)]));
app.get('/:name', async (req, reply) => {
  const body = pages.get('/' + req.params.name);
  if (!body) return reply.code(404).send();
  return reply.type('text/html; charset=utf-8').header('etag', '"x"').header('cache-control', 'public, no-cache').send(body);
});
app.listen({ port: ${port}, host: '127.0.0.1' }).then(() => console.log('ready'));`
    : `const http = require('node:http');
const pages = new Map(Object.entries(JSON.parse(process.env.PAGES)).map(([k, v]) => ['/' + k, Buffer.from(v)]));
http.createServer((req, res) => {
  const body = pages.get(req.url);
  if (!body) { res.statusCode = 404; return res.end(); }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length, etag: '"x"', 'cache-control': 'public, no-cache' });
  res.end(body);
}).listen(${port}, '127.0.0.1', () => console.log('ready'));`;
  const child = spawn(process.execPath, ['-e', code], { cwd: ROOT, env: { ...process.env, PAGES: JSON.stringify(pages) }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  await new Promise<void>((r, j) => {
    child.stdout!.once('data', () => r());
    child.once('exit', () => j(new Error('bare node server exited')));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    output: () => '',
    async stop() {
      child.kill('SIGTERM');
      await exited;
      children.delete(child);
    },
  };
}

// ---- memory --------------------------------------------------------------------------------------------

/** Resident memory of the server: the sum over its processes (with --workers, the primary and each worker). */
function memoryOf(pid: number): { rssKb: number; hwmKb: number } {
  let rssKb = 0;
  let hwmKb = 0;
  for (const p of processTree(pid))
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
      rssKb += kb('VmRSS');
      hwmKb += kb('VmHWM');
    } catch {
      // exited meanwhile
    }
  return { rssKb, hwmKb };
}

// ---- load generation (wrk) ------------------------------------------------------------------------------

interface WrkResult {
  requests: number;
  durationUs: number;
  rps: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
  non2xx: number;
  socketErrors: number;
  timeouts: number;
  mbPerSec: number;
}

const luaString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** A wrk script that requests the given paths in random order and prints its figures as JSON. */
function wrkScript(paths: readonly string[]): string {
  const file = join(CACHE, `wrk-${process.pid}-${createHash('sha1').update(paths.join('\n')).digest('hex').slice(0, 10)}.lua`);
  writeFileSync(
    file,
    `local paths = { ${paths.map(luaString).join(', ')} }
local n = #paths
local threads = 0
function setup(thread) threads = threads + 1; thread:set("tid", threads) end
function init(args) math.randomseed(${opts.seed} * 1000 + (tid or 0)) end
function request() return wrk.format("GET", paths[math.random(n)]) end
function done(summary, latency, requests)
  io.write(string.format('WRK_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"status":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%f}\\n',
    summary.requests, summary.duration, summary.bytes, summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
`,
  );
  return file;
}

function runWrk(baseUrl: string, paths: readonly string[], seconds: number, connections = opts.connections): Promise<WrkResult> {
  const script = wrkScript(paths);
  return new Promise((res, rej) => {
    const child = spawn('wrk', [`-t${Math.min(opts.threads, connections)}`, `-c${connections}`, `-d${seconds}s`, '--timeout', '10s', '-s', script, baseUrl], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.once('exit', (code) => {
      children.delete(child);
      rmSync(script, { force: true });
      const json = /WRK_JSON (\{.*\})/.exec(out)?.[1];
      if (code !== 0 || !json) return rej(new Error(`wrk failed (${code}): ${out}`));
      const r = JSON.parse(json) as Record<string, number>;
      const secs = r.duration_us! / 1e6;
      res({
        requests: r.requests!,
        durationUs: r.duration_us!,
        rps: r.requests! / secs,
        p50Ms: r.p50! / 1000,
        p90Ms: r.p90! / 1000,
        p99Ms: r.p99! / 1000,
        maxMs: r.max! / 1000,
        meanMs: r.mean! / 1000,
        non2xx: r.status!,
        socketErrors: r.connect! + r.read! + r.write!,
        timeouts: r.timeout!,
        mbPerSec: r.bytes! / secs / 1e6,
      });
    });
  });
}

interface Phase {
  name: string;
  target: Target;
  paths: string[];
  note: string;
  /** wrk's connections, when not --connections. */
  connections?: number;
}

type Target = 'app' | 'nginx' | 'node-http' | 'fastify';
const TARGET_LABEL: Record<Target, string> = { app: 'gongkai', nginx: 'nginx', 'node-http': 'bare node:http', fastify: 'bare Fastify' };

interface PhaseResult extends WrkResult {
  name: string;
  target: Target;
  note: string;
  peakRssMb: number | null;
  cpuPercent: number | null;
  /** 1-minute load average at the end of the phase: on this shared 2-core machine, above ~2.5 others were competing. */
  loadAverage: number;
}

/** CPU ticks (utime + stime) of the server: its process and, with --workers, its worker processes. */
function cpuTicks(pid: number): number {
  let ticks = 0;
  for (const p of processTree(pid))
    try {
      const f = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // exited meanwhile
    }
  return ticks;
}

/** `pid` and every process descended from it. */
function processTree(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc'))
    if (/^\d+$/.test(entry))
      try {
        parentOf.set(Number(entry), Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]));
      } catch {
        // exited meanwhile
      }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) for (const [child, parent] of parentOf) if (parent === tree[i]) tree.push(child);
  return tree;
}

/**
 * Waits until the server answers /healthz quickly again: requests wrk abandoned at the end of a phase may
 * still be running in a synchronous handler, and would otherwise be charged to the next phase.
 */
async function drain(base: Server): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < 600; i++) {
    const t = performance.now();
    try {
      await (await fetch(`${base.url}/healthz`, { signal: AbortSignal.timeout(60_000) })).arrayBuffer();
    } catch {
      // answered nothing or 404 (nginx): still a sign of life
    }
    if (performance.now() - t < 20) break;
    await sleep(100);
  }
  return performance.now() - started;
}

async function runPhase(phase: Phase, base: Server): Promise<PhaseResult> {
  const drained = await drain(base);
  if (drained > 1000) log(`  (waited ${fmt(drained / 1000, 1)} s for the previous phase's abandoned requests to finish)`);
  if (opts.warmup > 0) await runWrk(base.url, phase.paths, opts.warmup, phase.connections);
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, memoryOf(base.pid).rssKb)), 250);
  const ticks0 = cpuTicks(base.pid);
  const t0 = performance.now();
  try {
    const r = await runWrk(base.url, phase.paths, opts.duration, phase.connections);
    const cpu = phase.target !== 'nginx' ? ((cpuTicks(base.pid) - ticks0) / 100 / ((performance.now() - t0) / 1000)) * 100 : null;
    if (phase.target === 'app') {
      const cancelled = await cancelServerQueries();
      if (cancelled) log(`  (cancelled ${cancelled} database queries the server was still running for abandoned requests)`);
    }
    await drain(base);
    return { ...r, loadAverage: loadavg()[0]!, name: phase.name, target: phase.target, note: phase.note, peakRssMb: phase.target === 'app' ? Math.max(peak, memoryOf(base.pid).rssKb) / 1024 : null, cpuPercent: cpu };
  } finally {
    clearInterval(sampler);
  }
}

// ---- routes ------------------------------------------------------------------------------------------------

async function status(url: string): Promise<{ status: number; body: string; type: string }> {
  const r = await fetch(url);
  return { status: r.status, body: await r.text(), type: r.headers.get('content-type') ?? '' };
}

/** Common two-character words, rarer words and phrases, identifiers: what people type. */
const SEARCH_TERMS = ['科技', '公开', '工作', '管理', '安全', '教育', '农业', '资金', '知识产权', '高新技术企业', '科技特派员', '防汛防台', '食品安全监督抽检', '最低生活保障', '政务公开', '养老服务', '〔2023〕12号', '县科技发〔2024〕3号', '茶业', '地理标志'];

/**
 * Searches that are mostly not in the render cache: one or two of the terms, a page 1–5 and a year
 * filter or none (≈ 19,000 addresses, shuffled; at the phase's rate most are asked for the first time).
 */
function newSearchPaths(shuffle = 1): string[] {
  const years = ['', '2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026'];
  const paths: string[] = [];
  for (const a of SEARCH_TERMS)
    for (const b of ['', ...SEARCH_TERMS.filter((t) => t !== a)])
      for (let page = 1; page <= 5; page++)
        for (const year of years) paths.push(`/search?q=${encodeURIComponent(b ? `${a} ${b}` : a)}${year ? `&year=${year}` : ''}${page > 1 ? `&page=${page}` : ''}`);
  return new Random(opts.seed * 37 * shuffle).shuffle(paths);
}

/** List pages as people use them: mostly the first pages, sometimes deep ones. */
function listPaths(base: string, totalPages: number): string[] {
  const rng = new Random(opts.seed * 31);
  return Array.from({ length: 2000 }, () => {
    const r = rng.next();
    const page = r < 0.7 ? rng.int(1, Math.min(10, totalPages)) : r < 0.95 ? rng.int(1, Math.min(100, totalPages)) : rng.int(1, Math.max(1, Math.min(5000, totalPages)));
    return `${base}${base.includes('?') ? '&' : '?'}page=${page}`;
  });
}

// ---- profile summary --------------------------------------------------------------------------------------

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[];
  startTime: number;
  endTime: number;
  samples: number[];
}

function summariseProfile(): string[] {
  const dir = join(CACHE, 'prof');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')) : [];
  if (files.length === 0) return ['(no .cpuprofile written)'];
  const p = JSON.parse(readFileSync(join(dir, files[0]!), 'utf8')) as CpuProfile;
  // Percentages of the busy samples: the profile also spans start-up and the nginx phases, when the server idles.
  const idle = p.nodes.filter((n) => n.callFrame.functionName === '(idle)').reduce((sum, n) => sum + (n.hitCount ?? 0), 0);
  const total = Math.max(1, p.samples.length - idle);
  const byFn = new Map<string, number>();
  const byModule = new Map<string, number>();
  for (const n of p.nodes) {
    const hits = n.hitCount ?? 0;
    if (!hits || n.callFrame.functionName === '(idle)') continue;
    const url = n.callFrame.url.replace(`file://${ROOT}/`, '');
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${url ? `${url}:${n.callFrame.lineNumber + 1}` : ''}`.trim();
    byFn.set(fn, (byFn.get(fn) ?? 0) + hits);
    const mod = url.startsWith('node_modules/') ? url.split('/').slice(0, url.split('/')[1]!.startsWith('@') ? 3 : 2).join('/') : url.startsWith('src/') ? url : url.startsWith('node:') ? 'node: (core)' : n.callFrame.functionName.startsWith('(') ? n.callFrame.functionName : '(native/V8)';
    byModule.set(mod, (byModule.get(mod) ?? 0) + hits);
  }
  const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([name, hits]) => `  ${((hits / total) * 100).toFixed(1).padStart(5)} %  ${name}`);
  return [`profile ${files[0]}: ${total} busy samples of ${p.samples.length} over ${((p.endTime - p.startTime) / 1e6).toFixed(0)} s; self time as a share of busy time:`, 'by file/package:', ...top(byModule, 15), 'by function:', ...top(byFn, 25)];
}

// ---- main ------------------------------------------------------------------------------------------------

const fmt = (n: number, d = 0) => n.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });

async function main(): Promise<void> {
  const startedAt = new Date();
  log(`gongkai benchmark — ${startedAt.toISOString()} — ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  log(`options: ${JSON.stringify({ ...opts, only: [...opts.only] })}`);
  ensureTools();
  // The server runs as `npm start` runs it: the compiled build, brought up to date first (GONGKAI_FROM_SOURCE=1: through tsx).
  const build = spawnSync(process.execPath, ['scripts/build.js'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  log(`server code: ${spawnSync(process.execPath, ['bin/gongkai.js', 'version'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim()}`);
  const prepared = await prepare();
  const { ids, total } = await publicIds(prepared.url, 2000);
  log(`public items: ${fmt(total)}; sampled ${ids.length} detail ids`);

  const app = await startApp(prepared);
  let nginx: (Server & { dir: string }) | undefined;
  let bare: Server | undefined;
  let bareFastify: Server | undefined;
  const results: PhaseResult[] = [];
  const routes: Record<string, string> = {};
  const searchTimings: { term: string; status: number; medianMs: number; maxMs: number; runs: number }[] = [];
  try {
    log(`server ${app.url} (pid ${app.pid}) started; RSS after start ${fmt(memoryOf(app.pid).rssKb / 1024)} MB`);
    // Which routes exist (other parts of the portal may still be missing).
    const list = await status(`${app.url}/xxgk/list?page=1`);
    routes.list = list.status === 200 ? '/xxgk/list' : '/';
    if (list.status !== 200) log(`/xxgk/list answered ${list.status}: the list falls back to / (latest items)`);
    const search = await status(`${app.url}/search?q=${encodeURIComponent('科技')}`);
    if (search.status === 200) routes.search = '/search';
    else log(`/search answered ${search.status}: search not measured`);
    const feed = await status(`${app.url}/feed.xml`);
    if (feed.status === 200) routes.feed = '/feed.xml';
    else log(`/feed.xml answered ${feed.status}: feed not measured`);

    const listUrl = routes.list === '/' ? '/' : '/xxgk/list?page=1';
    const detailUrl = `/xxgk/content/${ids[0]}`;
    const listPage = await status(`${app.url}${listUrl}`);
    const detailPage = await status(`${app.url}${detailUrl}`);
    if (listPage.status !== 200 || detailPage.status !== 200) throw new Error(`list ${listPage.status}, detail ${detailPage.status}: cannot benchmark`);
    const pagesDir = join(CACHE, 'pages');
    mkdirSync(pagesDir, { recursive: true });
    writeFileSync(join(pagesDir, 'list.html'), listPage.body);
    writeFileSync(join(pagesDir, 'detail.html'), detailPage.body);
    log(`saved ${listUrl} (${fmt(Buffer.byteLength(listPage.body))} bytes) and ${detailUrl} (${fmt(Buffer.byteLength(detailPage.body))} bytes) to ${pagesDir}`);
    if (opts.nginx) {
      nginx = await startNginx({ 'list.html': listPage.body, 'detail.html': detailPage.body });
      log(`nginx ${nginx.url} (workers: ${opts.nginxWorkers}) serves the same two pages`);
    }
    if (opts.ceiling) bare = await startBareNode({ 'list.html': listPage.body, 'detail.html': detailPage.body }, 'node-http');
    if (opts.ceiling) bareFastify = await startBareNode({ 'list.html': listPage.body, 'detail.html': detailPage.body }, 'fastify');

    const phases: (Phase & { base: Server })[] = [];
    for (let round = 1; round <= opts.rounds; round++) {
      const suffix = opts.rounds > 1 ? ` · round ${round}` : '';
      for (const [page, url, file] of [['list', listUrl, '/list.html'], ['detail', detailUrl, '/detail.html']] as const) {
        if (!opts.only.has(page)) continue;
        const name = `${page} (one page)${suffix}`;
        phases.push({ name, target: 'app', paths: [url], note: url.slice(0, 40), base: app });
        if (nginx) phases.push({ name, target: 'nginx', paths: [file], note: 'same bytes, static', base: nginx });
        if (bare && round === 1) phases.push({ name, target: 'node-http', paths: [file], note: 'same bytes from memory', base: bare });
        if (bareFastify && round === 1) phases.push({ name, target: 'fastify', paths: [file], note: 'same bytes from memory, one route', base: bareFastify });
      }
    }
    if (opts.only.has('list')) phases.push({ name: 'list (pages 1…k)', target: 'app', paths: listPaths(routes.list === '/' ? '/' : '/xxgk/list', Math.ceil(total / 20)), note: '70 % p1–10, 25 % ≤100, 5 % deep', base: app });
    if (opts.only.has('detail')) phases.push({ name: 'detail (random ids)', target: 'app', paths: ids.map((id) => `/xxgk/content/${id}`), note: `${ids.length} random public items`, base: app });
    // Search last: on PostgreSQL, queries wrk abandons keep running in the database after the phase ends.
    if (opts.only.has('feed') && routes.feed) phases.push({ name: 'feed', target: 'app', paths: ['/feed.xml'], note: '/feed.xml', base: app });
    if (opts.only.has('search') && routes.search) phases.push({ name: 'search', target: 'app', paths: SEARCH_TERMS.map((t) => `/search?q=${encodeURIComponent(t)}`), note: `${SEARCH_TERMS.length} terms, random`, base: app });
    // The 20 terms' pages come from the render cache after their first request; these mostly do not.
    if (opts.only.has('search') && routes.search) phases.push({ name: 'search (new queries)', target: 'app', paths: newSearchPaths(), note: '1–2 terms × page × year, ≈ 19k addresses', base: app });
    // The same at one connection: what a visitor waits for a search never asked before when the server is not saturated
    // (at 16 connections each waits behind the others: the latency there is mostly queueing).
    if (opts.only.has('search') && routes.search) phases.push({ name: 'search (new queries, 1 connection)', target: 'app', paths: newSearchPaths(2), note: 'as above, other addresses order, one at a time', connections: 1, base: app });

    for (const phase of phases) {
      log(`→ ${TARGET_LABEL[phase.target]} ${phase.name} … ${opts.duration} s at ${phase.connections ?? opts.connections} connection(s)`);
      const r = await runPhase(phase, phase.base);
      results.push(r);
      if (r.requests === 0) log(`  no request completed within wrk's 10 s timeout (${r.timeouts} timeouts)`);
      else log(`  ${fmt(r.rps)} req/s, p50 ${fmt(r.p50Ms, 2)} ms, p99 ${fmt(r.p99Ms, 2)} ms${r.non2xx ? `, ${fmt(r.non2xx)} non-2xx` : ''}${r.socketErrors ? `, ${r.socketErrors} socket errors` : ''}${r.peakRssMb ? `, RSS ≤ ${fmt(r.peakRssMb)} MB, server CPU ${fmt(r.cpuPercent ?? 0)} %` : ''}`);
    }

    if (routes.search && opts.only.has('search')) {
      // Per term, one request at a time on an otherwise idle server: what one visitor waits for
      // (up to 15 requests or 3 s per term; a request is given up after 30 s, the whole loop after 4 minutes).
      const loopStarted = performance.now();
      for (const term of SEARCH_TERMS) {
        if (performance.now() - loopStarted > 240_000) break;
        const times: number[] = [];
        let last = 0;
        const termStarted = performance.now();
        for (let i = 0; i < 15 && (i === 0 || performance.now() - termStarted < 3000); i++) {
          const t = performance.now();
          try {
            const r = await fetch(`${app.url}/search?q=${encodeURIComponent(term)}`, { signal: AbortSignal.timeout(30_000) });
            await r.arrayBuffer();
            last = r.status;
          } catch {
            last = 0; // gave up after 30 s
            await cancelServerQueries();
            await drain(app);
          }
          times.push(performance.now() - t);
        }
        times.sort((a, b) => a - b);
        searchTimings.push({ term, status: last, medianMs: times[Math.floor(times.length / 2)]!, maxMs: times[times.length - 1]!, runs: times.length });
      }
    }
  } finally {
    const mem = memoryOf(app.pid);
    await nginx?.stop();
    await bare?.stop();
    await bareFastify?.stop();
    await app.stop();
    results.push({ name: '__memory', target: 'app', note: '', peakRssMb: mem.hwmKb / 1024 } as PhaseResult);
  }

  const hwmMb = results.find((r) => r.name === '__memory')!.peakRssMb!;
  const phasesDone = results.filter((r) => r.name !== '__memory');
  // ---- report
  log('');
  log(`## ${opts.db} · ${fmt(opts.items)} items · ${opts.connections} connections · ${opts.duration} s per phase · wrk -t${opts.threads} · ${startedAt.toISOString().slice(0, 16)}Z`);
  log('');
  log('| route | served by | req/s | p50 ms | p99 ms | max ms | non-2xx | ratio to nginx | server CPU | load avg | what |');
  log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const r of phasesDone) {
    const ng = phasesDone.find((x) => x.target === 'nginx' && x.name === r.name) ?? phasesDone.find((x) => x.target === 'nginx' && x.name.split(' ')[0] === r.name.split(' ')[0]);
    const ratio = r.target !== 'nginx' && ng ? `${fmt((r.rps / ng.rps) * 100, 1)} %` : '';
    const none = r.requests === 0 ? '> 10,000 (none completed)' : undefined;
    log(`| ${r.name} | ${TARGET_LABEL[r.target]} | ${fmt(r.rps)} | ${none ?? fmt(r.p50Ms, 2)} | ${none ?? fmt(r.p99Ms, 2)} | ${none ?? fmt(r.maxMs, 1)} | ${fmt(r.non2xx)} | ${ratio} | ${r.cpuPercent === null ? '' : `${fmt(r.cpuPercent)} %`} | ${fmt(r.loadAverage, 1)} | ${r.note} |`);
  }
  log('');
  log(`peak RSS of the server (VmHWM): ${fmt(hwmMb)} MB`);
  const l = prepared.load;
  log(`import: ${fmt(l.items)} items (${fmt(l.publicItems)} public, ${fmt(l.links)} links, search rows: ${l.searchIndexed === 'none' ? 'no search module wired' : fmt(l.searchRows)}) in ${fmt(l.ms / 1000, 1)} s = ${fmt(l.itemsPerSecond)} items/s${l.cached ? ' (cached load, measured when it was made)' : ''}, load average ${fmt(l.loadAverage ?? 0, 1)} at its end; audit chain ${l.auditChainValid ? 'valid' : 'BROKEN'}`);
  if (searchTimings.length) {
    log('');
    log('search, one request at a time on the idle server (up to 15 each, 3 s per term): term → median / max ms');
    for (const t of searchTimings) log(`  ${t.term.padEnd(12, '　')} ${t.status} ${fmt(t.medianMs, 1)} / ${fmt(t.maxMs, 1)} (${t.runs})`);
  }
  const verdicts: string[] = [];
  for (const name of ['list', 'detail']) {
    // Each round's app run against the nginx run right after it; the median of the rounds decides.
    const ratios = phasesDone
      .filter((r) => r.target === 'app' && r.name.startsWith(`${name} (one`))
      .flatMap((a) => phasesDone.filter((n) => n.target === 'nginx' && n.name === a.name).map((n) => a.rps / n.rps))
      .sort((x, y) => x - y);
    if (ratios.length === 0) continue;
    const median = ratios.length % 2 ? ratios[(ratios.length - 1) / 2]! : (ratios[ratios.length / 2 - 1]! + ratios[ratios.length / 2]!) / 2;
    const each = ratios.length > 1 ? ` (median of ${ratios.length} rounds: ${ratios.map((r) => `${fmt(r * 100, 1)} %`).join(', ')})` : '';
    verdicts.push(`${name} ≥ 50 % of nginx: ${fmt(median * 100, 1)} %${each} → ${median >= 0.5 ? 'met' : 'MISSED'}`);
  }
  const s = phasesDone.find((r) => r.name === 'search');
  const searchLimit = opts.db === 'sqlite' ? 30 : 50;
  if (s) verdicts.push(`search p99 ≤ ${searchLimit} ms: ${s.requests === 0 ? 'no request completed within 10 s' : `${fmt(s.p99Ms, 1)} ms`} → ${s.requests > 0 && s.p99Ms <= searchLimit ? 'met' : 'MISSED'}${(opts.db === 'sqlite' && opts.items === 100_000) || (opts.db === 'postgres' && opts.items === 1_000_000) ? '' : ' (the target is set for 100k/SQLite and 1M/PostgreSQL)'}`);
  else verdicts.push(opts.only.has('search') ? 'search: route missing, not measured' : 'search: not selected (--only)');
  const fresh = phasesDone.find((r) => r.name === 'search (new queries)');
  // Not the target's measure (the 20 terms above, whose pages the render cache keeps after their first request): searches never asked before.
  if (fresh) verdicts.push(`search of new queries (informative): ${fmt(fresh.rps)} req/s, p50 ${fmt(fresh.p50Ms, 1)} ms, p99 ${fmt(fresh.p99Ms, 1)} ms at ${opts.connections} connections`);
  const alone = phasesDone.find((r) => r.name === 'search (new queries, 1 connection)');
  if (alone) verdicts.push(`search of new queries, one at a time: p50 ${fmt(alone.p50Ms, 1)} ms, p99 ${fmt(alone.p99Ms, 1)} ms${alone.p99Ms <= searchLimit ? ` (within the ${searchLimit} ms of the target)` : ` (over the ${searchLimit} ms of the target)`}`);
  verdicts.push(`peak RSS ≤ 300 MB: ${fmt(hwmMb)} MB → ${hwmMb <= 300 ? 'met' : 'MISSED'}${opts.items === 100_000 ? '' : ' (the target is set for 100k)'}`);
  verdicts.push(`import of 100k < 60 s: ${fmt(l.ms / 1000, 1)} s for ${fmt(l.items)} → ${(l.ms / 1000) * (100_000 / l.items) < 60 ? 'met' : 'MISSED'}${l.items === 100_000 ? '' : ' (scaled)'}`);
  log('');
  for (const v of verdicts) log(`- ${v}`);
  if (opts.cpuProf) {
    log('');
    for (const line of summariseProfile()) log(line);
  }
  const resultsDir = join(CACHE, 'results');
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${opts.db}-n${opts.items}-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ startedAt, machine: { cores: cpus().length, model: cpus()[0]?.model, memGiB: totalmem() / 2 ** 30, loadavg: loadavg() }, options: { ...opts, only: [...opts.only] }, routes, load: prepared.load, phases: phasesDone, peakRssMb: hwmMb, searchTimings, verdicts }, null, 2));
  log('');
  log(`results saved to ${file}`);
}

await main();
