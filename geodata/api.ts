/**
 * Shapes of the HTTP API's responses, shared by server and client. The properties of zones and
 * plots are the geodata properties plus figures the server computes from plots.
 */
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { LandSummary, OccupancyAggregate, ProgressSummary, ZoneOccupancy } from './metrics.ts';
import type { ContextProperties, PlotProperties, Source, ZoneProperties } from './schema.ts';
import type { ZoneKind, ZoneStatus } from './vocabulary.ts';
import type { ReasonCode, ReasonParams } from './rules/reasons.ts';

/**
 * land: the sums of the zone's plots (how its layout divides the land; on a schematic layout
 * they are illustrative). occupancy: the figure to display, with basis, date and source.
 */
export type ZoneMetrics = { land: LandSummary; occupancy: ZoneOccupancy; progress: ProgressSummary; plotCount: number };
/** version counts the edits of the record; If-Match must name it (see the ETag of GET). */
export type ZoneApiProperties = ZoneProperties & ZoneMetrics & { version: number };
export type ZoneApiFeature = Feature<Polygon | MultiPolygon, ZoneApiProperties> & { id: string };
export type ZoneCollection = { type: 'FeatureCollection'; features: ZoneApiFeature[] };

export type PlotApiProperties = PlotProperties & { areaHa: number; version: number; openEnquiries: number };
export type PlotApiFeature = Feature<Polygon, PlotApiProperties> & { id: string };
export type PlotCollection = { type: 'FeatureCollection'; features: PlotApiFeature[] };

export type ContextCollection = FeatureCollection<Polygon | MultiPolygon | LineString | Point, ContextProperties>;

/**
 * occupancy: the group's displayed figure, with the zones and hectares it rests on (see
 * aggregateOccupancy). layoutLand: the plot sums of the group's layouts, which on schematic
 * layouts are illustrative and never a headline.
 */
export type KindStats = { occupancy: OccupancyAggregate; layoutLand: LandSummary; zoneCount: number; zonesWithLayout: number };
export type Stats = {
  /** Latest change to any zone or plot (a data stamp, not the date the figures describe: see occupancy.asOf). */
  updatedAt: string;
  byKind: Record<ZoneKind, KindStats>;
  all: KindStats;
  zonesByStatus: Record<ZoneStatus, number>;
  /** How occupancy is computed, for the legend and the panel. */
  definition: string;
};

export type SourcesResponse = { sources: Source[] };

export type Health = { status: 'ok'; database: 'pglite' | 'postgres'; zones: number; version: string };

/**
 * One bad parameter or body field. `reason` is English for API users; `code` and `params` name
 * the reason in the shared table (geodata/rules/reasons.ts), which the client shows in the
 * interface language. The machine-facing OGC and tile parameters send `reason` only.
 */
export type InvalidParam = { name: string; reason: string; code?: ReasonCode; params?: ReasonParams };

/** RFC 9457 problem details, as every API error is sent. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  'invalid-params'?: InvalidParam[];
  /** With 412: the record as it is now, so the client can show the conflict. */
  current?: unknown;
};

export type SessionUser = { id: number; username: string; role: 'planner' | 'admin' };
/** GET /api/session: the signed-in user and the CSRF token to send as X-CSRF-Token; nulls for a viewer. */
export type SessionInfo = { user: SessionUser | null; csrfToken: string | null };

export type UserRecord = SessionUser & { disabled: boolean; createdAt: string };

export type AuditEntry = {
  id: number;
  at: string;
  username: string;
  entityType: 'zone' | 'plot' | 'user' | 'tour' | 'context';
  entityId: string;
  /** The zone the change belongs to, so a zone's history includes its plots' changes. */
  zoneId: string | null;
  action: 'update' | 'split' | 'merge' | 'create' | 'infrastructure' | 'import';
  before: unknown;
  after: unknown;
  reason: string | null;
};

/** One dated point of a zone's history: from the seeded yearly figures or from an edit. */
export type HistoryPoint = {
  date: string;
  occupancyPct: number | null;
  infraProgressPct: number | null;
  status: string | null;
  origin: 'yearly' | 'edit';
  sourceId: string | null;
  auditId: number | null;
};
export type ZoneHistory = { zoneId: string; points: HistoryPoint[] };

export type Enquiry = {
  id: number;
  createdAt: string;
  status: import('./vocabulary.ts').EnquiryStatus;
  plotId: string | null;
  zoneId: string;
  name: string;
  organisation: string | null;
  email: string | null;
  phone: string | null;
  sector: string | null;
  areaHa: number | null;
  timeline: string | null;
  message: string | null;
};
