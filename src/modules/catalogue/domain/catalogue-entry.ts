/**
 * 主动公开基本目录 rows (国办发〔2019〕54号; columns as published by counties, REFERENCE.md §9.1):
 * 公开事项 (一级/二级), 公开内容, 公开依据, 公开时限, 公开主体, 公开渠道和载体, 公开对象, 公开方式, 公开层级.
 */
import type { FieldErrors } from '../../../kernel/errors.ts';

export const BASIS_TYPES = ['法律', '行政法规', '地方性法规', '规章', '规范性文件', '其他'] as const;
export type BasisType = (typeof BASIS_TYPES)[number];

/** 公开渠道和载体 check-list (REFERENCE.md §9.1). */
export const CHANNELS = [
  '政府网站',
  '政府公报',
  '两微一端',
  '发布会/听证会',
  '广播电视',
  '纸质媒体',
  '公开查阅点',
  '政务服务中心',
  '便民服务站',
  '入户/现场',
  '社区/企事业单位/村公示栏（电子屏）',
  '精准推送',
  '12345政务服务热线',
  '其他',
] as const;
export const AUDIENCES = ['全社会', '特定群体'] as const;
export const METHODS = ['主动', '依申请'] as const;
export const LEVELS = ['县级', '乡级'] as const;

export interface CatalogueEntryInput {
  sortOrder: number;
  level1: string;
  level2: string;
  content: string;
  basis: { type: BasisType; title: string }[];
  /** N 工作日 after the information is formed or changed (条例 Art. 26 default 20); null = free text only. */
  timeLimitWorkingDays: number | null;
  timeLimitText: string;
  subject: string;
  channels: string[];
  audience: string[];
  methods: string[];
  levels: string[];
}

export interface CatalogueEntry extends CatalogueEntryInput {
  id: string;
  organId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The default 公开时限 text for a limit in working days. */
export function timeLimitTextFor(workingDays: number | null): string {
  return workingDays === null ? '及时公开' : `信息形成或者变更之日起${workingDays}个工作日内`;
}

const subsetOf = (values: string[], allowed: readonly string[]) => values.every((v) => allowed.includes(v));

/** Field errors of an entry (codes as in web/messages.ts and CATALOGUE_MESSAGES). */
export function validateCatalogueEntry(e: CatalogueEntryInput): FieldErrors {
  const errors: FieldErrors = {};
  if (!e.level1.trim()) errors.level1 = 'required';
  else if (e.level1.length > 100) errors.level1 = 'too-long';
  if (e.level2.length > 100) errors.level2 = 'too-long';
  if (!e.content.trim()) errors.content = 'required';
  else if (e.content.length > 2000) errors.content = 'too-long';
  if (e.basis.length === 0 || e.basis.some((b) => !b.title.trim())) errors.basis = 'basis-required';
  else if (e.basis.some((b) => !(BASIS_TYPES as readonly string[]).includes(b.type))) errors.basis = 'basis-type-unknown';
  if (e.timeLimitWorkingDays !== null && (!Number.isInteger(e.timeLimitWorkingDays) || e.timeLimitWorkingDays < 1 || e.timeLimitWorkingDays > 365))
    errors.timeLimitWorkingDays = 'time-limit-invalid';
  if (!e.timeLimitText.trim()) errors.timeLimitText = 'required';
  if (!e.subject.trim()) errors.subject = 'required';
  if (e.channels.length === 0) errors.channels = 'choose-at-least-one';
  else if (!subsetOf(e.channels, CHANNELS)) errors.channels = 'unknown-option';
  if (e.audience.length === 0) errors.audience = 'choose-at-least-one';
  else if (!subsetOf(e.audience, AUDIENCES)) errors.audience = 'unknown-option';
  if (e.methods.length === 0) errors.methods = 'choose-at-least-one';
  else if (!subsetOf(e.methods, METHODS)) errors.methods = 'unknown-option';
  if (e.levels.length === 0) errors.levels = 'choose-at-least-one';
  else if (!subsetOf(e.levels, LEVELS)) errors.levels = 'unknown-option';
  if (!Number.isInteger(e.sortOrder) || e.sortOrder < 0) errors.sortOrder = 'invalid-input';
  return errors;
}

export const CATALOGUE_ENTRY_MESSAGES: Record<string, string> = {
  'basis-required': '请填写至少一条公开依据（类型与名称）。',
  'basis-type-unknown': '公开依据的类型不在规定范围内。',
  'time-limit-invalid': '公开时限应为1至365之间的工作日数，或留空并填写文字说明。',
  'choose-at-least-one': '请至少选择一项。',
  'unknown-option': '包含不在规定范围内的选项。',
};
