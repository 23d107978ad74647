import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { sleep } from '../bench/stats.ts';
import { freshDataDir, signIn, startApp, writeSector, type Running } from './server-fixture.ts';

const WRITERS = 8;
const dataDir = freshDataDir();
let app: Running | null = null;
afterAll(async () => {
  await app?.proc.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe(`SIGKILL in the middle of a stream of writes (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite on disk'})`, () => {
  it('reopens with every acknowledged write and no change without its audit row', async () => {
    app = await startApp(dataDir);
    const { origin, proc } = app;
    const session = await signIn(origin);
    const plots = ((await (await fetch(`${origin}/api/plots`)).json()) as { features: { id: string; properties: { version: number } }[] }).features.slice(0, WRITERS);
    const acked = new Map<string, { sector: string; version: number }>();
    let killed = false;
    const writer = async (plot: (typeof plots)[number], n: number) => {
      let version = plot.properties.version;
      for (let i = 0; !killed; i++) {
        const sector = `crash-${n}-${i}`;
        try {
          const r = await writeSector(origin, session, plot.id, version, sector, 5000);
          if (r.status === 200) acked.set(plot.id, { sector, version: r.version });
          version = r.version;
        } catch {
          return; // the server is gone
        }
      }
    };
    const writers = plots.map((p, n) => writer(p, n));
    await sleep(3000);
    process.kill(-proc.pid, 'SIGKILL');
    killed = true;
    await Promise.all(writers);
    await proc.exited;
    expect(acked.size).toBeGreaterThan(0);

    // Restart on the same DATA_DIR: it must open, and serve what was acknowledged.
    app = await startApp(dataDir);
    for (const [id, a] of acked) {
      const plot = (await (await fetch(`${app.origin}/api/plots/${id}`)).json()) as { properties: { version: number; sector: string } };
      // A write in flight at the kill may have committed after its ack was lost: never older than the ack.
      expect(plot.properties.version).toBeGreaterThanOrEqual(a.version);
      if (plot.properties.version === a.version) expect(plot.properties.sector).toBe(a.sector);
    }
    // Every version step of a plot has its audit row, and no audit row lacks its change.
    const fresh = await signIn(app.origin);
    for (const plot of plots) {
      const now = (await (await fetch(`${app.origin}/api/plots/${plot.id}`)).json()) as { properties: { version: number } };
      const audit = (await (await fetch(`${app.origin}/api/audit?entity=plot:${plot.id}&limit=500`, { headers: { Cookie: fresh.cookie } })).json()) as { entries: unknown[] };
      expect(now.properties.version - plot.properties.version, plot.id).toBe(audit.entries.length);
    }
  });
});
