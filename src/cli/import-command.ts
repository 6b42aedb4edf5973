import cliProgress from 'cli-progress';
import type ExcelJS from 'exceljs';
import { createWriteStream, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { DomainError, InvalidInput } from '../kernel/errors.ts';
import { parseLocalDate } from '../kernel/local-date.ts';
import { DISCLOSURE_ATTRIBUTE_LABELS, EXEMPTIONS } from '../modules/catalogue/domain/disclosure.ts';
import { VALIDITY_LABELS } from '../modules/catalogue/domain/validity.ts';
import type { ItemInput } from '../modules/catalogue/item-service.ts';
import { itemJson } from '../modules/catalogue/web/item-api-routes.ts';
import { actorOf, systemActor } from '../modules/identity/index.ts';
import type { Services } from '../services.ts';
import { message } from '../web/messages.ts';

type Row = Record<string, unknown>;
interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** XLSX column headings (Chinese, as offices keep their 台账) → JSONL field names. */
const XLSX_COLUMNS: Record<string, string> = {
  标题: 'title',
  公开属性: 'disclosureAttribute',
  不予公开依据: 'exemptionBasis',
  不予公开理由: 'exemptionReason',
  依申请公开理由: 'onRequestReason',
  成文日期: 'writtenOn',
  发布日期: 'publishedOn',
  主题分类: 'topic',
  体裁: 'genre',
  发文字号: 'documentNumber',
  内容概述: 'summary',
  正文: 'body',
  联合发文机关: 'jointIssuers',
  发布机构代码: 'organCode',
  有效性: 'validity',
  失效废止日期: 'validityEndedOn',
  生效日期: 'effectiveOn',
};

const invert = <K extends string>(labels: Record<K, string>) => Object.fromEntries(Object.entries(labels).map(([k, v]) => [v, k]));
const DISCLOSURE_BY_LABEL = invert(DISCLOSURE_ATTRIBUTE_LABELS);
const VALIDITY_BY_LABEL = invert(VALIDITY_LABELS);
const EXEMPTION_BY_LABEL = Object.fromEntries(Object.entries(EXEMPTIONS).map(([k, v]) => [v.label, k]));

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  return String(value);
}

async function readRows(file: string): Promise<{ line: number; row: Row | undefined; problem?: string }[]> {
  if (extname(file).toLowerCase() === '.xlsx') {
    // Loaded on use: exceljs costs ≈ 28 MB of memory that `gongkai serve` never needs (bench/RESULTS.md).
    const { default: Excel } = await import('exceljs');
    const workbook = new Excel.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    if (!sheet) return [];
    const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((v) => XLSX_COLUMNS[cellText(v).trim()] ?? '');
    const rows: { line: number; row: Row }[] = [];
    sheet.eachRow((r, n) => {
      if (n === 1) return;
      const row: Row = {};
      (r.values as ExcelJS.CellValue[]).forEach((v, i) => {
        const key = headers[i];
        if (key && cellText(v).trim() !== '') row[key] = cellText(v).trim();
      });
      if (Object.keys(row).length > 0) rows.push({ line: n, row });
    });
    return rows;
  }
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((text, i) => ({ line: i + 1, text }))
    .filter((l) => l.text.trim() !== '')
    .map(({ line, text }) => {
      try {
        const row = JSON.parse(text);
        return typeof row === 'object' && row && !Array.isArray(row) ? { line, row } : { line, row: undefined, problem: '不是 JSON 对象' };
      } catch {
        return { line, row: undefined, problem: '不是有效的 JSON' };
      }
    });
}

const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v));

/** One import row (JSONL field names, Chinese labels accepted) → the use case input. */
async function toInput(s: Services, row: Row): Promise<{ input: ItemInput; publishedOn: string | null }> {
  const fields: Record<string, string> = {};
  const disclosure = DISCLOSURE_BY_LABEL[str(row.disclosureAttribute) ?? ''] ?? str(row.disclosureAttribute) ?? '';
  const topic = await s.reference.topicCode(str(row.topic) ?? '');
  if (!topic.ok) fields.topic = topic.reason;
  const genre = await s.reference.genreCode(str(row.genre) ?? '');
  if (!genre.ok) fields.genre = genre.reason;
  let organId: string | undefined;
  if (row.organCode) {
    organId = (await s.database.db.selectFrom('organs').select('id').where('code', '=', String(row.organCode)).executeTakeFirst())?.id;
    if (!organId) fields.organCode = 'unknown-organ';
  }
  const exemption = (row.exemption as { basis?: string; reason?: string } | undefined) ?? (row.exemptionBasis ? { basis: EXEMPTION_BY_LABEL[String(row.exemptionBasis)] ?? String(row.exemptionBasis), reason: str(row.exemptionReason) ?? '' } : undefined);
  const publishedOn = str(row.publishedOn) ?? null;
  if (publishedOn && !parseLocalDate(publishedOn)) fields.publishedOn = 'invalid-date';
  if (Object.keys(fields).length > 0) throw new InvalidInput(fields);
  const joint = Array.isArray(row.jointIssuers) ? row.jointIssuers.map(String) : (str(row.jointIssuers)?.split(/[、,，]/).map((x) => x.trim()).filter(Boolean) ?? []);
  return {
    publishedOn,
    input: {
      title: str(row.title) ?? '',
      organId,
      disclosure: disclosure as ItemInput['disclosure'],
      exemption: exemption ? { basis: exemption.basis ?? '', reason: exemption.reason ?? '' } : null,
      onRequestReason: str(row.onRequestReason) ?? null,
      writtenOn: str(row.writtenOn) ?? '',
      topicCode: topic.ok ? topic.code : '',
      genreCode: genre.ok ? genre.code : '',
      bodyHtml: str(row.body) ?? '',
      summary: str(row.summary) ?? '',
      documentNumber: str(row.documentNumber) ?? null,
      jointIssuers: joint,
      catalogueEntryId: str(row.catalogueEntryId) ?? null,
      effectiveOn: str(row.effectiveOn) ?? null,
      validity: (VALIDITY_BY_LABEL[str(row.validity) ?? ''] ?? str(row.validity) ?? null) as ItemInput['validity'],
      validityEndedOn: str(row.validityEndedOn) ?? null,
    } as ItemInput,
  };
}

/**
 * `gongkai import FILE`: each row is validated and imported in one transaction (a draft, or with
 * `publishedOn` the published first edition), so an invalid row never half-imports. Errors are
 * reported by line number; the exit code is 1 when any row was refused.
 */
export async function runImport(s: Services, file: string, options: Io & { as?: string | undefined }): Promise<number> {
  const actor = options.as ? await s.identity.findUserByUsername(options.as).then((u) => (u ? actorOf(u) : undefined)) : { ...systemActor('命令行导入'), organId: (await s.identity.mainOrgan())?.id ?? '' };
  if (!actor) {
    options.err(`错误：用户 ${options.as} 不存在。`);
    return 1;
  }
  const rows = await readRows(file);
  const bar = new cliProgress.SingleBar({ format: '导入 [{bar}] {percentage}% | {value}/{total} 行 | 失败 {failed}', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic);
  bar.start(rows.length, 0, { failed: 0 });
  const problems: string[] = [];
  let imported = 0;
  for (const { line, row, problem } of rows) {
    try {
      if (!row) throw new Error(problem);
      const { input, publishedOn } = await toInput(s, row);
      await s.items.importItem(actor, input, { publishedOn: publishedOn as never });
      imported++;
    } catch (e) {
      if (e instanceof InvalidInput) problems.push(`第 ${line} 行：${Object.entries(e.fields).map(([f, c]) => `${f}：${message(c)}`).join('；') || message(e.code)}`);
      else if (e instanceof DomainError) problems.push(`第 ${line} 行：${message(e.code)}`);
      else if (e instanceof Error && !row) problems.push(`第 ${line} 行：${e.message}`);
      else throw e;
    }
    bar.increment(1, { failed: problems.length });
  }
  bar.stop();
  for (const p of problems) options.err(p);
  options.out(`已导入 ${imported} 条，失败 ${problems.length} 条（共 ${rows.length} 行）。`);
  return problems.length > 0 ? 1 : 0;
}

/** `gongkai export`: every item as JSONL in the import format, with its state and 索引号. */
export async function runExport(s: Services, options: Io & { file?: string | undefined }): Promise<number> {
  const stream = options.file ? createWriteStream(options.file) : process.stdout;
  const { topics, genres } = await s.reference.load();
  let count = 0;
  for (let page = 1; ; page++) {
    const { items } = await s.items.list(systemActor('导出'), { page, pageSize: 200 });
    if (items.length === 0) break;
    for (const item of items) {
      const j = itemJson(item);
      const topic = topics.find((t) => t.code === item.topicCode);
      const parent = topics.find((t) => t.code === topic?.parentCode);
      stream.write(JSON.stringify({ ...j, topic: parent ? `${parent.name}/${topic!.name}` : topic?.name, genre: genres.find((g) => g.code === item.genreCode)?.name }) + '\n');
      count++;
    }
  }
  if (options.file) await new Promise<void>((resolve) => (stream as NodeJS.WritableStream).end(resolve));
  options.err(`已导出 ${count} 条。`);
  return 0;
}
