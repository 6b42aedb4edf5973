/**
 * Checking and saving the installation settings from the console and the API. SettingsService stores
 * whatever it is given, so these rules sit in front of it (they would belong in the service itself).
 */
import type { Actor } from '../../../kernel/actor.ts';
import { InvalidInput, type FieldErrors } from '../../../kernel/errors.ts';
import { validateIndexPattern } from '../../catalogue/domain/index-number.ts';
import { authorize } from '../../identity/index.ts';
import type { Settings, SettingsService } from '../settings-service.ts';

/** Longest text each field takes (a domain name is at most 253 characters, RFC 1035). */
export const SETTINGS_FIELD_CHARS = { siteName: 100, siteDomain: 253, siteIdCode: 20, indexNumberPattern: 100 } as const;

/** The range the console offers for the default 公开时限 in 工作日 (条例 Art. 26 sets 20 unless a law says otherwise). */
export const PUBLICATION_LIMIT_WORKING_DAYS = { min: 1, max: 60 } as const;

/** Chinese text for the codes only settings produce (网站标识码 and 索引号 pattern codes come from identity and catalogue). */
export const SETTINGS_MESSAGES: Record<string, string> = {
  'invalid-site-domain': '网站域名格式不正确：只填写域名本身，如 kjj.example.gov.cn，不含 http:// 和路径。',
  'invalid-publication-limit': '默认公开时限应为1至60之间的整数（工作日）。',
  'settings-saved': '设置已保存。新的索引号规则从下一条新编号的信息起使用，已有的索引号不变。',
  'settings-unchanged': '设置没有变化，未作修改。',
};

/** What the form or the API submits; the working-day limit is `null` when the form left it blank. */
export type SettingsInput = Omit<Settings, 'defaultPublicationLimitWorkingDays'> & { defaultPublicationLimitWorkingDays: number | null };

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const DOMAIN_NAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);

function textProblem(text: string, field: keyof typeof SETTINGS_FIELD_CHARS): string | undefined {
  if (!text) return 'required';
  return [...text].length > SETTINGS_FIELD_CHARS[field] ? 'too-long' : undefined;
}

/** Every field error at once, or the settings normalised (trimmed; the domain lower-cased). */
export function validateSettingsInput(input: SettingsInput): { ok: true; value: Settings } | { ok: false; errors: FieldErrors } {
  const value = {
    siteName: input.siteName.trim(),
    siteDomain: input.siteDomain.trim().toLowerCase(),
    siteIdCode: input.siteIdCode.trim(),
    indexNumberPattern: input.indexNumberPattern.trim(),
    defaultPublicationLimitWorkingDays: input.defaultPublicationLimitWorkingDays,
  };
  const errors: FieldErrors = {};
  const problems = {
    siteName: textProblem(value.siteName, 'siteName'),
    siteDomain: textProblem(value.siteDomain, 'siteDomain') ?? (DOMAIN_NAME.test(value.siteDomain) ? undefined : 'invalid-site-domain'),
    // 网站标识码: ten digits (国办发〔2017〕47号 附件).
    siteIdCode: textProblem(value.siteIdCode, 'siteIdCode') ?? (/^\d{10}$/.test(value.siteIdCode) ? undefined : 'invalid-site-id-code'),
    indexNumberPattern: textProblem(value.indexNumberPattern, 'indexNumberPattern') ?? patternProblem(value.indexNumberPattern),
    defaultPublicationLimitWorkingDays: limitProblem(value.defaultPublicationLimitWorkingDays),
  };
  for (const [field, problem] of Object.entries(problems)) if (problem) errors[field] = problem;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: value as Settings };
}

function patternProblem(pattern: string): string | undefined {
  const parsed = validateIndexPattern(pattern);
  return parsed.ok ? undefined : parsed.reason;
}

function limitProblem(days: number | null): string | undefined {
  if (days === null) return 'required';
  const { min, max } = PUBLICATION_LIMIT_WORKING_DAYS;
  return Number.isInteger(days) && days >= min && days <= max ? undefined : 'invalid-publication-limit';
}

/** The settings whose values differ, so the audit record names only what changed. */
export function changedSettings(current: Settings, next: Settings): Partial<Settings> {
  return Object.fromEntries(Object.entries(next).filter(([key, value]) => current[key as keyof Settings] !== value)) as Partial<Settings>;
}

/**
 * Saves the submitted settings (settings.manage). Only changed values are written and audited; an
 * unchanged submission writes nothing. Existing 索引号 are stored text and never follow a new pattern.
 */
export async function saveSettings(settings: SettingsService, actor: Actor, input: SettingsInput): Promise<{ settings: Settings; changed: boolean }> {
  authorize(actor, 'settings.manage');
  const valid = validateSettingsInput(input);
  if (!valid.ok) throw new InvalidInput(valid.errors);
  settings.invalidate(); // compare with what is stored, not with this instance's cache
  const current = await settings.get();
  const changes = changedSettings(current, valid.value);
  if (Object.keys(changes).length === 0) return { settings: valid.value, changed: false };
  return { settings: await settings.update({ id: actor.id, name: actor.displayName }, changes), changed: true };
}
