/** The download address of a data export: what `GET /api/export` is asked for, built in one place. */
import type { ExportFormat, ImportLayer } from '../../geodata/exchange.ts';
import type { Region } from '../../geodata/regions.ts';

export type ExportScope = { kind: 'all' } | { kind: 'zone'; zone: string } | { kind: 'ids'; ids: string[] };

/** `region`: the region shown; everything exported is of it (context, roads and rivers, has none). */
export type ExportChoice = { layer: ImportLayer; format: ExportFormat; crs: string; scope: ExportScope; region?: Region | undefined };

/** The server takes at most this many ids; a longer selection is refused rather than cut. */
export const MAX_EXPORT_IDS = 1000;

export function exportUrl(c: ExportChoice): string {
  const p = new URLSearchParams({ layer: c.layer, format: c.format });
  // KML is WGS 84 by definition; the server refuses any other CRS for it.
  if (c.format !== 'kml' && c.crs !== 'EPSG:4326') p.set('crs', c.crs);
  if (c.scope.kind === 'zone') p.set('zone', c.scope.zone);
  else if (c.scope.kind === 'ids') p.set('ids', c.scope.ids.join(','));
  if (c.region && c.layer !== 'context') p.set('region', c.region);
  return `/api/export?${p}`;
}
