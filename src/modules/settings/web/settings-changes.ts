/**
 * Checking and saving the installation settings from the console and the API. SettingsService stores
 * whatever it is given, so these rules sit in front of it (they would belong in the service itself).
 */
import type { Actor } from '../../../kernel/actor.ts';
import { InvalidInput, type FieldErrors } from '../../../kernel/errors.ts';
import { validateIndexPattern } from '../../catalogue/domain/index-number.ts';
import { authorize } from '../../identity/index.ts';
import type { DisclosureOfficeContacts, Settings, SettingsService } from '../settings-service.ts';

/** Longest text each field takes (a domain name is at most 253 characters, RFC 1035). */
export const SETTINGS_FIELD_CHARS = { siteName: 100, siteDomain: 253, siteIdCode: 20, indexNumberPattern: 100 } as const;

/** Longest text of each 工作机构 contact detail. */
export const OFFICE_FIELD_CHARS: Record<keyof DisclosureOfficeContacts, number> = { name: 50, address: 100, officeHours: 100, phone: 50, fax: 50, email: 100, website: 200 };

/** The range the console offers for the default 公开时限 in 工作日 (条例 Art. 26 sets 20 unless a law says otherwise). */
export const PUBLICATION_LIMIT_WORKING_DAYS = { min: 1, max: 60 } as const;

/** The range of the 依申请公开 即将到期 warning, in 工作日 left of the 20 (条例 Art. 33). */
export const FOI_DUE_SOON_WORKING_DAYS = { min: 1, max: 19 } as const;

/** Chinese text for the codes only settings produce (网站标识码 and 索引号 pattern codes come from identity and catalogue). */
export const SETTINGS_MESSAGES: Record<string, string> = {
  'invalid-site-domain': '网站域名格式不正确：只填写域名本身，如 kjj.example.gov.cn，不含 http:// 和路径。',
  'invalid-publication-limit': '默认公开时限应为1至60之间的整数（工作日）。',
  'invalid-due-soon': '“即将到期”提醒应为1至19之间的整数（剩余工作日）。',
  'settings-saved': '设置已保存。新的索引号规则从下一条新编号的信息起使用，已有的索引号不变。',
  'settings-unchanged': '设置没有变化，未作修改。',
  'invalid-phone': '电话或传真号码只能包含数字、空格、括号、“-”“+”“转”和分隔的顿号、逗号，如 0571-12345678。',
  'invalid-email': '电子邮箱格式不正确，如 kjj@example.gov.cn。',
  'invalid-website': '互联网联系方式应为以 http:// 或 https:// 开头的网址。',
};

/**
 * What the form or the API submits; the working-day limit is `null` when the form left it blank, and
 * the 工作机构 contacts may be left out by API callers written before they existed (kept as stored).
 */
export type SettingsInput = Omit<Settings, 'defaultPublicationLimitWorkingDays' | 'disclosureOffice' | 'foiDueSoonWorkingDays'> & {
  defaultPublicationLimitWorkingDays: number | null;
  disclosureOffice?: DisclosureOfficeContacts | undefined;
  foiDueSoonWorkingDays?: number | null | undefined;
};

/** The input with what an older API client may leave out filled in from the stored settings. */
export type CompleteSettingsInput = SettingsInput & { disclosureOffice: DisclosureOfficeContacts; foiDueSoonWorkingDays: number | null };

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const DOMAIN_NAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);

function textProblem(text: string, field: keyof typeof SETTINGS_FIELD_CHARS): string | undefined {
  if (!text) return 'required';
  return [...text].length > SETTINGS_FIELD_CHARS[field] ? 'too-long' : undefined;
}

/** Every field error at once, or the settings normalised (trimmed; the domain lower-cased). */
export function validateSettingsInput(input: CompleteSettingsInput): { ok: true; value: Settings } | { ok: false; errors: FieldErrors } {
  const office = Object.fromEntries(Object.entries(input.disclosureOffice).map(([k, v]) => [k, v.trim()])) as unknown as DisclosureOfficeContacts;
  const value = {
    siteName: input.siteName.trim(),
    siteDomain: input.siteDomain.trim().toLowerCase(),
    siteIdCode: input.siteIdCode.trim(),
    indexNumberPattern: input.indexNumberPattern.trim(),
    defaultPublicationLimitWorkingDays: input.defaultPublicationLimitWorkingDays,
    disclosureOffice: office,
    foiDueSoonWorkingDays: input.foiDueSoonWorkingDays,
  };
  const errors: FieldErrors = {};
  for (const [field, problem] of Object.entries(officeProblems(office))) if (problem) errors[`disclosureOffice.${field}`] = problem;
  const problems = {
    siteName: textProblem(value.siteName, 'siteName'),
    siteDomain: textProblem(value.siteDomain, 'siteDomain') ?? (DOMAIN_NAME.test(value.siteDomain) ? undefined : 'invalid-site-domain'),
    // 网站标识码: ten digits (国办发〔2017〕47号 附件).
    siteIdCode: textProblem(value.siteIdCode, 'siteIdCode') ?? (/^\d{10}$/.test(value.siteIdCode) ? undefined : 'invalid-site-id-code'),
    indexNumberPattern: textProblem(value.indexNumberPattern, 'indexNumberPattern') ?? patternProblem(value.indexNumberPattern),
    defaultPublicationLimitWorkingDays: limitProblem(value.defaultPublicationLimitWorkingDays),
    foiDueSoonWorkingDays: rangeProblem(value.foiDueSoonWorkingDays, FOI_DUE_SOON_WORKING_DAYS, 'invalid-due-soon'),
  };
  for (const [field, problem] of Object.entries(problems)) if (problem) errors[field] = problem;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: value as Settings };
}

const PHONE = /^[\d\s()（）+\-－、，,；;转]+$/u;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

/** The 工作机构 contacts: each optional, within its length, phone and fax dialable, e-mail and website well-formed. */
function officeProblems(office: DisclosureOfficeContacts): Record<keyof DisclosureOfficeContacts, string | undefined> {
  const check = (field: keyof DisclosureOfficeContacts, form?: (v: string) => string | undefined) => {
    const v = office[field];
    if (v === '') return undefined;
    if ([...v].length > OFFICE_FIELD_CHARS[field]) return 'too-long';
    return form?.(v);
  };
  const phone = (v: string) => (PHONE.test(v) && /\d/.test(v) ? undefined : 'invalid-phone');
  return {
    name: check('name'),
    address: check('address'),
    officeHours: check('officeHours'),
    phone: check('phone', phone),
    fax: check('fax', phone),
    email: check('email', (v) => (EMAIL.test(v) ? undefined : 'invalid-email')),
    website: check('website', (v) => {
      try {
        const url = new URL(v);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' ? undefined : 'invalid-website';
      } catch {
        return 'invalid-website';
      }
    }),
  };
}

function patternProblem(pattern: string): string | undefined {
  const parsed = validateIndexPattern(pattern);
  return parsed.ok ? undefined : parsed.reason;
}

function limitProblem(days: number | null): string | undefined {
  return rangeProblem(days, PUBLICATION_LIMIT_WORKING_DAYS, 'invalid-publication-limit');
}

function rangeProblem(days: number | null, { min, max }: { min: number; max: number }, code: string): string | undefined {
  if (days === null) return 'required';
  return Number.isInteger(days) && days >= min && days <= max ? undefined : code;
}

/** The settings whose values differ, so the audit record names only what changed. */
export function changedSettings(current: Settings, next: Settings): Partial<Settings> {
  return Object.fromEntries(Object.entries(next).filter(([key, value]) => JSON.stringify(current[key as keyof Settings]) !== JSON.stringify(value))) as Partial<Settings>;
}

/**
 * Saves the submitted settings (settings.manage). Only changed values are written and audited; an
 * unchanged submission writes nothing. Existing 索引号 are stored text and never follow a new pattern.
 */
export async function saveSettings(settings: SettingsService, actor: Actor, input: SettingsInput): Promise<{ settings: Settings; changed: boolean }> {
  authorize(actor, 'settings.manage');
  const current = await settings.get();
  const valid = validateSettingsInput({ ...input, disclosureOffice: input.disclosureOffice ?? current.disclosureOffice, foiDueSoonWorkingDays: input.foiDueSoonWorkingDays === undefined ? current.foiDueSoonWorkingDays : input.foiDueSoonWorkingDays });
  if (!valid.ok) throw new InvalidInput(valid.errors);
  const changes = changedSettings(current, valid.value);
  if (Object.keys(changes).length === 0) return { settings: valid.value, changed: false };
  return { settings: await settings.update({ id: actor.id, name: actor.displayName }, changes), changed: true };
}
