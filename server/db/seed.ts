import { bbox } from '@turf/bbox';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Dataset, PlotProperties, ZoneProperties } from '../../geodata/schema.ts';
import { areaHa } from '../../geodata/metrics.ts';
import { type DerivedCommune, plotCommune, zoneCommune } from '../domain/communes.ts';
import { storeTourFiguresAtSeed } from '../domain/tour-seed.ts';
import { forUsers } from '../../geodata/user-facing.ts';
import type { Database, Queryable } from './database.ts';

/**
 * Rows per INSERT statement. 2,000 plots × 13 parameters stays well under PostgreSQL's 65,535
 * bind parameters, and one statement per 2,000 rows instead of one per row is what makes a
 * national dataset (200,000 plots) seed in seconds rather than minutes.
 */
const BATCH_ROWS = 2000;

/** Fills an empty database from a geodata dataset, in one transaction, without the research notes (geodata/user-facing.ts). */
export async function seedDatabase(db: Database, data: Dataset): Promise<void> {
  const ds = forUsers(data);
  await db.transaction(async (tx) => {
    await insertRows(tx, 'sources (id, data)', ['', '::jsonb'], ds.sources.map((s) => [s.id, JSON.stringify(s)]));
    await insertRows(
      tx,
      ZONE_COLUMNS,
      ZONE_CASTS,
      ds.zones.map((z) => zoneRow(z.properties, z.geometry)),
    );
    await insertPlots(tx, ds.plots);
    await insertRows(
      tx,
      'context (id, kind, props, geometry)',
      ['', '', '::jsonb', '::jsonb'],
      ds.context.map((c) => [c.properties.id, c.properties.kind, JSON.stringify(c.properties), JSON.stringify(c.geometry)]),
    );
    await tx.query('INSERT INTO meta (key, value) VALUES ($1, $2)', ['yearly', ds.yearly]);
    await tx.query('INSERT INTO meta (key, value) VALUES ($1, $2)', ['seeded_at', JSON.stringify(new Date().toISOString())]);
    // The figures the bundled tour's stops describe in the data just seeded, so the tour editor can show what an edit changes.
    if (data.tour) await storeTourFiguresAtSeed(tx, data.tour);
  });
}

/** A plot to insert; `commune` when its commune was already derived (an import derives them off the main thread). */
type PlotInput = { geometry: Polygon; properties: PlotProperties; commune?: DerivedCommune };

const ZONE_COLUMNS = 'zones (id, kind, status, props, geometry, commune_code, commune_name, commune_basis)';
const ZONE_CASTS = ['', '', '', '::jsonb', '::jsonb', '', '', ''];

/** A zones row; its commune is derived from the geometry here, so every writer stores it (columns and properties alike). */
function zoneRow(p: ZoneProperties, geometry: Polygon | MultiPolygon, derived?: DerivedCommune): unknown[] {
  const c = zoneCommune(geometry, p.addressOld, derived);
  return [p.id, p.kind, p.status, JSON.stringify({ ...p, ...c }), JSON.stringify(geometry), c.communeCode, c.communeName, c.communeBasis];
}

/** Inserts a new zone. */
export async function insertZone(tx: Queryable, p: ZoneProperties, geometry: Polygon | MultiPolygon, derived?: DerivedCommune): Promise<void> {
  await insertRows(tx, ZONE_COLUMNS, ZONE_CASTS, [zoneRow(p, geometry, derived)]);
}

const PLOT_COLUMNS = 'plots (id, zone_id, land_use, status, area_ha, min_lon, min_lat, max_lon, max_lat, props, geometry, commune_code, commune_name)';
const PLOT_CASTS = ['', '', '', '', '', '', '', '', '', '::jsonb', '::jsonb', '', ''];

function plotRow(plot: PlotInput): unknown[] {
  const p = plot.properties;
  const [minLon, minLat, maxLon, maxLat] = bbox(plot.geometry);
  const c = plot.commune ?? plotCommune(plot.geometry);
  return [p.id, p.zoneId, p.landUse, p.status, areaHa(plot.geometry), minLon, minLat, maxLon, maxLat, JSON.stringify({ ...p, ...c }), JSON.stringify(plot.geometry), c.communeCode, c.communeName];
}

export async function insertPlot(tx: Queryable, plot: PlotInput): Promise<void> {
  await insertRows(tx, PLOT_COLUMNS, PLOT_CASTS, [plotRow(plot)]);
}

/** Many plots in a few multi-row INSERTs. */
export async function insertPlots(tx: Queryable, plots: readonly PlotInput[]): Promise<void> {
  for (let i = 0; i < plots.length; i += BATCH_ROWS) {
    await insertRows(tx, PLOT_COLUMNS, PLOT_CASTS, plots.slice(i, i + BATCH_ROWS).map(plotRow));
  }
}

/** INSERT INTO `target` VALUES (…), (…), … in statements of at most BATCH_ROWS rows; JSON goes as text cast to jsonb. */
async function insertRows(tx: Queryable, target: string, casts: string[], rows: unknown[][]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const chunk = rows.slice(start, start + BATCH_ROWS);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const base = params.length;
      params.push(...row);
      return `(${casts.map((cast, k) => `$${base + k + 1}${cast}`).join(', ')})`;
    });
    await tx.query(`INSERT INTO ${target} VALUES ${tuples.join(', ')}`, params);
  }
}
