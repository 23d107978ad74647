/**
 * What an export is asked for and what it gives, with its one error: no encoder here, so the
 * server's routes and ./index.ts load this at start without the encoders' libraries (JSZip,
 * Shapefile, sql.js, KML), which only the heavy-work thread needs.
 */
import type { Feature, Geometry } from 'geojson';
import type { ExportFormat } from '../../geodata/exchange.ts';
import type { Region } from '../../geodata/regions.ts';
import { problemText } from '../../geodata/rules/problem-messages.ts';
import type { Layer } from '../import/attributes.ts';
import type { Source } from '../../geodata/schema.ts';

export type ExportQuery = {
  layer: Layer;
  format: ExportFormat;
  crs: string;
  zone?: string | undefined;
  /** Only zones, or plots of zones, of this former province (geodata/regions.ts). */
  region?: Region | undefined;
  status?: string[] | undefined;
  ids?: string[] | undefined;
};

export type ExportFile = { bytes: Uint8Array; contentType: string; fileName: string; count: number };

/** An export that cannot be made, as a code of the problem table (geodata/rules/problem-messages.ts) with its params. */
export class ExportError extends Error {
  constructor(
    readonly code: 'exportUnknownCrs' | 'exportKmlCrs',
    readonly params: Record<string, string> = {},
  ) {
    super(problemText('en', code, params).detail ?? code);
  }
}

export type AnyFeature = Feature<Geometry, Record<string, unknown>> & { id: string };

/** Every source id a value cites, wherever it sits (sourceId, geometrySourceId, figures, events). */
export function citedSources(v: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) for (const x of v) citedSources(x, out);
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (/sourceId$/i.test(k) && typeof x === 'string') out.add(x);
      else citedSources(x, out);
    }
  }
  return out;
}

/** What the encoder is given: the query, its features, the sources they cite and the as-of date. */
export type ExportInput = { q: ExportQuery; feats: AnyFeature[]; sources: Source[]; asOf: string };
