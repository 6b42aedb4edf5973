import { describe, expect, it } from 'vitest';
import { CoalescedRead } from './coalesced-read.ts';

/** A read whose result the test decides: each call records the value current when it *started*. */
function controlledSource() {
  let value = 0;
  const reads: { startedAt: number; finish: () => void }[] = [];
  return {
    set: (v: number) => (value = v),
    reads,
    read: () =>
      new Promise<number>((resolve) => {
        const startedAt = value;
        reads.push({ startedAt, finish: () => resolve(startedAt) });
      }),
  };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('CoalescedRead', () => {
  it('answers everyone who asked during one read with the next read, never the one already under way', async () => {
    const src = controlledSource();
    const reader = new CoalescedRead(src.read);
    const first = reader.get(); // starts read #1 at value 0
    src.set(1); // a commit finishes after read #1 started …
    const second = reader.get(); // … and before these requests arrive
    const third = reader.get();
    expect(src.reads).toHaveLength(1);
    src.reads[0]!.finish();
    expect(await first).toBe(0);
    await tick();
    expect(src.reads).toHaveLength(2); // one read for both waiting callers
    src.reads[1]!.finish();
    expect(await second).toBe(1);
    expect(await third).toBe(1);
  });

  it('reads again for a caller that comes after a read has finished', async () => {
    const src = controlledSource();
    const reader = new CoalescedRead(src.read);
    const a = reader.get();
    src.reads[0]!.finish();
    expect(await a).toBe(0);
    await tick();
    src.set(5);
    const b = reader.get();
    expect(src.reads).toHaveLength(2);
    src.reads[1]!.finish();
    expect(await b).toBe(5);
  });

  it('passes a failed read to its callers and keeps working', async () => {
    let fail = true;
    const reader = new CoalescedRead(async () => {
      if (fail) throw new Error('database unavailable');
      return 7;
    });
    await expect(reader.get()).rejects.toThrow('database unavailable');
    fail = false;
    await tick();
    expect(await reader.get()).toBe(7);
  });
});
