/**
 * A dataset of both former provinces for the region and figure-source tests, independent of which
 * zones the bundled data holds: the bundled zones (former Bắc Kạn) plus two test parks placed in a
 * commune of former Thái Nguyên. One has a stated occupancy and no plots (coloured by that figure),
 * the other a real plot layout (a source not marked schematic) and a different stated figure
 * (coloured by its plots, not by the claim).
 */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pointOnFeature } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

/** Former Bắc Kạn's bundled zones, read as one folder whatever the default dataset is made of. */
const BAC_KAN_DIR = join(import.meta.dirname, '../../geodata/bac-kan');
const ADMIN_COMMUNES = join(import.meta.dirname, '../../geodata/admin/communes.geojson');
/** Phường Phổ Yên (former Thái Nguyên). */
export const TN_COMMUNE = 'Phổ Yên';
export const STATED_ZONE = 'kcn-test-stated';
export const LAYOUT_ZONE = 'kcn-test-layout';
const SURVEY = 'test-surveyed-layout';
const CLAIM = 'test-press-2024';

const square = ([lon, lat]: number[], half: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[lon! - half, lat! - half], [lon! + half, lat! - half], [lon! + half, lat! + half], [lon! - half, lat! + half], [lon! - half, lat! - half]]],
});

const figure = (value: number | null, sourceId: string | null, asOf: string | null) => (value === null ? { value: null, sourceId: null, asOf: null, gap: 'not_found' } : { value, sourceId, asOf });

function zone(id: string, name: string, geometry: Polygon, claimPct: number) {
  return {
    type: 'Feature',
    geometry,
    properties: {
      id, kind: 'KCN', name: { vi: `KCN ${name}`, en: `${name} Industrial Park` }, status: 'operating',
      statusHistory: [{ status: 'operating', date: '2024-12', sourceId: CLAIM }],
      accuracy: 'approximate', geometrySourceId: 'iz-atlas-sketch',
      totalAreaHa: figure(40, CLAIM, '2024-12'), industrialLandHa: figure(null, null, null),
      developer: null, decision: null, hasLayout: id === LAYOUT_ZONE, tenants: [], sectors: [],
      addressOld: null, addressNew: { commune: `phường ${TN_COMMUNE}`, province: 'Thái Nguyên' },
      infrastructure: [],
      occupancyClaim: { basis: 'industrial_land', valuePct: claimPct, sourceId: CLAIM, asOf: '2024-12' },
    },
  };
}

function plot(zoneId: string, code: string, geometry: Polygon, status: 'leased' | 'available') {
  return {
    type: 'Feature',
    geometry,
    properties: {
      id: `${zoneId}-${code.toLowerCase()}`, zoneId, code, landUse: 'industrial', status,
      tenant: status === 'leased' ? 'Test tenant' : null, sector: null, leaseStart: null, leaseEnd: null,
      priceVndM2Year: figure(null, null, null), accuracy: 'surveyed', sourceId: SURVEY,
    },
  };
}

/** Writes the dataset to a new temporary folder and returns its path. */
export async function twoRegionDataset(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'iz-atlas-regions-'));
  await cp(BAC_KAN_DIR, dir, { recursive: true });
  const communes = JSON.parse(await readFile(ADMIN_COMMUNES, 'utf8')) as { features: Feature<Polygon | MultiPolygon, { name: string; formerProvince: string }>[] };
  const host = communes.features.find((c) => c.properties.name === TN_COMMUNE && c.properties.formerProvince === 'Thái Nguyên');
  if (!host) throw new Error(`no commune ${TN_COMMUNE} in former Thái Nguyên`);
  const [lon, lat] = pointOnFeature(host).geometry.coordinates as [number, number];
  const stated = [lon - 0.004, lat];
  const layout = [lon + 0.004, lat];

  const zones = JSON.parse(await readFile(join(dir, 'zones.geojson'), 'utf8')) as { features: unknown[] };
  zones.features.push(zone(STATED_ZONE, 'Thử Số Liệu', square(stated, 0.0015), 100), zone(LAYOUT_ZONE, 'Thử Sơ Đồ', square(layout, 0.0015), 90));
  await writeFile(join(dir, 'zones.geojson'), JSON.stringify(zones));

  const plots = JSON.parse(await readFile(join(dir, 'plots.geojson'), 'utf8')) as { features: unknown[] };
  // Two equal halves of the layout zone: one leased, one available → 50 % from the plots.
  const [x, y] = layout as [number, number];
  const half = (dx: number): Polygon => ({ type: 'Polygon', coordinates: [[[x + dx - 0.0007, y - 0.0007], [x + dx, y - 0.0007], [x + dx, y + 0.0007], [x + dx - 0.0007, y + 0.0007], [x + dx - 0.0007, y - 0.0007]]] });
  plots.features.push(plot(LAYOUT_ZONE, 'A-01', half(0), 'leased'), plot(LAYOUT_ZONE, 'A-02', half(0.0007), 'available'));
  await writeFile(join(dir, 'plots.geojson'), JSON.stringify(plots));

  const sources = JSON.parse(await readFile(join(dir, 'sources.json'), 'utf8')) as unknown[];
  sources.push(
    { id: SURVEY, title: 'Surveyed plot layout (test)', url: null, publisher: 'test', date: '2024-12', label: { vi: 'Sơ đồ lô đo đạc (thử)', en: 'Surveyed plot layout (test)' } },
    { id: CLAIM, title: 'Press report on full parks (test)', url: 'https://example.org/full-parks', publisher: 'test', date: '2024-12' },
  );
  await writeFile(join(dir, 'sources.json'), JSON.stringify(sources));
  return dir;
}
