/**
 * The demo county's organs, their 内设机构 and one demo account per role. 某县 is fictional; the codes use
 * 行政区划码 331023 so that the 统一社会信用代码 and 网站标识码 have the real shape (GB 32100-2015, 国办发〔2017〕47号).
 */

/** The two demo organs: 县科技局 (the bureau the platform serves) and 县政府办 (which inspects it). */
export type DemoOrganKey = 'kjj' | 'zfb';

/** One organ as seeded. `code` is the code the 索引号 starts with: the 统一社会信用代码 (REFERENCE.md §6.2). */
export interface DemoOrgan {
  key: DemoOrganKey;
  code: string;
  name: string;
  shortName: string;
  creditCode: string;
  isMain: boolean;
  /** 政府网站标识码: 6-digit 行政区划码 + 4-digit serial; departments publish on the county portal (集约化), so both share it. */
  siteIdCode: string;
  address: string;
  phone: string;
}

/** One 内设机构. */
export interface DemoUnit {
  organKey: DemoOrganKey;
  name: string;
  sortOrder: number;
}

/** The platform roles (see kernel/actor.ts). */
export type DemoRole = 'admin' | 'officer' | 'editor' | 'leader' | 'auditor';

/** One demo account; the password is printed on first start. */
export interface DemoUser {
  username: string;
  displayName: string;
  role: DemoRole;
  organKey: DemoOrganKey;
  unitName: string | null;
  password: string;
}

export const DEMO_COUNTY_NAME = '某县';

export const DEMO_ORGANS: readonly DemoOrgan[] = [
  {
    key: 'kjj',
    code: '11331023002657129U',
    name: '某县科学技术局',
    shortName: '县科技局',
    creditCode: '11331023002657129U',
    isMain: true,
    siteIdCode: '3310230001',
    address: '某县城关镇人民东路88号县行政中心3号楼5楼',
    phone: '0576-83912610',
  },
  {
    key: 'zfb',
    code: '11331023002657030B',
    name: '某县人民政府办公室',
    shortName: '县政府办',
    creditCode: '11331023002657030B',
    isMain: false,
    siteIdCode: '3310230001',
    address: '某县城关镇人民东路88号县行政中心1号楼',
    phone: '0576-83902305',
  },
];

/** 内设机构 of 县科技局 (知识产权局 is 挂牌 in the bureau) and of 县政府办. */
export const DEMO_UNITS: readonly DemoUnit[] = [
  { organKey: 'kjj', name: '办公室', sortOrder: 1 },
  { organKey: 'kjj', name: '高新科', sortOrder: 2 },
  { organKey: 'kjj', name: '农业科', sortOrder: 3 },
  { organKey: 'kjj', name: '成果科', sortOrder: 4 },
  { organKey: 'kjj', name: '知识产权局', sortOrder: 5 },
  { organKey: 'kjj', name: '财务科', sortOrder: 6 },
  { organKey: 'zfb', name: '办公室', sortOrder: 1 },
  { organKey: 'zfb', name: '政务公开办公室', sortOrder: 2 },
];

/** One account per role; passwords follow one pattern so that they are easy to remember in a demo. */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', organKey: 'kjj', unitName: null, password: 'Demo-admin-2026' },
  { username: 'bangongshi', displayName: '周敏', role: 'officer', organKey: 'kjj', unitName: '办公室', password: 'Demo-bangongshi-2026' },
  { username: 'gaoxinke', displayName: '李俊峰', role: 'editor', organKey: 'kjj', unitName: '高新科', password: 'Demo-gaoxinke-2026' },
  { username: 'nongyeke', displayName: '张海燕', role: 'editor', organKey: 'kjj', unitName: '农业科', password: 'Demo-nongyeke-2026' },
  { username: 'lingdao', displayName: '刘晓东', role: 'leader', organKey: 'kjj', unitName: null, password: 'Demo-lingdao-2026' },
  { username: 'jiancha', displayName: '赵雅琴', role: 'auditor', organKey: 'zfb', unitName: '政务公开办公室', password: 'Demo-jiancha-2026' },
];

/** Names used in generated texts: the bureau's leaders and the contact of its 政府信息公开工作机构. */
export const DEMO_PEOPLE = {
  director: '陈志远',
  deputyDirector: '刘晓东',
  secondDeputy: '吴国华',
  officeHead: '周敏',
  ipHead: '黄立新',
} as const;
