/**
 * The load test's clients, in a process of their own (tests/reliability/load.test.ts): reads the
 * run's settings as JSON on stdin, signs in one planner, runs the clients until the deadline and
 * prints what they saw as JSON on stdout.
 */
import { percentile } from './percentiles.ts';
import { signIn, writeSector } from './server-fixture.ts';

type Settings = { origin: string; clients: number; seconds: number; maxRequestsPerClient: number; writeShare: number; timeoutMs: number };
export type ClientsResult = {
  latencies: number[];
  statuses: [number, number][];
  acked: { plotId: string; sector: string; version: number }[];
  errors: number;
  errorKinds: Record<string, number>;
  elapsed: number;
  /** Per request kind (the write, each read path): how many, and their p50, p99 and slowest, in ms. */
  byKind: Record<string, { n: number; p50: number; p99: number; max: number }>;
};

async function main() {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const { origin, clients, seconds, maxRequestsPerClient, writeShare, timeoutMs } = JSON.parse(input) as Settings;
  const session = await signIn(origin);
  const plots = ((await (await fetch(`${origin}/api/plots`)).json()) as { features: { id: string; properties: { version: number } }[] }).features;
  const versions = new Map(plots.map((p) => [p.id, p.properties.version]));
  const reads = ['/api/zones', '/api/stats', '/api/plots?bbox=105.8,22.1,105.9,22.2', '/api/zones/ccn-huyen-tung', '/api/plots?status=available', '/api/session'];
  const statuses = new Map<number, number>();
  const acked: ClientsResult['acked'] = [];
  const errorKinds = new Map<string, number>();
  /** Each request's time in ms, by request kind. */
  const latenciesByKind = new Map<string, number[]>();
  let errors = 0;
  const deadline = Date.now() + seconds * 1000;
  const client = async (n: number) => {
    for (let i = 0; i < maxRequestsPerClient && Date.now() < deadline; i++) {
      const t0 = performance.now();
      const write = Math.random() < writeShare;
      const kind = write ? 'PATCH /api/plots/:id' : reads[(n + i) % reads.length]!;
      try {
        if (write) {
          const plot = plots[(n * 7 + i) % plots.length]!;
          const sector = `load-${n}-${i}`;
          const r = await writeSector(origin, session, plot.id, versions.get(plot.id)!, sector, timeoutMs);
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
          if (r.status === 200) acked.push({ plotId: plot.id, sector, version: r.version });
          versions.set(plot.id, Math.max(versions.get(plot.id)!, r.version));
        } else {
          const res = await fetch(origin + kind, { signal: AbortSignal.timeout(timeoutMs) });
          await res.arrayBuffer();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        }
      } catch (err) {
        errors++;
        // Named in the result, so a failed run says whether the server reset connections or was too slow.
        const e = err as Error & { cause?: { code?: string } };
        const errorKind = e.cause?.code ?? e.name;
        errorKinds.set(errorKind, (errorKinds.get(errorKind) ?? 0) + 1);
      }
      const list = latenciesByKind.get(kind) ?? [];
      if (!list.length) latenciesByKind.set(kind, list);
      list.push(performance.now() - t0);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, (_, n) => client(n)));
  const result: ClientsResult = {
    latencies: [...latenciesByKind.values()].flat(),
    statuses: [...statuses],
    acked,
    errors,
    errorKinds: Object.fromEntries(errorKinds),
    elapsed: (performance.now() - started) / 1000,
    byKind: Object.fromEntries(
      [...latenciesByKind].map(([kind, ms]) => {
        ms.sort((a, b) => a - b);
        return [kind, { n: ms.length, p50: Math.round(percentile(ms, 50)), p99: Math.round(percentile(ms, 99)), max: Math.round(ms.at(-1)!) }];
      }),
    ),
  };
  process.stdout.write(JSON.stringify(result));
}

await main();
