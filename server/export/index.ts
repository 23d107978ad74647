/** Reading side of an export: the features, their sources and the as-of date, from the database. */
import type { Geometry } from 'geojson';
import type { Source } from '../../geodata/schema.ts';
import type { Database, Queryable } from '../db/database.ts';
import { findPlots } from '../domain/plots-repo.ts';
import { listZones } from '../domain/zones-repo.ts';
import { findCrs } from '../../geodata/crs/index.ts';
import { sourceForUsers } from '../../geodata/user-facing.ts';
import { type AnyFeature, citedSources, ExportError, type ExportFile, type ExportInput, type ExportQuery } from './request.ts';

export { EXPORT_FORMATS } from '../../geodata/exchange.ts';
export { ExportError, type ExportFile, type ExportInput, type ExportQuery } from './request.ts';

/** Encodes on this thread, loading the encoders only then (the server passes its heavy-work thread instead). */
const encodeInProcess = async (input: ExportInput): Promise<ExportFile> => (await import('./encode.ts')).encodeExport(input);

async function loadFeatures(db: Queryable, q: ExportQuery): Promise<AnyFeature[]> {
  let feats: AnyFeature[];
  if (q.layer === 'zones') feats = (await listZones(db)) as unknown as AnyFeature[];
  else if (q.layer === 'plots') feats = (await findPlots(db, { zoneId: q.zone })) as unknown as AnyFeature[];
  else {
    const rows = await db.query<{ id: string; props: Record<string, unknown>; geometry: Geometry }>('SELECT id, props, geometry FROM context ORDER BY id');
    feats = rows.map((r) => ({ type: 'Feature', id: r.id, properties: r.props, geometry: r.geometry }));
  }
  return feats.filter(
    (f) =>
      (!q.zone || q.layer !== 'zones' || f.id === q.zone) &&
      (!q.region || f.properties.region === q.region) &&
      (!q.status?.length || q.status.includes(String(f.properties.status))) &&
      (!q.ids?.length || q.ids.includes(f.id)),
  );
}

async function asOfDate(db: Queryable): Promise<string> {
  const [row] = await db.query<{ t: string | null }>(
    `SELECT to_char(greatest((SELECT max(updated_at) FROM zones), (SELECT max(updated_at) FROM plots)) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS t`,
  );
  return row?.t ?? new Date().toISOString().slice(0, 10);
}

/** Reads what an export needs (on the thread that owns the database), then encodes it with `encode`. */
export async function runExport(db: Database, q: ExportQuery, encode: (input: ExportInput) => Promise<ExportFile> = encodeInProcess): Promise<ExportFile> {
  const crs = findCrs(q.crs);
  if (!crs) throw new ExportError('exportUnknownCrs', { crs: q.crs });
  if (q.format === 'kml' && crs.code !== 'EPSG:4326') throw new ExportError('exportKmlCrs');
  const feats = await loadFeatures(db, q);
  const asOf = await asOfDate(db);
  const cited = new Set<string>();
  for (const f of feats) citedSources(f.properties, cited);
  const sources = (await db.query<{ data: Source }>('SELECT data FROM sources WHERE id = ANY($1) ORDER BY id', [[...cited]])).map((r) => sourceForUsers(r.data));
  return encode({ q, feats, sources, asOf });
}
