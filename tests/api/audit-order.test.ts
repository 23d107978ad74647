import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, PlotApiFeature, ZoneHistory } from '../../geodata/api.ts';
import { ANON } from '../support/api-client.ts';
import { signedInAppForFile } from '../support/signed-in-app.ts';

const { db, api, planner } = await signedInAppForFile();
const PLOT = 'ccn-nam-bang-lung-cn-03';
const ZONE = 'ccn-nam-bang-lung';

beforeAll(async () => {
  // A busy office's log: 1,050 earlier entries on one plot (ids past 999, where text order and
  // numeric order part), then one real edit through the API, which must come out first.
  const [user] = await db.query<{ id: number }>(`SELECT id FROM users WHERE username = 'planner1'`);
  await db.query(
    `INSERT INTO audit_log (user_id, username, entity_type, entity_id, zone_id, action, before, after, reason, zone_metrics)
     SELECT $1, 'planner1', 'plot', $2, $3, 'update', '{"tenant":null}', '{"tenant":"x"}', 'bulk ' || g, '{"occupancyPct":50,"infraProgressPct":50,"status":"operating"}'
       FROM generate_series(1, 1050) g`,
    [user!.id, PLOT, ZONE],
  );
  const cur = await api.call(planner, 'GET', `/api/plots/${PLOT}`);
  const res = await api.call(planner, 'PATCH', `/api/plots/${PLOT}`, { sector: 'newest edit', reason: 'the newest' }, { 'If-Match': cur.headers.get('etag')! });
  expect(res.status).toBe(200);
});

type Page = { entries: AuditEntry[]; next: number | null };
const page = async (q: string) => (await (await api.call(planner, 'GET', `/api/audit?${q}`)).json()) as Page;

describe('audit order past 1,000 entries', () => {
  it('gives the newest entry first, ids strictly decreasing as numbers', async () => {
    const { entries } = await page(`entity=plot:${PLOT}&limit=500`);
    expect(entries[0]!.reason).toBe('the newest');
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.id).toBeLessThan(entries[i - 1]!.id);
    expect(entries[0]!.id).toBeGreaterThan(1000);
  });

  it('pages through the whole log with the cursor, each entry once, in order', async () => {
    const seen: number[] = [];
    let next: number | null = null;
    do {
      const p: Page = await page(`entity=plot:${PLOT}&limit=137${next ? `&before=${next}` : ''}`);
      seen.push(...p.entries.map((e) => e.id));
      next = p.next;
    } while (next !== null);
    expect(seen.length).toBe(1051);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
  });

  it("keeps the zone's newest entries in its history panel and its series", async () => {
    const { entries } = await page(`zone=${ZONE}&limit=20`);
    expect(entries[0]!.reason).toBe('the newest');
    const h = (await (await api.call(ANON, 'GET', `/api/zones/${ZONE}/history`)).json()) as ZoneHistory;
    const ids = h.points.filter((p) => p.auditId !== null).map((p) => p.auditId!);
    expect(ids.length).toBe(1051);
    expect(ids[ids.length - 1]).toBe(entries[0]!.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    const plot = (await (await api.call(ANON, 'GET', `/api/plots/${PLOT}`)).json()) as PlotApiFeature;
    expect(plot.properties.sector).toBe('newest edit');
  });
});
