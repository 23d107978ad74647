/**
 * Shapes of the HTTP API's responses, shared by server and client. The properties of zones and
 * plots are the geodata properties plus figures the server computes from plots.
 */
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { LandSummary, ProgressSummary } from './metrics.ts';
import type { ContextProperties, PlotProperties, Source, ZoneProperties } from './schema.ts';
import type { ZoneKind, ZoneStatus } from './vocabulary.ts';

export type ZoneMetrics = { land: LandSummary; progress: ProgressSummary; plotCount: number };
export type ZoneApiProperties = ZoneProperties & ZoneMetrics;
export type ZoneApiFeature = Feature<Polygon | MultiPolygon, ZoneApiProperties> & { id: string };
export type ZoneCollection = { type: 'FeatureCollection'; features: ZoneApiFeature[] };

export type PlotApiProperties = PlotProperties & { areaHa: number };
export type PlotApiFeature = Feature<Polygon, PlotApiProperties> & { id: string };
export type PlotCollection = { type: 'FeatureCollection'; features: PlotApiFeature[] };

export type ContextCollection = FeatureCollection<Polygon | MultiPolygon | LineString | Point, ContextProperties>;

export type KindStats = LandSummary & { zoneCount: number; zonesWithLayout: number };
export type Stats = {
  /** Latest change to any zone or plot. */
  updatedAt: string;
  byKind: Record<ZoneKind, KindStats>;
  all: KindStats;
  zonesByStatus: Record<ZoneStatus, number>;
  /** How occupancy is computed, for the legend and the panel. */
  definition: string;
};

export type SourcesResponse = { sources: Source[] };

export type Health = { status: 'ok'; database: 'pglite' | 'postgres'; zones: number; version: string };

/** RFC 9457 problem details, as every API error is sent. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  'invalid-params'?: { name: string; reason: string }[];
};
