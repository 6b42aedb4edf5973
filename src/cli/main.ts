import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { systemClock } from '../kernel/clock.ts';
import { DomainError, InvalidInput } from '../kernel/errors.ts';
import { isRole } from '../kernel/actor.ts';
import { verifyAuditChain } from '../modules/audit/index.ts';
import { workdaysAdd, workdaysBetween } from '../modules/calendar/index.ts';
import { systemActor } from '../modules/identity/index.ts';
import { createServices, type Services } from '../services.ts';
import { message, registerMessages } from '../web/messages.ts';
import '../web-app.ts';

const USAGE = `gongkai — 政务公开平台运维命令

  gongkai version                                 版本，以及运行的是编译版本（dist/）还是源码（src/，经 tsx）
  gongkai serve [--workers N]                     启动门户与管理后台（PORT、DATABASE_URL、DATA_DIR；N 个进程共用端口）
  gongkai migrate                                 执行数据库迁移
  gongkai organ add 名称 --code 机构代码 [--credit-code 统一社会信用代码] [--main]
                                                  登记机关（首个机关默认为主机关）
  gongkai unit add 科室名称 [--organ 机构代码]      登记科室
  gongkai seed-demo                               向空数据库写入演示数据（某县科学技术局）
  gongkai user add 用户名 --role 角色 [--organ 机构代码] [--name 姓名] [--unit 科室] --password-stdin
                                                  角色：admin officer editor leader auditor
  gongkai token create --user 用户名 [--name 用途]  生成 API 令牌（只显示一次）
  gongkai import 文件.jsonl|文件.xlsx [--as 用户名]  导入政府信息目录（逐行校验，错误行不导入）
  gongkai export [--out 文件.jsonl]               导出政府信息目录（JSONL）
  gongkai check 文件.txt|文件.docx [--json]         检查错别字、转换错误、标点、文号格式和表述问题
  gongkai check-quality                           在标注语料上计算检查规则的准确率和召回率
  gongkai audit verify                            校验审计日志哈希链
  gongkai workdays add 日期 N                     日期之后第 N 个工作日（起算日不计）
  gongkai workdays between A B                    A 之后至 B（含）的工作日数
  gongkai report annual 年度 [--organ 机构代码] --format json|docx [--out 文件]
                                                  输出政府信息公开工作年度报告（JSON 或 DOCX）
  gongkai site-health check [--json]              立即进行网站健康检查（国办秘函〔2019〕19号指标；触及单项否决时退出码为 1）
  gongkai site-health report 年-月 [--format html|docx] [--out 文件]
                                                  输出月度网站健康检查报告
`;

const out = (line = '') => process.stdout.write(line + '\n');
const err = (line: string) => process.stderr.write(line + '\n');

async function withServices<T>(fn: (s: Services) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const s = await createServices({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, clock: systemClock, instanceId: `cli-${process.pid}` });
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  async serve(args) {
    const { values } = parseArgs({ args, options: { workers: { type: 'string' } } });
    const workers = Number(values.workers ?? process.env.WORKERS ?? 1);
    if (!Number.isInteger(workers) || workers < 1 || workers > 64) return fail('--workers（或 WORKERS）须为 1 到 64 之间的整数。');
    const cluster = (await import('node:cluster')).default;
    if (workers > 1 && cluster.isPrimary) {
      await (await import('../cluster.ts')).runCluster(workers);
      return new Promise<number>(() => {});
    }
    const { startServer } = await import('../main.ts');
    if (process.env[(await import('../cluster.ts')).PREPARE_ROLE]) {
      // The cluster's first worker: migrate and seed on a loopback port, then leave the serving to the others.
      const prepared = await startServer({ ...loadConfig(), port: 0, host: '127.0.0.1', runScheduler: false });
      await prepared.stop();
      process.exit(0); // the channel to the primary process would otherwise keep this one alive
    }
    const server = await startServer(loadConfig());
    const stop = async () => {
      await server.stop();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    await new Promise(() => {});
    return 0;
  },

  async migrate() {
    const database = openDatabase(loadConfig().databaseUrl);
    try {
      const applied = await migrate(database, (l) => out(l));
      out(applied.length === 0 ? '数据库已是最新。' : `已执行 ${applied.length} 个迁移。`);
    } finally {
      await database.destroy();
    }
    return 0;
  },

  async organ(args) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { code: { type: 'string' }, 'credit-code': { type: 'string' }, main: { type: 'boolean' }, short: { type: 'string' } } });
    if (positionals[0] !== 'add' || !positionals[1]) return usage();
    return withServices(async (s) => {
      const isMain = values.main || (await s.identity.listOrgans()).length === 0;
      const organ = await s.identity.createOrgan(systemActor('命令行'), { name: positionals[1]!, shortName: values.short, code: values.code, creditCode: values['credit-code'], isMain });
      out(`已登记机关 ${organ.name}（机构代码 ${organ.code}${organ.isMain ? '，主机关' : ''}）。`);
      return 0;
    });
  },

  async unit(args) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { organ: { type: 'string' } } });
    if (positionals[0] !== 'add' || !positionals[1]) return usage();
    return withServices(async (s) => {
      const unit = await s.identity.createUnit(systemActor('命令行'), { name: positionals[1]!, organCode: values.organ });
      out(`已登记科室 ${unit.name}。`);
      return 0;
    });
  },

  async 'seed-demo'() {
    const { overridableClock } = await import('../kernel/clock.ts');
    const { loadDemoBureau } = await import('../seed/load-demo.ts');
    const config = loadConfig();
    const clock = overridableClock();
    const s = await createServices({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, clock, instanceId: `cli-${process.pid}` });
    try {
      if ((await s.identity.listOrgans()).length > 0) return fail('数据库中已有机关，演示数据只能写入空数据库。');
      const result = await loadDemoBureau(s, clock, { log: out });
      for (const u of result.users) out(`  ${u.role.padEnd(8)} ${u.username.padEnd(12)} ${u.password}`);
      return 0;
    } finally {
      await s.close();
    }
  },

  async user(args) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { role: { type: 'string' }, organ: { type: 'string' }, name: { type: 'string' }, unit: { type: 'string' }, 'password-stdin': { type: 'boolean' } } });
    const [sub, username] = positionals;
    if (sub !== 'add' || !username) return usage();
    if (!isRole(values.role)) return fail('--role 必须是 admin、officer、editor、leader、auditor 之一。');
    if (!values['password-stdin']) return fail('请用 --password-stdin 从标准输入提供密码（不要写在命令行上）。');
    const password = await readStdin();
    return withServices(async (s) => {
      const organ = values.organ ? (await s.identity.listOrgans()).find((o) => o.code === values.organ) : await s.identity.mainOrgan();
      if (!organ) return fail(values.organ ? `没有机构代码为 ${values.organ} 的机关。` : '尚未设置主机关，请先启动一次服务以完成初始化。');
      const unit = values.unit ? (await s.identity.listUnits(organ.id)).find((u) => u.name === values.unit) : undefined;
      if (values.unit && !unit) return fail(`没有名为 ${values.unit} 的科室。`);
      const user = await s.identity.createUser(systemActor('命令行'), { username, displayName: values.name ?? username, role: values.role as never, organCode: organ.code, unitName: unit?.name, password } as never);
      out(`已创建用户 ${user.username}（${user.role}，${organ.name}）。`);
      return 0;
    });
  },

  async token(args) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { user: { type: 'string' }, name: { type: 'string' } } });
    if (positionals[0] !== 'create' || !values.user) return usage();
    return withServices(async (s) => {
      const created = await s.identity.createApiToken(systemActor('命令行'), values.user!, values.name ?? '命令行创建');
      out(created.secret);
      return 0;
    });
  },

  async audit(args) {
    if (args[0] !== 'verify') return usage();
    return withServices(async (s) => {
      const result = await verifyAuditChain(s.database.db);
      if (result.firstBreak) {
        out(`审计日志哈希链损坏：第一条异常记录序号 ${result.firstBreak.seq}（${result.firstBreak.problem}）；此前 ${result.checked} 条完好。`);
        return 1;
      }
      if (result.headMismatch) {
        out(`审计日志链尾不一致：记录可能被截断（已校验 ${result.checked} 条）。`);
        return 1;
      }
      out(`审计日志完好：已校验 ${result.checked} 条记录。`);
      return 0;
    });
  },

  async check(args) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
    const file = positionals[0];
    if (!file) return usage();
    const { readFileSync } = await import('node:fs');
    const { checkText, DEFAULT_RULE_SET } = await import('../modules/content-checks/index.ts');
    const { docxText } = await import('../modules/content-checks/docx-text.ts');
    const { findingsJson } = await import('../modules/content-checks/web/content-check-routes.ts');
    let text: string;
    try {
      const bytes = readFileSync(file);
      text = /\.docx$/i.test(file) ? docxText(bytes) : bytes.toString('utf8');
    } catch {
      return fail(`无法读取文件 ${file}（支持 UTF-8 文本和 DOCX）。`);
    }
    const findings = checkText(text, DEFAULT_RULE_SET);
    if (values.json) out(JSON.stringify(findingsJson(findings), null, 2));
    else {
      for (const f of findings) out(`${f.start}-${f.end}\t[${f.severity}] ${f.text} → ${f.suggestion || '（请人工核对）'}\t${f.message}（${f.rule}）`);
      out(`共 ${findings.length} 处，其中确定 ${findings.filter((f) => f.severity === '确定').length} 处。`);
    }
    return findings.some((f) => f.severity === '确定') ? 1 : 0;
  },

  async 'check-quality'() {
    const { runQualityReport } = await import('../modules/content-checks/index.ts');
    out(runQualityReport());
    return 0;
  },

  async workdays(args) {
    const [sub, a, b] = args;
    if (!a || !b || (sub !== 'add' && sub !== 'between')) return usage();
    return withServices(async (s) => {
      out(sub === 'add' ? workdaysAdd(s.calendar.current(), a, b) : workdaysBetween(s.calendar.current(), a, b));
      return 0;
    });
  },

  async import(args) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { as: { type: 'string' } } });
    if (!positionals[0]) return usage();
    const { runImport } = await import('./import-command.ts');
    return withServices((s) => runImport(s, positionals[0]!, { as: values.as, out, err }));
  },

  async report(args) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { organ: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } } });
    if (positionals[0] !== 'annual' || !positionals[1]) return usage();
    const { runAnnualReportCommand } = await import('../modules/annual-report/index.ts');
    const io = { out, err, writeBytes: (bytes: Uint8Array) => void process.stdout.write(bytes) };
    return withServices((s) => runAnnualReportCommand(s, systemActor('命令行'), { year: positionals[1]!, organ: values.organ, format: values.format, out: values.out }, io));
  },

  async 'site-health'(args) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, format: { type: 'string' }, out: { type: 'string' } } });
    const { runSiteHealthCheck, runSiteHealthReport } = await import('../modules/site-health/cli/site-health-command.ts');
    const io = { out, err, writeBytes: (bytes: Uint8Array) => void process.stdout.write(bytes) };
    if (positionals[0] === 'check') return withServices((s) => runSiteHealthCheck(s, { json: values.json }, io));
    if (positionals[0] === 'report' && positionals[1]) return withServices((s) => runSiteHealthReport(s, { month: positionals[1]!, format: values.format, out: values.out }, io));
    return usage();
  },

  async export(args) {
    const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
    const { runExport } = await import('./import-command.ts');
    return withServices((s) => runExport(s, { file: values.out, out, err }));
  },
};

function usage(): number {
  err(USAGE);
  return 2;
}

function fail(text: string): number {
  err(`错误：${text}`);
  return 1;
}

/** Runs one command; returns the exit code. Errors print their Chinese message, never a stack. */
/** `gongkai version`: scripts/build.js compiles this file into dist/cli/main.js, one level as deep as src/cli/main.ts. */
commands.version = async () => {
  const { readFileSync } = await import('node:fs');
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  out(`gongkai ${version}（${import.meta.url.endsWith('.js') ? '编译版本 dist/' : '源码 src/，经 tsx'}）`);
  return 0;
};

export async function main(argv: string[]): Promise<number> {
  registerMessages({});
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) return usage();
  try {
    return await command(args);
  } catch (e) {
    if (e instanceof InvalidInput) {
      err(`错误：${message(e.code)}`);
      for (const [field, code] of Object.entries(e.fields)) err(`  ${field}：${message(code)}`);
      return 1;
    }
    if (e instanceof DomainError) return fail(message(e.code));
    if (e instanceof TypeError && /parseArgs|Unknown option/.test(String(e))) return fail(String(e.message));
    throw e;
  }
}
