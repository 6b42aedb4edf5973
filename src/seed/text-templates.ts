/**
 * Small builders for the demo bodies (only tags that `sanitizeBodyHtml` keeps) and the pools of fictional
 * names the generators draw from. Every name is invented; 某县 stands for the county.
 */
import type { Random } from './random.ts';

export const p = (...sentences: string[]): string => `<p>${sentences.join('')}</p>`;
export const h2 = (text: string): string => `<h2>${text}</h2>`;
export const ol = (items: readonly string[]): string => `<ol>${items.map((i) => `<li>${i}</li>`).join('')}</ol>`;

/** A table with a header row; cells are text. */
export function table(headers: readonly string[], rows: readonly (readonly (string | number)[])[], caption?: string): string {
  const head = `<thead><tr>${headers.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>`;
  const body = `<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${String(c)}</td>`).join('')}</tr>`).join('')}</tbody>`;
  return `<table>${caption ? `<caption>${caption}</caption>` : ''}${head}${body}</table>`;
}

/** 2023年4月12日 */
export function cnDate(date: string): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** The closing lines of a document: issuing organ and date. */
export const signature = (organName: string, date: string): string => `<p>${organName}</p><p>${cnDate(date)}</p>`;

/** A contact line for notices. */
export const contact = (person: string, phone: string): string => p(`联系人：${person}；联系电话：${phone}。`);

/** 万元 with two decimals. */
export const wan = (amount: number): string => amount.toFixed(2);

const COMPANY_STEMS = [
  '恒润', '华卓', '天元', '瑞丰', '博远', '康达', '新航', '金盾', '汇智', '鼎信', '正泰和', '明川', '宏宇', '青禾', '远景',
  '海川', '振邦', '锐创', '泰和', '嘉联', '中科恒', '永达', '天择', '晨光', '佳德', '安拓', '融创', '星辰', '德润', '华欣',
];
const COMPANY_TRADES = [
  '机械制造', '电子科技', '新材料科技', '生物科技', '智能装备', '汽车零部件', '医疗器械', '环保科技', '食品科技', '精密铸造',
  '光电科技', '橡塑制品', '农业科技', '制药', '信息技术',
];
const SHOP_STEMS = ['佳乐', '顺发', '利民', '兴旺', '百家', '惠友', '万家福', '永盛'];
const SHOP_TRADES = ['五金商行', '日用品商店', '建材经营部', '电器商行', '农资经营部', '家居用品店'];

export const TOWNS = ['城关镇', '青山镇', '河口镇', '东岭镇', '西塘镇', '桥头镇', '溪口镇', '南湖乡', '北坪乡', '石门乡'] as const;

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗'];
const GIVEN = ['建华', '丽娟', '志强', '海燕', '晓明', '文静', '国平', '雪梅', '永刚', '春燕', '立军', '慧敏', '振宇', '小红', '伟东', '思远', '明轩', '佳琪', '宏伟', '玉兰'];

/** A fictional company of the county. */
export const companyName = (rng: Random): string => `某县${rng.pick(COMPANY_STEMS)}${rng.pick(COMPANY_TRADES)}有限公司`;

/** `n` distinct fictional companies. */
export function companyNames(rng: Random, n: number): string[] {
  const names = new Set<string>();
  while (names.size < n) names.add(companyName(rng));
  return [...names];
}

/** A fictional retail business (a typical 假冒专利 case) and the town it trades in. */
export function shop(rng: Random): { name: string; town: string } {
  const town = rng.pick(TOWNS);
  return { name: `某县${town}${rng.pick(SHOP_STEMS)}${rng.pick(SHOP_TRADES)}`, town };
}

/** A fictional person's name. */
export const personName = (rng: Random): string => `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`;

/** `n` distinct fictional names. */
export function personNames(rng: Random, n: number): string[] {
  const names = new Set<string>();
  while (names.size < n) names.add(personName(rng));
  return [...names];
}

/** Chinese numerals for section numbers 一 … 十. */
export const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;

/** （一） … for a list of paragraphs. */
export const cnIndex = (i: number): string => `（${CN_NUMBERS[i] ?? String(i + 1)}）`;

/** The office line shared by bureau notices. */
export const BUREAU_CONTACT = { person: '周敏', phone: '0576-83912610' } as const;

/** Fields of science-and-technology work the generators vary over. */
export const FIELDS = ['智能制造', '新材料', '生物医药', '现代农业', '电子信息', '节能环保', '高端装备', '食品加工'] as const;

/** Agricultural themes for 科技特派员 and 农业科 items. */
export const FARM_TOPICS = ['茶叶绿色防控', '高山蔬菜育苗', '中药材种植', '水稻机插秧', '果树修剪管理', '稻渔综合种养', '食用菌栽培', '畜禽粪污资源化利用'] as const;
