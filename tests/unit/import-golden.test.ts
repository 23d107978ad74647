/**
 * Golden files for the import engine: every file in tests/fixtures/import/in (options in
 * in/cases.json) goes through the reader and the engine, and what comes out (the report and the
 * features as GeoJSON) must equal the files in out/. A change in behaviour shows as a diff of those
 * files: rewrite them with `UPDATE_GOLDEN=1 npx vitest run tests/unit/import-golden.test.ts` and
 * review the diff like code.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse, type Analysis } from '../../server/import/engine.ts';
import { readLayerFile } from '../../server/import/readers.ts';
import { bundledContext } from '../fixtures/import/context.ts';

const DIR = join(import.meta.dirname, '../fixtures/import');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
type Case = { layer: 'plots' | 'zones' | 'context'; zone?: string; crs?: string };
const CASES = JSON.parse(readFileSync(join(DIR, 'in/cases.json'), 'utf8')) as Record<string, Case>;

let ctx: Awaited<ReturnType<typeof bundledContext>>;
beforeAll(async () => {
  ctx = await bundledContext();
});

/** The report as a planner sees it: CRS decision, counts, every issue, notes, rejected features. */
const reportText = (a: Analysis) =>
  `${JSON.stringify({ layer: a.layer, crs: a.crs, counts: a.counts, notes: a.notes, rejected: a.rejected, issues: a.issues }, null, 2)}\n`;

/** One feature per line, so a diff points at the feature that changed. */
const geojsonText = (a: Analysis) =>
  `{"type":"FeatureCollection","features":[\n${a.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;

function matchesGolden(file: string, actual: string) {
  const path = join(DIR, 'out', file);
  if (UPDATE) {
    mkdirSync(join(DIR, 'out'), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  expect(existsSync(path), `${file} is missing: run with UPDATE_GOLDEN=1 to write it`).toBe(true);
  expect(actual, `${file} differs: if the change is meant, run with UPDATE_GOLDEN=1 and review the diff`).toBe(readFileSync(path, 'utf8'));
}

describe('import engine golden files (tests/fixtures/import/in → out)', () => {
  it('has an options entry for every input file and an input for every entry', async () => {
    const { readdirSync } = await import('node:fs');
    const inputs = readdirSync(join(DIR, 'in')).filter((f) => f !== 'cases.json').sort();
    expect(inputs).toEqual(Object.keys(CASES).sort());
  });

  for (const [file, c] of Object.entries(CASES)) {
    it(`${file} (${c.layer}${c.zone ? `, zone ${c.zone}` : ''}${c.crs ? `, ${c.crs}` : ''})`, async () => {
      const bytes = new Uint8Array(readFileSync(join(DIR, 'in', file)));
      const raw = await readLayerFile(bytes, file, { layer: c.layer, hasCrsOption: !!c.crs });
      const a = analyse(raw, { layer: c.layer, zone: c.zone ?? null, crs: c.crs ?? null, fileName: file }, ctx);
      const stem = file.replace(/\.[^.]+$/, '');
      matchesGolden(`${stem}.report.json`, reportText(a));
      matchesGolden(`${stem}.geojson`, geojsonText(a));
    });
  }
});
