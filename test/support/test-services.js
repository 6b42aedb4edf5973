import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from "../../src/kernel/clock.js";
import { newId } from "../../src/kernel/ids.js";
import { createServices } from "../../src/services.js";
import { createTestDatabase } from "./test-database.js";
/** A migrated database with one organ, one unit and one actor per role, and the services on it. */
export async function createTestContext(dialect, options = {}) {
    const database = options.database ?? (await createTestDatabase(dialect));
    const clock = fixedClock(options.now ?? '2026-11-27T02:00:00Z');
    const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-test-'));
    const services = await createServices({ database, dataDir, clock, instanceId: options.instanceId ?? 'test' });
    const { db } = database;
    const now = clock.now().toISOString();
    let organ = await db.selectFrom('organs').selectAll().where('is_main', '=', 1).executeTakeFirst();
    if (!organ) {
        organ = { id: newId(), code: '11330000MB0000001X', name: '某县科学技术局', short_name: '县科技局', credit_code: '11330000MB0000001X', is_main: 1, site_id_code: '3300000001', address: '某县人民路1号', phone: '0571-00000000', created_at: now };
        await db.insertInto('organs').values(organ).execute();
        await db.insertInto('units').values({ id: newId(), organ_id: organ.id, name: '高新科', sort_order: 1, created_at: now }).execute();
    }
    const unit = await db.selectFrom('units').selectAll().where('organ_id', '=', organ.id).executeTakeFirstOrThrow();
    const roles = ['admin', 'officer', 'editor', 'leader', 'auditor'];
    const actors = Object.fromEntries(roles.map((role) => [role, { id: `user-${role}`, username: role, displayName: `测试${role}`, role, organId: organ.id, unitId: role === 'editor' ? unit.id : null }]));
    return {
        services,
        database,
        clock,
        organId: organ.id,
        organCode: organ.code,
        unitId: unit.id,
        actors,
        dataDir,
        async close() {
            await services.scheduler.stop();
            await database.drop();
            if (database.dialect === 'sqlite')
                await database.destroy();
        },
    };
}
/** A valid 主动公开 draft input; override what a test is about. */
export function anItemInput(overrides = {}) {
    return {
        title: '关于开展2026年度科技创新券申报工作的通知',
        writtenOn: '2026-11-20',
        topicCode: 't11-01',
        genreCode: 'notice',
        summary: '组织开展2026年度科技创新券申报。',
        bodyHtml: '<p>各有关单位：为推动科技创新，现开展申报工作。</p>',
        disclosure: 'proactive',
        documentNumber: '县科技发〔2026〕12号',
        ...overrides,
    };
}
