import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anItemInput, createTestContext, type TestContext } from '../../../test/support/test-services.ts';
import { testDialects } from '../../../test/support/test-database.ts';

/** The staff list's text filter (title, 索引号, 文号): the typed characters literally, on both engines. */
describe.each(await testDialects())('the staff item list searched by text on %s', (dialect) => {
  let t: TestContext;
  const titles = ['关于科技创新券额度提高50%的通知', '关于科技创新券额度提高50个百分点的通知', '关于A_B类项目的通知', '关于AXB类项目的通知', '关于路径C:\\data\\科技的说明'];
  beforeAll(async () => {
    t = await createTestContext(dialect);
    for (const title of titles) await t.services.items.create(t.actors.editor, anItemInput({ title, documentNumber: null }));
  });
  afterAll(() => t.close());

  const found = async (q: string) => (await t.services.items.list(t.actors.officer, { q })).items.map((i) => i.title).sort();

  it('takes % and _ as the characters themselves, not as wildcards', async () => {
    expect(await found('50%')).toEqual(['关于科技创新券额度提高50%的通知']);
    expect(await found('A_B')).toEqual(['关于A_B类项目的通知']);
    expect(await found('%')).toEqual(['关于科技创新券额度提高50%的通知']);
    expect(await found('_')).toEqual(['关于A_B类项目的通知']);
  });

  it('takes a backslash as itself', async () => {
    expect(await found('\\data\\')).toEqual(['关于路径C:\\data\\科技的说明']);
    expect(await found('\\x')).toEqual([]);
  });

  it('still finds every title containing the words', async () => {
    expect(await found('创新券额度')).toHaveLength(2);
    const [first] = (await t.services.items.list(t.actors.officer, { q: '50%' })).items;
    expect(await found(first!.indexNumber)).toEqual(['关于科技创新券额度提高50%的通知']);
  });
});
