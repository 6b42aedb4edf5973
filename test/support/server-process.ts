import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Runs the app (or any HTTP server command) as a child process for end-to-end tests:
 * on a free loopback port, with its own temporary DATA_DIR, waiting until it is ready.
 *
 *   const server = await startServer({ env: { SEED_DEMO: '0' } });
 *   await fetch(`${server.url}/healthz`);
 *   await server.stop();
 */

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface StartServerOptions {
  /** Executable; default: this Node (process.execPath). */
  command?: string;
  /** Arguments; default: ['bin/gongkai.js', 'serve']. */
  args?: string[];
  /** Working directory; default: the repository root. */
  cwd?: string;
  /** Extra environment, applied over process.env and over PORT, HOST and DATA_DIR below. */
  env?: Record<string, string | undefined>;
  /** Port to pass as PORT; default: a free one (retried on EADDRINUSE). */
  port?: number;
  /** DATA_DIR; default: a new temp folder, deleted by stop(). */
  dataDir?: string;
  /** Ready when a stdout/stderr line matches (a string is a substring match). */
  readyLine?: RegExp | string;
  /** Ready when GET of this path answers 200; default '/healthz'; null turns polling off. */
  healthPath?: string | null;
  /** How long to wait for readiness; default 30 s. */
  timeoutMs?: number;
}

export interface ServerProcess {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  dataDir: string;
  pid: number;
  /** Everything the process printed so far, stdout and stderr interleaved. */
  output(): string;
  /** SIGTERM, then SIGKILL after 5 s; deletes the temp DATA_DIR. Safe to call twice. */
  stop(): Promise<void>;
  /** Resolves with the exit code (or signal) once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const OUTPUT_LIMIT = 1 << 20;
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolvePort(address.port);
        else reject(new Error('could not get a free port'));
      });
    });
  });
}

export async function startServer(options: StartServerOptions = {}): Promise<ServerProcess> {
  const attempts = options.port === undefined ? 3 : 1;
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options, options.port ?? (await freePort()));
    } catch (error) {
      // Another process may have taken the port between freePort() and listen().
      if (attempt >= attempts || !(error instanceof ServerStartError) || !/EADDRINUSE/.test(error.output)) throw error;
    }
  }
}

export class ServerStartError extends Error {
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(`${message}\n--- server output ---\n${output || '(nothing)'}\n--- end of server output ---`);
    this.name = 'ServerStartError';
  }
}

async function startOnce(options: StartServerOptions, port: number): Promise<ServerProcess> {
  if (options.readyLine === undefined && options.healthPath === null) throw new Error('startServer needs readyLine or healthPath to know when the server is ready');
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'gongkai-e2e-'));
  const command = options.command ?? process.execPath;
  const args = options.args ?? ['bin/gongkai.js', 'serve'];
  const healthPath = options.healthPath === undefined ? '/healthz' : options.healthPath;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const url = `http://127.0.0.1:${port}`;
  const describeCommand = [command, ...args].join(' ');

  const child = spawn(command, args, {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);

  let output = '';
  let lineListener: ((line: string) => void) | undefined;
  const partial = { stdout: '', stderr: '' };
  const onData = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output = (output + text).slice(-OUTPUT_LIMIT);
    const lines = (partial[stream] + text).split('\n');
    partial[stream] = lines.pop() ?? '';
    for (const line of lines) lineListener?.(line);
  };
  child.stdout!.on('data', onData('stdout'));
  child.stderr!.on('data', onData('stderr'));

  let spawnError: Error | undefined;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) => {
    child.once('error', (error) => {
      spawnError = error;
      live.delete(child);
      resolveExit({ code: null, signal: null });
    });
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolveExit({ code, signal });
    });
  });

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null && !spawnError) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
    })());

  const server: ServerProcess = { url, port, dataDir, pid: child.pid ?? -1, output: () => output, stop, exited };

  const readyLine = options.readyLine;
  let settled = false;
  const lineMatches = (line: string) => (typeof readyLine === 'string' ? line.includes(readyLine) : readyLine!.test(line));
  const ready = new Promise<void>((resolveReady) => {
    if (readyLine !== undefined) {
      lineListener = (line) => {
        if (lineMatches(line)) resolveReady();
      };
    }
    if (healthPath !== null) void pollHealth(`${url}${healthPath}`, () => settled).then((ok) => ok && resolveReady());
  });

  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    ready.then(() => 'ready' as const),
    exited.then(() => 'exited' as const),
    new Promise<'timeout'>((resolveTimeout) => {
      timer = setTimeout(() => resolveTimeout('timeout'), timeoutMs);
    }),
  ]);
  settled = true;
  clearTimeout(timer);
  lineListener = undefined;

  if (outcome === 'ready') return server;

  await stop();
  if (spawnError) throw new ServerStartError(`could not start \`${describeCommand}\`: ${spawnError.message}`, output);
  if (outcome === 'exited') {
    const { code, signal } = await exited;
    throw new ServerStartError(`\`${describeCommand}\` exited (code ${code}, signal ${signal}) before it was ready on ${url}`, output);
  }
  const waitedFor = [readyLine !== undefined && `a line matching ${String(readyLine)}`, healthPath !== null && `GET ${healthPath} = 200`].filter(Boolean).join(' or ');
  throw new ServerStartError(`\`${describeCommand}\` was not ready on ${url} within ${timeoutMs} ms (waited for ${waitedFor})`, output);
}

/** Polls until the URL answers 200 (true) or done() says to stop (false). */
async function pollHealth(url: string, done: () => boolean): Promise<boolean> {
  while (!done()) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer().catch(() => {});
      if (response.status === 200) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}
