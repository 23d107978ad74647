/**
 * Regenerates geodata/bac-kan/ from the tables in ./bac-kan/: `npx tsx geodata/build/make-bac-kan.ts [--out DIR]`.
 * Deterministic (seeded by zone id), so a re-run rewrites identical files (a unit test holds the
 * committed files to this). Refuses to write when the result fails the schemas or geodata:check.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { checkDataset, formatIssue } from '../check.ts';
import { BAC_KAN_GEODATA_DIR } from '../load.ts';
import { areaHa, summarizeLand } from '../metrics.ts';
import { buildBacKan, serializeDataset } from './bac-kan-dataset.ts';

const outArg = process.argv.indexOf('--out');
const outDir = outArg > 0 && process.argv[outArg + 1] ? resolve(process.argv[outArg + 1]!) : BAC_KAN_GEODATA_DIR;

const dataset = buildBacKan();
const issues = checkDataset(dataset);
if (issues.length) {
  for (const issue of issues) console.error(formatIssue(issue));
  throw new Error(`generated data fails geodata:check (${issues.length} issues); nothing written`);
}

await mkdir(outDir, { recursive: true });
await Promise.all(Object.entries(serializeDataset(dataset)).map(([file, text]) => writeFile(join(outDir, file), text)));

for (const z of dataset.zones) {
  const own = dataset.plots.filter((p) => p.properties.zoneId === z.properties.id);
  const land = summarizeLand(own.map((p) => ({ ...p.properties, areaHa: areaHa(p.geometry) })));
  const layout = own.length
    ? ` | ${own.length} plots, leasable ${land.leasableHa} ha, leased ${land.leasedHa}, available ${land.availableHa}, not developed ${land.notDevelopedHa}, occupancy ${land.occupancyPct} % (developed ${land.developedOccupancyPct} %)`
    : '';
  console.log(`${z.properties.id}: ${areaHa(z.geometry).toFixed(2)} ha drawn / ${z.properties.totalAreaHa.value} stated${layout}`);
}
console.log(`wrote ${outDir}`);
