import { describe, expect, it } from 'vitest';
import { StampWatch } from '../../server/domain/data-stamp.ts';

/** A stamp source whose answers the test releases by hand. */
function source() {
  let version = 0;
  const waiting: (() => void)[] = [];
  return {
    reads: 0,
    bump() {
      version++;
    },
    read(this: { reads: number }) {
      this.reads++;
      const seen = version;
      return new Promise<string>((resolve) => waiting.push(() => resolve(`v${seen}`)));
    },
    release() {
      for (const r of waiting.splice(0)) r();
    },
  };
}

describe('StampWatch', () => {
  it('reads once for callers within the age limit', async () => {
    const s = source();
    const w = new StampWatch(() => s.read(), 60_000);
    const a = w.current();
    const b = w.current();
    s.release();
    expect(await a).toBe('v0');
    expect(await b).toBe('v0');
    expect(await w.current()).toBe('v0');
    expect(s.reads).toBe(1);
  });

  it('after a local write, a new caller never gets a stamp read before it', async () => {
    const s = source();
    const w = new StampWatch(() => s.read(), 60_000);
    const before = w.current(); // under way when the write lands
    s.bump();
    w.stale();
    const after = w.current();
    s.release();
    expect(await before).toBe('v0');
    expect(await after).toBe('v1');
    expect(await w.current()).toBe('v1');
    expect(s.reads).toBe(2);
  });

  it('reads again once the stamp is older than the limit', async () => {
    const s = source();
    const w = new StampWatch(() => s.read(), 0);
    const a = w.current();
    s.release();
    await a;
    s.bump();
    const b = w.current();
    s.release();
    expect(await b).toBe('v1');
  });
});
