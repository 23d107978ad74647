/**
 * Import and export, as client and server both name them: layers, formats, and what an import
 * reports (the same JSON from `npm run import --report-json`, `POST /api/import` and the
 * planners' upload panel; the server fills it, the client only reads it).
 */
import type { FeatureCollection } from 'geojson';
import type { Reason } from './rules/reasons.ts';

export const IMPORT_LAYERS = ['zones', 'plots', 'context'] as const;
export type ImportLayer = (typeof IMPORT_LAYERS)[number];

export const IMPORT_FORMATS = ['geojson', 'kml', 'kmz', 'shp', 'gpkg', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const EXPORT_FORMATS = ['geojson', 'csv', 'kml', 'gpkg', 'shp'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Why a file could not be read at all (the `reason` of a 400/413/415 problem). */
export type ImportFileErrorKind = 'empty' | 'unsupported' | 'corrupt' | 'no_crs' | 'too_large' | 'no_features' | 'ambiguous' | 'bad_name';

export const ISSUE_CODES = [
  'crs', 'degrees_vs_metres', 'axis_swapped', 'outside_province', 'no_geometry', 'geometry_type', 'ring_closed', 'ring_winding',
  'ring_short', 'self_intersection', 'duplicate_id', 'outside_zone', 'overlap', 'attribute_type', 'unknown_value', 'legacy_encoding',
  'schema', 'missing', 'zone_mismatch', 'unknown_zone', 'rule', 'unknown_source', 'unknown_column', 'z_dropped',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export type ImportIssue = {
  level: 'error' | 'warning';
  /** Position of the feature in the file (0-based); null for the whole file. */
  index: number | null;
  id: string | null;
  code: IssueCode;
  /** Why, as a code of the one reason table (geodata/rules/reasons.ts) and the values it names. */
  reason: Reason;
  /** The column a refusal of the property schema is about (its reason is the generic one, e.g. maxChars). */
  field?: string;
  /** `reason` (after `field`) rendered in the report's language: English unless another was asked for. */
  message: string;
  /** True when the import repaired it (the preview shows the repaired feature). */
  fixed?: boolean;
  /** What to do about it, rendered like `message`, and as a reason. */
  suggestion?: string;
  suggestionReason?: Reason;
};

/** Something the reader should know about the whole import: a reason and its rendering. */
export type ImportNote = { reason: Reason; message: string };

export type ChangeSummary = {
  /** Plots: zone whose layout is replaced. */
  zoneId: string | null;
  created: string[];
  updated: string[];
  /** Plots: the zone's plots before, all removed. */
  replaced: string[];
  auditId: number | null;
};

export type ImportReport = {
  /** No errors and something to write. */
  ok: boolean;
  dryRun: boolean;
  committed: boolean;
  file: { name: string | null; format: ImportFormat; bytes: number; layerName: string | null; encoding: string | null };
  layer: ImportLayer;
  zone: string | null;
  /** `detail`: where the CRS came from, rendered like the messages; `reason`: the same as a code. */
  crs: { code: string; name: string; source: string; detail: string; reason: Reason };
  counts: { features: number; accepted: number; rejected: number; errors: number; warnings: number; repaired: number };
  /** What the commit did (or, in a dry run, would do). Plots: one entry per zone, whose plots are all replaced. */
  changes: ChangeSummary[];
  sourceId: string;
  notes: ImportNote[];
  issues: ImportIssue[];
};

/** 200 (dry run or committed) and 422 (commit refused): the report and the accepted features in WGS 84. */
export type ImportResult = { report: ImportReport; preview: FeatureCollection };
