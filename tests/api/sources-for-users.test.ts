/**
 * Sources as readers get them (issue 16: research notes never reach the interface, the exports or
 * the OGC API; everything a user sees exists in Vietnamese and English). The bundled sources' reasons
 * for a missing date are research prose in English, and the sources the atlas writes itself (planner
 * edits, imported files) had English titles only, which a Vietnamese panel cited as they were.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Source } from '../../geodata/schema.ts';
import { migrate } from '../../server/db/migrations.ts';
import { ANON } from '../support/api-client.ts';
import { signedInAppForFile } from '../support/signed-in-app.ts';

const FIX = join(import.meta.dirname, '../fixtures/import');
const FILE = 'plots-clean.geojson';
const ZONE = 'ccn-vang-muoi';
const { db, app, api, planner } = await signedInAppForFile();

beforeAll(async () => {
  // A planner imports a file: the atlas writes a source of its own for it.
  const res = await app.request(`/api/import?layer=plots&zone=${ZONE}&filename=${FILE}`, {
    method: 'POST',
    headers: { Cookie: planner.cookie!, 'X-CSRF-Token': planner.csrf!, 'Content-Type': 'application/geo+json' },
    body: readFileSync(join(FIX, 'in', FILE)),
  });
  expect(res.status).toBe(200);
}, 120_000);

/** Every key a source may show users: no `note`, no `undated` (both for maintainers). */
// readAs holds codes (machine translation, property agency…) that the interface turns into
// translated caveats (geodata/caveats.ts sourceCaveats), not prose.
const SHOWN_KEYS = ['id', 'title', 'url', 'publisher', 'date', 'schematic', 'label', 'readAs'];
/** The atlas's own sources: its sketches and layouts, planner edits and imports. */
const isOwn = (s: Source) => s.id.startsWith('iz-atlas') || s.id.startsWith('import-');

async function servedSources(): Promise<Record<string, Source[]>> {
  const api1 = ((await (await api.call(ANON, 'GET', '/api/sources')).json()) as { sources: Source[] }).sources;
  const exported = (await (await api.call(ANON, 'GET', `/api/export?layer=plots&format=geojson&zone=${ZONE}`)).json()) as { sources: Source[] };
  return { api: api1, export: exported.sources };
}

describe('sources as users get them', () => {
  it('carry no research note nor the research reason for a missing date, in the API or an export', async () => {
    const served = await servedSources();
    expect(served.api!.some((s) => s.date === null)).toBe(true);
    expect(served.export!.length).toBeGreaterThan(0);
    for (const [where, list] of Object.entries(served))
      for (const s of list) expect(Object.keys(s).filter((k) => !SHOWN_KEYS.includes(k)), `${where} ${s.id}`).toEqual([]);
  });

  it('name the atlas\'s own sources (edits, imports) in Vietnamese and English', async () => {
    const own = (await servedSources()).api!.filter(isOwn);
    expect(own.map((s) => s.id)).toEqual(expect.arrayContaining(['iz-atlas-edits', expect.stringMatching(/^import-/)]));
    for (const s of own) {
      expect(s.label?.vi, s.id).toBeTruthy();
      expect(s.label?.en, s.id).toBeTruthy();
      expect(s.label!.vi, s.id).not.toBe(s.label!.en);
    }
    const imported = own.find((s) => s.id.startsWith('import-'))!;
    expect(imported.label!.vi).toContain(FILE);
    expect(imported.label!.vi).toContain('planner1');
  });

  it('labels the edits source of a database made before the rule (migration 6)', async () => {
    await db.query(`UPDATE sources SET data = data - 'label' WHERE id = 'iz-atlas-edits'`);
    await db.query('DELETE FROM schema_migrations WHERE version = 6');
    expect(await migrate(db)).toEqual([6]);
    const [row] = await db.query<{ data: Source }>(`SELECT data FROM sources WHERE id = 'iz-atlas-edits'`);
    expect(row!.data.label?.vi).toMatch(/cán bộ quy hoạch/);
    expect(row!.data.label?.en).toMatch(/Planner edits/);
  });
});
