/**
 * 主题分类: the two-level subject tree of the gov.cn 国务院政策文件库 (REFERENCE.md §6.4). The tree is data,
 * replaceable per county; codes are stable ASCII (`t11` = 科技、教育, `t11-01` = 科技) so renaming keeps links.
 */

/** One node of the tree; `parentCode` is null for the 22 top-level classes. */
export interface Topic {
  code: string;
  name: string;
  parentCode: string | null;
  sortOrder: number;
}

/** [一级, 二级[]] in gov.cn order; codes are derived from positions, so only append to this list. */
const GOV_CN_TOPICS: readonly (readonly [string, readonly string[]])[] = [
  ['国务院组织机构', ['国务院', '国务院办公厅', '国务院组成部门', '国务院直属特设机构', '国务院直属机构', '国务院办事机构', '国务院直属事业单位', '国务院部委管理的国家局', '国务院议事协调机构', '其他']],
  ['综合政务', ['政务公开', '政务督查', '应急管理', '电子政务', '文秘工作', '保密工作', '信访', '参事、文史', '其他']],
  ['国民经济管理、国有资产监管', ['宏观经济', '经济体制改革', '统计', '物价', '国有资产监管', '重大建设项目', '其他']],
  ['财政、金融、审计', ['财政', '税务', '银行', '货币（含外汇）', '证券', '保险', '社会信用体系建设', '审计', '其他']],
  ['国土资源、能源', ['土地', '矿产', '水资源', '海洋', '煤炭', '石油与天然气', '电力', '其他']],
  ['农业、林业、水利', ['农业、畜牧业、渔业', '林业', '水利', '其他']],
  ['工业、交通', ['机械制造与重工业', '轻工纺织', '化工', '国防工业', '航天、航空', '信息产业（含电信）', '公路', '水运', '铁路', '民航', '邮政', '其他']],
  ['商贸、海关、旅游', ['对外经贸合作', '国内贸易（含供销）', '海关', '检验、检疫', '旅游', '其他']],
  ['市场监管、安全生产监管', ['工商', '质量监督', '标准', '食品药品监管', '安全生产监管', '其他']],
  ['城乡建设、环境保护', ['城市规划', '城乡建设（含住房）', '环境监测、保护与治理', '节能与资源综合利用', '气象、水文、测绘、地震', '其他']],
  ['科技、教育', ['科技', '教育', '知识产权', '其他']],
  ['文化、广电、新闻出版', ['文化', '文物', '新闻出版', '广播、电影、电视', '其他']],
  ['卫生、体育', ['卫生', '医药管理', '体育', '其他']],
  ['人口与计划生育、妇女儿童工作', ['人口与计划生育', '妇女儿童', '其他']],
  ['劳动、人事、监察', ['劳动就业', '社会保障', '人事工作', '军转安置', '监察', '纠正行业不正之风', '其他']],
  ['公安、安全、司法', ['公安', '国家安全', '司法', '其他']],
  ['民政、扶贫、救灾', ['减灾救灾', '优抚安置', '社会福利', '行政区划与地名', '社团管理', '扶贫', '其他']],
  ['民族、宗教', ['民族事务', '宗教事务']],
  ['对外事务', ['外交、外事', '国际条约、国际组织', '其他']],
  ['港澳台侨工作', ['港澳工作', '对台工作', '侨务工作']],
  ['国防', ['国防建设', '国防动员']],
  ['其他', []],
];

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The default tree: 22 classes `t01`…`t22`, their children `tNN-01`…, sortOrder from 1 within each level. */
export const DEFAULT_TOPICS: readonly Topic[] = GOV_CN_TOPICS.flatMap(([name, children], i) => {
  const code = `t${pad2(i + 1)}`;
  return [
    { code, name, parentCode: null, sortOrder: i + 1 },
    ...children.map((child, j) => ({ code: `${code}-${pad2(j + 1)}`, name: child, parentCode: code, sortOrder: j + 1 })),
  ];
});

/** Why a name given by an API client or an import does not name one topic. */
export type TopicRefusal = 'unknown-topic' | 'ambiguous';

/** A resolved topic, or a refusal; `ambiguous` lists the candidates' paths so the client can choose. */
export type TopicResolution =
  | { ok: true; value: Topic }
  | { ok: false; reason: 'unknown-topic' }
  | { ok: false; reason: 'ambiguous'; candidates: string[][] };

/** Clients type ASCII parentheses and commas and stray spaces; the tree uses full-width 、（）. */
function normalizeName(name: string): string {
  return name.replace(/\s+/gu, '').replace(/\(/gu, '（').replace(/\)/gu, '）').replace(/[,，]/gu, '、');
}

/** The names from the root down to `code`, e.g. ['科技、教育', '科技']; undefined for an unknown code. */
export function topicPath(tree: readonly Topic[], code: string): string[] | undefined {
  const path: string[] = [];
  let node = tree.find((t) => t.code === code);
  while (node && path.length <= tree.length) {
    path.unshift(node.name);
    const parentCode = node.parentCode;
    node = parentCode === null ? undefined : tree.find((t) => t.code === parentCode);
    if (parentCode !== null && !node) return undefined;
  }
  return path.length > 0 ? path : undefined;
}

/**
 * Resolves a Chinese name or a path ("科技、教育/科技", also with › or >). A bare name shared by several nodes
 * (其他 exists in most classes) means the top-level node if there is one; otherwise it is `ambiguous`.
 */
export function resolveTopic(tree: readonly Topic[], nameOrPath: string): TopicResolution {
  const parts = nameOrPath.split(/[/›>＞]/u).map(normalizeName);
  if (parts.some((p) => p === '')) return { ok: false, reason: 'unknown-topic' };
  const leafName = parts[parts.length - 1];
  const matches = tree.filter((t) => t.name === leafName && samePath(topicPath(tree, t.code), parts));
  const [first] = matches;
  if (first && matches.length === 1) return { ok: true, value: first };
  if (!first) return { ok: false, reason: 'unknown-topic' };
  const topLevel = matches.find((t) => t.parentCode === null);
  if (topLevel) return { ok: true, value: topLevel };
  return { ok: false, reason: 'ambiguous', candidates: matches.map((t) => topicPath(tree, t.code) ?? [t.name]) };
}

/** A bare name matches any node with that name; a path must match the node's whole path. */
function samePath(path: readonly string[] | undefined, parts: readonly string[]): boolean {
  if (!path) return false;
  if (parts.length === 1) return true;
  return path.length === parts.length && path.every((name, i) => name === parts[i]);
}

/** Problems that make a replacement tree unusable: duplicate codes, missing parents, more than two levels. */
export type TopicTreeProblem = 'duplicate-code' | 'unknown-parent' | 'too-deep' | 'duplicate-sibling-name';

/** Checks a county's replacement tree before it is loaded; returns the first problem with the offending code. */
export function findTopicTreeProblem(tree: readonly Topic[]): { problem: TopicTreeProblem; code: string } | undefined {
  const byCode = new Map<string, Topic>();
  for (const t of tree) {
    if (byCode.has(t.code)) return { problem: 'duplicate-code', code: t.code };
    byCode.set(t.code, t);
  }
  const siblingNames = new Set<string>();
  for (const t of tree) {
    const parent = t.parentCode === null ? undefined : byCode.get(t.parentCode);
    if (t.parentCode !== null && !parent) return { problem: 'unknown-parent', code: t.code };
    if (parent && parent.parentCode !== null) return { problem: 'too-deep', code: t.code };
    const key = `${t.parentCode ?? ''}\u0000${t.name}`;
    if (siblingNames.has(key)) return { problem: 'duplicate-sibling-name', code: t.code };
    siblingNames.add(key);
  }
  return undefined;
}
