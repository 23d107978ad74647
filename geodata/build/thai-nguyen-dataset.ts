/**
 * The former-Thái Nguyên region as the generator makes it (make-thai-nguyen.ts writes it to
 * geodata/thai-nguyen/; a unit test compares). No zone has a source for its boundary, so each
 * outline is placed by place.ts inside the commune its sources give, sized to its sourced area (a
 * fixed-size marker where none is sourced), and overlapping no zone of either region. No plots:
 * no layout was found, and none is invented.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bbox } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { GEODATA_FILES } from '../load.ts';
import { sourcesFileSchema, yearlyFileSchema, zonesFileSchema, type Dataset, type ZoneFeature, type ZoneProperties } from '../schema.ts';
import { isSector } from '../vocabulary.ts';
import { withZoneCommune } from './bac-kan-dataset.ts';
import { communeGeometry, placeInCommune } from './place.ts';
import { TN_SOURCES } from './thai-nguyen/sources.ts';
import { buildTnYearly } from './thai-nguyen/yearly.ts';
import { TN_ZONES } from './thai-nguyen/zones.ts';

/** The size of the marker drawn for a zone whose area no source gives (iz-atlas-marker). */
export const MARKER_HA = 5;
const PLACED = 'iz-atlas-commune-placement';
const MARKER = 'iz-atlas-marker';

/** Half the diagonal of a commune's bounding box, in km (rounded up to 0.5 km): how far anything in it may be from the outline. */
function halfDiagonalKm(code: string): number {
  const [minX, minY, maxX, maxY] = bbox(communeGeometry(code));
  const cos = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const km = (Math.hypot((maxX - minX) * cos, maxY - minY) * 111.195) / 2;
  return Math.ceil(km * 2) / 2;
}

/** The zones already drawn in the other region, which the new outlines must not overlap. */
function otherRegionZones(dir: string): (Polygon | MultiPolygon)[] {
  const fc = JSON.parse(readFileSync(join(dir, GEODATA_FILES.zones), 'utf8')) as { features: ZoneFeature[] };
  return fc.features.map((f) => f.geometry);
}

export function buildThaiNguyen(bacKanDir: string): Dataset {
  const taken = otherRegionZones(bacKanDir);
  const zones = TN_ZONES.map(({ properties, placement }): ZoneFeature => {
    for (const s of [...properties.sectors, ...properties.tenants.map((t) => t.sector).filter((s) => s !== null)]) {
      if (!isSector(s)) throw new Error(`${properties.id}: sector "${s}" is not in the vocabulary`);
    }
    const sized = properties.totalAreaHa.value;
    const { polygon } = placeInCommune(
      { communeCode: placement.communeCode, areaHa: sized ?? MARKER_HA, seed: properties.id, ...(placement.point ? { start: placement.point.at } : {}) },
      taken,
    );
    taken.push(polygon);
    const full: ZoneProperties = {
      ...properties,
      accuracy: 'approximate',
      geometrySourceId: sized === null ? MARKER : PLACED,
      placementUncertaintyKm: placement.point?.uncertaintyKm ?? placement.guessedKm ?? halfDiagonalKm(placement.communeCode),
    };
    return withZoneCommune({ type: 'Feature', geometry: polygon, properties: full });
  });
  return {
    zones: zonesFileSchema.parse({ type: 'FeatureCollection', features: zones }).features,
    plots: [],
    context: [],
    sources: sourcesFileSchema.parse(TN_SOURCES),
    yearly: yearlyFileSchema.parse(buildTnYearly(zones.map((z) => z.properties))),
  };
}
