import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectPlots } from './db-inspect.ts';
import { percentile } from './percentiles.ts';
import { freshDataDir, signIn, startApp, writeSector, type Running } from './server-fixture.ts';

const CLIENTS = Number(process.env.RELIABILITY_CLIENTS ?? 200);
const SECONDS = Number(process.env.RELIABILITY_SECONDS ?? 30);
/** Per-client cap, so the loop ends by count even if the clock misbehaves. */
const MAX_REQUESTS_PER_CLIENT = 5_000;
const WRITE_SHARE = 0.2;
/** A client waits as long as the server's own request timeout (30 s): a slower answer is the server's failure, not a timed-out client's. */
const REQUEST_TIMEOUT_MS = 30_000;

const dataDir = freshDataDir();
let app: Running | null = null;
afterAll(async () => {
  await app?.proc.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe(`${CLIENTS} clients for ${SECONDS} s: reads and planners' writes`, () => {
  it('serves no 5xx and loses no acknowledged write', async () => {
    const phase = (name: string) => console.log(`load: ${name} at ${Math.round(performance.now() - t00)} ms`);
    const t00 = performance.now();
    app = await startApp(dataDir);
    phase('server healthy');
    const { origin } = app;
    const session = await signIn(origin);
    const plots = ((await (await fetch(`${origin}/api/plots`)).json()) as { features: { id: string; properties: { version: number } }[] }).features;
    const versions = new Map(plots.map((p) => [p.id, p.properties.version]));
    const reads = ['/api/zones', '/api/stats', '/api/plots?bbox=105.8,22.1,105.9,22.2', '/api/zones/ccn-huyen-tung', '/api/plots?status=available', '/api/session'];

    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    const acked: { plotId: string; sector: string; version: number }[] = [];
    let errors = 0;
    const errorKinds = new Map<string, number>();
    const deadline = Date.now() + SECONDS * 1000;

    const client = async (n: number) => {
      for (let i = 0; i < MAX_REQUESTS_PER_CLIENT && Date.now() < deadline; i++) {
        const t0 = performance.now();
        try {
          if (Math.random() < WRITE_SHARE) {
            const plot = plots[(n * 7 + i) % plots.length]!;
            const sector = `load-${n}-${i}`;
            const r = await writeSector(origin, session, plot.id, versions.get(plot.id)!, sector, REQUEST_TIMEOUT_MS);
            statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
            if (r.status === 200) acked.push({ plotId: plot.id, sector, version: r.version });
            versions.set(plot.id, Math.max(versions.get(plot.id)!, r.version));
          } else {
            const res = await fetch(origin + reads[(n + i) % reads.length]!, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
            await res.arrayBuffer();
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          }
        } catch (err) {
          errors++;
          // Named in the result, so a failed run says whether the server reset connections or was too slow.
          const e = err as Error & { cause?: { code?: string } };
          const kind = e.cause?.code ?? e.name;
          errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
        }
        latencies.push(performance.now() - t0);
      }
    };
    const started = performance.now();
    // Each request has its own timeout, so the clients end soon after the deadline; this is the backstop.
    const backstop = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`clients still running ${SECONDS + 60} s after the start: ${latencies.length} requests done`)), (SECONDS + 60) * 1000).unref(),
    );
    await Promise.race([Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n))), backstop]);
    const elapsed = (performance.now() - started) / 1000;
    phase('load done');
    await app.proc.stop();
    app = null;
    phase('server stopped');

    const { plots: after, auditRows } = await inspectPlots(dataDir);
    const lastAck = new Map<string, { sector: string; version: number }>();
    for (const a of acked) if ((lastAck.get(a.plotId)?.version ?? 0) < a.version) lastAck.set(a.plotId, a);
    const lost = [...lastAck].filter(([id, a]) => after.get(id)?.sector !== a.sector).length;
    const halfApplied = [...after.values()].filter((p) => p.version - 1 !== p.auditRows).length;

    latencies.sort((a, b) => a - b);
    const fiveXX = [...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
    const result = {
      clients: CLIENTS,
      seconds: Math.round(elapsed * 10) / 10,
      requests: latencies.length,
      reqPerSec: Math.round(latencies.length / elapsed),
      p50Ms: Math.round(percentile(latencies, 50)),
      p99Ms: Math.round(percentile(latencies, 99)),
      statuses: Object.fromEntries([...statuses].sort()),
      networkErrors: errors,
      networkErrorKinds: Object.fromEntries(errorKinds),
      acknowledgedWrites: acked.length,
      auditRows,
      lostWrites: lost,
      halfApplied,
      at: new Date().toISOString(),
    };
    mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
    writeFileSync(join(import.meta.dirname, 'results', 'load.json'), JSON.stringify(result, null, 2) + '\n');
    console.log('load:', JSON.stringify(result));

    expect(fiveXX).toBe(0);
    expect(errors).toBe(0);
    expect(acked.length).toBeGreaterThan(0);
    expect(auditRows).toBe(acked.length);
    expect(lost).toBe(0);
    expect(halfApplied).toBe(0);
  });
});
