/**
 * Regenerates geodata/bac-kan/ from the tables in ./bac-kan/: `npx tsx geodata/build/make-bac-kan.ts`.
 * Deterministic (seeded by zone id), so a re-run rewrites identical files. Refuses to write when
 * the result fails the schemas or geodata:check.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkDataset, formatIssue } from '../check.ts';
import { DEFAULT_GEODATA_DIR, GEODATA_FILES } from '../load.ts';
import { areaHa, summarizeLand } from '../metrics.ts';
import {
  contextFileSchema,
  plotsFileSchema,
  sourcesFileSchema,
  yearlyFileSchema,
  zonesFileSchema,
  type Dataset,
  type ZoneFeature,
} from '../schema.ts';
import { buildContext } from './bac-kan/context.ts';
import { buildPlots, LAYOUT_ZONE_IDS } from './bac-kan/layouts.ts';
import { SOURCES } from './bac-kan/sources.ts';
import { buildYearly } from './bac-kan/yearly.ts';
import { ZONES } from './bac-kan/zones.ts';
import { sketchZone, type SketchPolygon } from './shapes.ts';

const zones: ZoneFeature[] = ZONES.map(({ properties, shape }) => {
  const areaTarget = properties.totalAreaHa.value;
  if (areaTarget === null) throw new Error(`${properties.id}: a sketch needs a stated area`);
  if (properties.hasLayout !== LAYOUT_ZONE_IDS.includes(properties.id)) throw new Error(`${properties.id}: hasLayout disagrees with layouts.ts`);
  return { type: 'Feature', geometry: sketchZone({ ...shape, areaHa: areaTarget, seed: properties.id }), properties };
});
const plots = ZONES.flatMap(({ properties, shape }, i) => buildPlots(properties.id, zones[i]!.geometry as SketchPolygon, shape.center));

const dataset: Dataset = {
  zones: zonesFileSchema.parse({ type: 'FeatureCollection', features: zones }).features,
  plots: plotsFileSchema.parse({ type: 'FeatureCollection', features: plots }).features,
  context: contextFileSchema.parse({ type: 'FeatureCollection', features: buildContext() }).features,
  sources: sourcesFileSchema.parse(SOURCES),
  yearly: yearlyFileSchema.parse(buildYearly(ZONES.map((z) => z.properties))),
};

const issues = checkDataset(dataset);
if (issues.length) {
  for (const issue of issues) console.error(formatIssue(issue));
  throw new Error(`generated data fails geodata:check (${issues.length} issues); nothing written`);
}

/** Two-space JSON with each [lon, lat] on one line, so diffs stay readable. */
const pretty = (value: unknown) =>
  JSON.stringify(value, null, 2).replace(/\[\s+(-?[\d.]+),\s+(-?[\d.]+)\s+\]/g, '[$1, $2]') + '\n';

const collection = (features: unknown[]) => ({ type: 'FeatureCollection', features });
await mkdir(DEFAULT_GEODATA_DIR, { recursive: true });
await Promise.all([
  writeFile(join(DEFAULT_GEODATA_DIR, GEODATA_FILES.sources), pretty(dataset.sources)),
  writeFile(join(DEFAULT_GEODATA_DIR, GEODATA_FILES.zones), pretty(collection(dataset.zones))),
  writeFile(join(DEFAULT_GEODATA_DIR, GEODATA_FILES.plots), pretty(collection(dataset.plots))),
  writeFile(join(DEFAULT_GEODATA_DIR, GEODATA_FILES.context), pretty(collection(dataset.context))),
  writeFile(join(DEFAULT_GEODATA_DIR, GEODATA_FILES.yearly), pretty(dataset.yearly)),
]);

for (const z of dataset.zones) {
  const own = dataset.plots.filter((p) => p.properties.zoneId === z.properties.id);
  const land = summarizeLand(own.map((p) => ({ ...p.properties, areaHa: areaHa(p.geometry) })));
  const layout = own.length
    ? ` | ${own.length} plots, leasable ${land.leasableHa} ha, leased ${land.leasedHa}, available ${land.availableHa}, not developed ${land.notDevelopedHa}, occupancy ${land.occupancyPct} % (developed ${land.developedOccupancyPct} %)`
    : '';
  console.log(`${z.properties.id}: ${areaHa(z.geometry).toFixed(2)} ha drawn / ${z.properties.totalAreaHa.value} stated${layout}`);
}
console.log(`wrote ${DEFAULT_GEODATA_DIR}`);
