import { bbox } from '@turf/bbox';
import type { Polygon } from 'geojson';
import type { Dataset, PlotProperties } from '../../geodata/schema.ts';
import { areaHa } from '../../geodata/metrics.ts';
import type { Database, Queryable } from './database.ts';

/** Fills an empty database from a geodata dataset, in one transaction. */
export async function seedDatabase(db: Database, ds: Dataset): Promise<void> {
  await db.transaction(async (tx) => {
    for (const s of ds.sources) await tx.query('INSERT INTO sources (id, data) VALUES ($1, $2)', [s.id, s]);
    for (const z of ds.zones) {
      const p = z.properties;
      await tx.query('INSERT INTO zones (id, kind, status, props, geometry) VALUES ($1, $2, $3, $4, $5)', [
        p.id, p.kind, p.status, p, z.geometry,
      ]);
    }
    for (const plot of ds.plots) await insertPlot(tx, plot);
    for (const c of ds.context) {
      await tx.query('INSERT INTO context (id, kind, props, geometry) VALUES ($1, $2, $3, $4)', [
        c.properties.id, c.properties.kind, c.properties, c.geometry,
      ]);
    }
    await tx.query('INSERT INTO meta (key, value) VALUES ($1, $2)', ['yearly', ds.yearly]);
    await tx.query('INSERT INTO meta (key, value) VALUES ($1, $2)', ['seeded_at', JSON.stringify(new Date().toISOString())]);
  });
}

export async function insertPlot(tx: Queryable, plot: { geometry: Polygon; properties: PlotProperties }): Promise<void> {
  const p = plot.properties;
  const [minLon, minLat, maxLon, maxLat] = bbox(plot.geometry);
  await tx.query(
    `INSERT INTO plots (id, zone_id, land_use, status, area_ha, min_lon, min_lat, max_lon, max_lat, props, geometry)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [p.id, p.zoneId, p.landUse, p.status, areaHa(plot.geometry), minLon, minLat, maxLon, maxLat, p, plot.geometry],
  );
}
