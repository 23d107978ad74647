/**
 * Regenerates geodata/thai-nguyen/ from the tables in ./thai-nguyen/:
 * `npx tsx geodata/build/make-thai-nguyen.ts [--out DIR]`. Deterministic; refuses to write when the
 * region alone, or the whole province with it, fails the schemas or geodata:check.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { checkDataset, formatIssue } from '../check.ts';
import { BAC_KAN_GEODATA_DIR, loadDataset, mergeDatasets, THAI_NGUYEN_GEODATA_DIR } from '../load.ts';
import { areaHa } from '../metrics.ts';
import { serializeDataset } from './bac-kan-dataset.ts';
import { buildThaiNguyen } from './thai-nguyen-dataset.ts';

const outArg = process.argv.indexOf('--out');
const outDir = outArg > 0 && process.argv[outArg + 1] ? resolve(process.argv[outArg + 1]!) : THAI_NGUYEN_GEODATA_DIR;

const region = buildThaiNguyen(BAC_KAN_GEODATA_DIR);
const merged = mergeDatasets([await loadDataset(BAC_KAN_GEODATA_DIR), region]);
const issues = [...checkDataset(region), ...checkDataset(merged.dataset), ...merged.issues.map((i) => ({ file: i.file, featureId: i.id, problem: i.problem }))];
if (issues.length) {
  for (const issue of issues) console.error(formatIssue(issue));
  throw new Error(`generated data fails geodata:check (${issues.length} issues); nothing written`);
}

await mkdir(outDir, { recursive: true });
await Promise.all(Object.entries(serializeDataset(region)).map(([file, text]) => writeFile(join(outDir, file), text)));
for (const z of region.zones) {
  const p = z.properties;
  console.log(`${p.id}: ${areaHa(z.geometry).toFixed(2)} ha drawn / ${p.totalAreaHa.value ?? 'marker'} stated, in ${p.communeCode} ${p.communeName} (${p.communeBasis}), ±${p.placementUncertaintyKm} km`);
}
console.log(`wrote ${outDir}`);
