import type { Actor } from '../kernel/actor.ts';
import type { LocalDate } from '../kernel/local-date.ts';
import type { ItemInput } from '../modules/catalogue/item-service.ts';
import { actorOf, systemActor } from '../modules/identity/index.ts';
import type { Services } from '../services.ts';
import { DEMO_CATALOGUE_ENTRIES } from './demo-catalogue-entries.ts';
import { generateDemoItems, type DemoItem } from './demo-items.ts';
import { DEMO_ORGANS, DEMO_UNITS, DEMO_USERS, type DemoUser } from './demo-organisation.ts';

/** Beijing time on a date, as an instant (the demo's history happens in office hours). */
const at = (date: string, hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);

/**
 * Loads the demo 县科技局 through the real use cases, so that every row has its audit records
 * and editions: organs, 科室, one user per role, the 主动公开基本目录 and the catalogue history
 * 2019–2026. The clock is moved to each historic date while its item is written.
 */
export async function loadDemoBureau(s: Services, clock: { override(instant: Date | undefined): void }, options: { log?: (line: string) => void } = {}): Promise<{ users: DemoUser[]; items: number }> {
  const log = options.log ?? (() => {});
  const setup = systemActor('系统初始化（演示数据）');
  try {
    clock.override(at('2019-01-02', 9));
    const organIds = new Map<string, string>();
    for (const o of DEMO_ORGANS) {
      const organ = await s.identity.createOrgan(setup, { name: o.name, shortName: o.shortName, code: o.code, creditCode: o.creditCode, isMain: o.isMain, siteIdCode: o.siteIdCode, address: o.address, phone: o.phone });
      organIds.set(o.key, organ.id);
    }
    for (const u of DEMO_UNITS) await s.identity.createUnit(setup, { name: u.name, organCode: DEMO_ORGANS.find((o) => o.key === u.organKey)!.code, sortOrder: u.sortOrder });
    const actors = new Map<string, Actor>();
    for (const u of DEMO_USERS) {
      const user = await s.identity.createUser(setup, { username: u.username, displayName: u.displayName, role: u.role, organCode: DEMO_ORGANS.find((o) => o.key === u.organKey)!.code, unitName: u.unitName ?? undefined, password: u.password } as never);
      actors.set(u.role === 'editor' ? `editor:${u.unitName}` : u.role, actorOf(user));
    }
    const main = DEMO_ORGANS.find((o) => o.isMain)!;
    await s.settings.update({ id: null, name: setup.displayName }, {
      siteName: `${main.name}政府信息公开`,
      siteDomain: 'kjj.example.gov.cn',
      siteIdCode: main.siteIdCode,
      // 条例 Art. 12: the guide names the 工作机构 with its hours, fax and internet contact (address and phone are the organ's).
      disclosureOffice: {
        name: `${main.name}办公室`,
        address: '',
        officeHours: '工作日上午8:30—12:00，下午14:30—17:30（法定节假日除外）',
        phone: '',
        fax: '0576-83912611',
        email: 'kjjbgs@example.gov.cn',
        website: 'https://kjj.example.gov.cn/ysqgk',
      },
    });

    const officer = actors.get('officer')!;
    const leader = actors.get('leader')!;
    const entryIds = new Map<string, string>();
    for (const [i, e] of DEMO_CATALOGUE_ENTRIES.entries()) {
      const { key: _key, organKey, ...input } = e;
      const entry = await s.catalogueEntries.create(officer, { ...input, sortOrder: i + 1 }, organIds.get(organKey));
      entryIds.set(e.key, entry.id);
    }
    log(`  机关 ${DEMO_ORGANS.length} 个，科室 ${DEMO_UNITS.length} 个，用户 ${DEMO_USERS.length} 个，基本目录 ${DEMO_CATALOGUE_ENTRIES.length} 项`);

    const units = await s.database.db.selectFrom('units').select(['id', 'name', 'organ_id']).execute();
    const demoItems = generateDemoItems();
    const ids = new Map<string, string>();
    const sorted = [...demoItems].sort((a, b) => (a.publishedOn ?? a.writtenOn).localeCompare(b.publishedOn ?? b.writtenOn));
    for (const d of sorted) {
      const organId = organIds.get(d.organKey)!;
      const unit = units.find((u) => u.organ_id === organId && u.name === d.unitName);
      const editor = actors.get(`editor:${d.unitName}`) ?? officer;
      const input = await itemInput(s, d, organId, entryIds);
      if (d.state === 'published' || d.state === 'retracted') {
        clock.override(at(d.publishedOn!, 10));
        const item = await s.items.importItem(officer, input, { publishedOn: d.publishedOn as LocalDate, unitId: unit?.id ?? null });
        ids.set(d.key, item.id);
        continue;
      }
      clock.override(at(d.writtenOn, 9));
      const item = await s.items.create(editor.unitId === unit?.id ? editor : officer, { ...input, unitId: unit?.id ?? null });
      ids.set(d.key, item.id);
      if (d.state === 'submitted' || d.state === 'approved') await s.items.apply(officer, item.id, 'submit');
      if (d.state === 'approved') {
        clock.override(at(d.writtenOn, 15));
        await s.items.apply(leader, item.id, 'approve', { note: '经保密审查，不涉及国家秘密、商业秘密和个人隐私，同意按公开属性处理。' });
      }
    }
    clock.override(undefined);
    // 有效性 and the 修订/废止 links come last: they refer to later documents.
    const revisedBy = new Map(demoItems.filter((d) => d.revisesKey).map((d) => [d.revisesKey!, d.key]));
    for (const d of demoItems) {
      if (d.validity === 'effective') continue;
      const byKey = d.repealedByKey ?? revisedBy.get(d.key);
      await s.items.setValidity(officer, ids.get(d.key)!, { validity: d.validity, on: (d.repealedOn ?? d.expiredOn) as LocalDate, byItemId: byKey ? ids.get(byKey)! : null });
    }
    for (const d of demoItems.filter((x) => x.state === 'retracted')) await s.items.apply(officer, ids.get(d.key)!, 'retract', { reason: d.retractReason ?? '信息有误，予以撤回。' });
    log(`  政府信息 ${demoItems.length} 条（2019–2026）`);
    return { users: [...DEMO_USERS], items: demoItems.length };
  } finally {
    clock.override(undefined);
  }
}

async function itemInput(s: Services, d: DemoItem, organId: string, entryIds: Map<string, string>): Promise<ItemInput> {
  const topic = await s.reference.topicCode(d.topic);
  const genre = await s.reference.genreCode(d.genre);
  if (!topic.ok || !genre.ok) throw new Error(`demo item ${d.key}: unknown topic or genre ${d.topic} / ${d.genre}`);
  return {
    title: d.title,
    organId,
    documentNumber: d.documentNumber,
    writtenOn: d.writtenOn,
    topicCode: topic.code,
    genreCode: genre.code,
    summary: d.summary,
    bodyHtml: d.bodyHtml,
    disclosure: d.disclosure,
    exemption: d.exemption,
    onRequestReason: d.onRequestReason,
    catalogueEntryId: d.catalogueEntryKey ? (entryIds.get(d.catalogueEntryKey) ?? null) : null,
    effectiveOn: d.effectiveOn,
  } as ItemInput;
}
