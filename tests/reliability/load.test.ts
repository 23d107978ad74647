import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../bench/processes.ts';
import type { ClientsResult } from './load-clients.ts';
import { inspectPlots } from './db-inspect.ts';
import { percentile } from './percentiles.ts';
import { writeResults } from './results-file.ts';
import { freshDataDir, startApp, type Running } from './server-fixture.ts';

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
    // The clients run in a plain Node process of their own, so that their queueing is not the
    // test runner's worker's, nor the worker's theirs.
    const run = spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/tsx'), [join(import.meta.dirname, 'load-clients.ts')], {
      input: JSON.stringify({ origin, clients: CLIENTS, seconds: SECONDS, maxRequestsPerClient: MAX_REQUESTS_PER_CLIENT, writeShare: WRITE_SHARE, timeoutMs: REQUEST_TIMEOUT_MS }),
      encoding: 'utf8',
      timeout: (SECONDS + 90) * 1000,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0) throw new Error(`load clients failed (${run.status ?? run.signal}): ${run.stderr}`);
    const { latencies, statuses: statusList, acked, errors, errorKinds, elapsed, byKind } = JSON.parse(run.stdout) as ClientsResult;
    const statuses = new Map(statusList);
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
      networkErrorKinds: errorKinds,
      byKind,
      acknowledgedWrites: acked.length,
      auditRows,
      lostWrites: lost,
      halfApplied,
      at: new Date().toISOString(),
    };
    writeResults('load', result);
    console.log('load:', JSON.stringify(result));

    expect(fiveXX).toBe(0);
    expect(errors).toBe(0);
    expect(acked.length).toBeGreaterThan(0);
    expect(auditRows).toBe(acked.length);
    expect(lost).toBe(0);
    expect(halfApplied).toBe(0);
  });
});
