/**
 * The Bắc Kạn dataset as the generator makes it, and its files as bytes. make-bac-kan.ts writes
 * them; a unit test compares them with the committed files, so the JSON in geodata/bac-kan/ is
 * always exactly what the tables in ./bac-kan/ say.
 */
import { GEODATA_FILES } from '../load.ts';
import {
  contextFileSchema,
  plotsFileSchema,
  sourcesFileSchema,
  yearlyFileSchema,
  zonesFileSchema,
  type Dataset,
  type PlotFeature,
  type ZoneFeature,
  type ZoneProperties,
} from '../schema.ts';
import { communeBasisOf } from '../admin/commune-rules.ts';
import { deriveCommune } from '../admin/derive-commune.ts';
import { buildContext } from './bac-kan/context.ts';
import { buildPlots, LAYOUT_ZONE_IDS } from './bac-kan/layouts.ts';
import { SOURCES } from './bac-kan/sources.ts';
import { buildYearly } from './bac-kan/yearly.ts';
import { ZONES } from './bac-kan/zones.ts';
import { sketchZone, type SketchPolygon } from './shapes.ts';
import { isSector } from '../vocabulary.ts';

/** Deterministic (seeded by zone id): the same tables give the same dataset. */
export function buildBacKan(): Dataset {
  const zones: ZoneFeature[] = ZONES.map(({ properties, shape }) => {
    const areaTarget = properties.totalAreaHa.value;
    if (areaTarget === null) throw new Error(`${properties.id}: a sketch needs a stated area`);
    if (properties.hasLayout !== LAYOUT_ZONE_IDS.includes(properties.id)) throw new Error(`${properties.id}: hasLayout disagrees with layouts.ts`);
    // The bundled data names sectors by code only, so every reader sees them in their language.
    const sectors = [...properties.sectors, ...properties.tenants.map((t) => t.sector).filter((s) => s !== null)];
    for (const s of sectors) if (!isSector(s)) throw new Error(`${properties.id}: sector "${s}" is not in the vocabulary`);
    return { type: 'Feature', geometry: sketchZone({ ...shape, areaHa: areaTarget, seed: properties.id }), properties };
  });
  const plots = ZONES.flatMap(({ properties, shape }, i) => buildPlots(properties.id, zones[i]!.geometry as SketchPolygon, shape.center));
  return {
    zones: zonesFileSchema.parse({ type: 'FeatureCollection', features: zones.map(withZoneCommune) }).features,
    plots: plotsFileSchema.parse({ type: 'FeatureCollection', features: plots.map(withPlotCommune) }).features,
    context: contextFileSchema.parse({ type: 'FeatureCollection', features: buildContext() }).features,
    sources: sourcesFileSchema.parse(SOURCES),
    yearly: yearlyFileSchema.parse(buildYearly(ZONES.map((z) => z.properties))),
  };
}

/** "Xã Thanh Thịnh" → "xã Thanh Thịnh", as inside an address. */
const inAddress = (fullName: string) => fullName.charAt(0).toLocaleLowerCase('vi') + fullName.slice(1);

/**
 * The zone's new commune, derived from its outline (largest overlap). 'sourced' when its sourced
 * old commune formed that commune (the merger table); then it is also the new address. Otherwise
 * ('geometry') the address keeps no commune: the derived one is shown as derived, not as fact.
 */
export function withZoneCommune(zone: ZoneFeature): ZoneFeature {
  const derived = deriveCommune(zone.geometry);
  const old = zone.properties.addressOld;
  const sourced = !!derived && communeBasisOf(derived.code, old) === 'sourced';
  const entries = Object.entries(zone.properties).flatMap(([key, value]) =>
    key !== 'addressNew'
      ? [[key, value]]
      : [
          ['addressNew', { ...zone.properties.addressNew, commune: sourced ? inAddress(derived.fullName) : null }],
          ['communeCode', derived?.code ?? null],
          ['communeName', derived?.name ?? null],
          ['communeBasis', sourced ? 'sourced' : 'geometry'],
        ],
  );
  return { ...zone, properties: Object.fromEntries(entries) as ZoneProperties };
}

function withPlotCommune(plot: PlotFeature): PlotFeature {
  const derived = deriveCommune(plot.geometry);
  const { note, ...rest } = plot.properties;
  return { ...plot, properties: { ...rest, communeCode: derived?.code ?? null, communeName: derived?.name ?? null, ...(note === undefined ? {} : { note }) } };
}

/** Two-space JSON with each [lon, lat] on one line, so diffs stay readable. */
const pretty = (value: unknown) =>
  JSON.stringify(value, null, 2).replace(/\[\s+(-?[\d.]+),\s+(-?[\d.]+)\s+\]/g, '[$1, $2]') + '\n';
const collection = (features: unknown[]) => ({ type: 'FeatureCollection', features });

/** The generated files' contents, by file name. */
export function serializeDataset(ds: Dataset): Record<string, string> {
  return {
    [GEODATA_FILES.sources]: pretty(ds.sources),
    [GEODATA_FILES.zones]: pretty(collection(ds.zones)),
    [GEODATA_FILES.plots]: pretty(collection(ds.plots)),
    [GEODATA_FILES.context]: pretty(collection(ds.context)),
    [GEODATA_FILES.yearly]: pretty(ds.yearly),
  };
}
