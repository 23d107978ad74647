/** The import engine's inputs and outputs: what a layer is analysed with, and what comes out. */
import type { LineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { Envelope } from '../../geodata/admin/outlines.ts';
import type { ImportIssue } from '../../geodata/exchange.ts';
import type { Reason } from '../../geodata/rules/reasons.ts';
import type { ContextProperties, PlotProperties, ZoneProperties } from '../../geodata/schema.ts';
import type { Layer } from './attributes.ts';

export type ImportOptions = {
  layer: Layer;
  /** Plots: the zone whose layout the file replaces. */
  zone?: string | null;
  /** EPSG code that overrides what the file says. */
  crs?: string | null;
  fileName?: string | null;
};

export type ZoneRecord = { props: ZoneProperties; geometry: Polygon | MultiPolygon; version: number };
export type ImportContext = {
  /** The outline every feature must lie in: the real province the zones are in today (geodata/admin), named. */
  province: Envelope | null;
  zones: Map<string, ZoneRecord>;
  /** Plot ids per zone, as stored. */
  plotIds: Map<string, string[]>;
  contextIds: Set<string>;
  sourceIds: Set<string>;
  /** The source new figures and features cite when the file names none. */
  importSourceId: string;
  today: string;
};

export type NormalisedFeature =
  | { type: 'Feature'; id: string; geometry: Polygon; properties: PlotProperties }
  | { type: 'Feature'; id: string; geometry: Polygon | MultiPolygon; properties: ZoneProperties }
  | { type: 'Feature'; id: string; geometry: Polygon | MultiPolygon | LineString | Point; properties: ContextProperties };

export type Analysis = {
  layer: Layer;
  crs: { code: string; name: string; source: string; detail: Reason };
  features: NormalisedFeature[];
  /** The first IMPORT_LIMITS.issuesListed issues; `counts` counts them all. */
  issues: ImportIssue[];
  counts: { errors: number; warnings: number; repaired: number };
  notes: Reason[];
  /** Index of features that have an error (left out of the preview). */
  rejected: number[];
};
