/**
 * The data model of iz-atlas as zod schemas; the TypeScript types are inferred from them so the
 * checks that guard the bundled data, the API and the client cannot disagree.
 */
import { z } from 'zod';
import { DATE_PATTERN } from './rules/patterns.ts';
import { english } from './rules/reasons.ts';
import { because } from './rules/zod-reasons.ts';
import {
  ACCURACIES,
  CONTEXT_ACCURACIES,
  CONTEXT_KINDS,
  DECISION_SUBJECTS,
  INFRA_ITEMS,
  FIGURE_GAPS,
  INFRA_STATES,
  SECTOR_BASES,
  LAND_USES,
  PLOT_STATUSES,
  ZONE_KINDS,
  SOURCE_CAVEATS,
  ZONE_STATUSES,
} from './vocabulary.ts';
import { dateReason } from './dates.ts';
import { idSchema } from './ids.ts';
import { storable } from './text.ts';
import type { Tour } from './tour.ts';

/** "2025", "2025-05" or "2025-05-14" (sources often give only a year or a month): a real date between 1900 and 2100 (dates.ts). */
export const asOfDate = z
  .string()
  .regex(DATE_PATTERN, english('date'))
  .superRefine((s, ctx) => {
    const reason = dateReason(s);
    if (reason && reason.code !== 'date') ctx.addIssue({ code: 'custom', ...because(reason.code), message: english(reason.code, reason.params) });
  });

export const labelSchema = z.object({ vi: z.string().min(1).refine(storable, because('notStorable')), en: z.string().min(1).refine(storable, because('notStorable')) });

export const sourceSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  url: z.string().nullable(),
  publisher: z.string().nullable(),
  /** Publication date of the source; null only with `undated` saying why (geodata:check). */
  date: asOfDate.nullable(),
  /** Why the source has no date (e.g. a page that shows none). */
  undated: z.string().min(1).optional(),
  /**
   * True for a plot layout drawn without a plan (shapes and areas illustrative): its plots show how
   * land is divided but never produce an occupancy figure (see zoneOccupancy in metrics.ts).
   */
  schematic: z.boolean().optional(),
  /** The title in the reader's language, for a source whose title is ours (the atlas's own sketches, a title reconstructed from a link); a published title stays as published. */
  label: labelSchema.optional(),
  /** How the source was read, where that weakens it (vocabulary.ts SOURCE_CAVEATS): machine translation, property agency… */
  readAs: z.array(z.enum(SOURCE_CAVEATS)).optional(),
  /** For maintainers only: never sent to users (see geodata/user-facing.ts). */
  note: z.string().optional(),
});
export type Source = z.infer<typeof sourceSchema>;

/**
 * A figure shown on screen. A value always comes with the source that states it and the date it
 * describes; an unknown value is null and the UI says "no data".
 */
export const figureSchema = z
  .object({
    value: z.number().nullable(),
    sourceId: z.string().nullable(),
    asOf: asOfDate.nullable(),
    /** Why an unknown value is unknown, where the data says (a caveat the interface translates). */
    gap: z.enum(FIGURE_GAPS).optional(),
    /** For maintainers only: never sent to users (see geodata/user-facing.ts). */
    note: z.string().optional(),
  })
  .refine((f) => f.value === null || (f.sourceId !== null && f.asOf !== null), {
    message: 'a figure with a value needs a sourceId and an asOf date',
  });
export type Figure = z.infer<typeof figureSchema>;

export const sourcedTextSchema = z.object({
  text: z.string().min(1),
  sourceId: z.string(),
});

/** A decision: its reference as issued ("QĐ 1747/QĐ-UBND"), its date and what it decided (a code the interface translates). */
export const decisionSchema = sourcedTextSchema.extend({
  date: asOfDate.optional(),
  subject: z.enum(DECISION_SUBJECTS).optional(),
});

/**
 * Characters never stored (text.ts): control characters but tab and line breaks, C1 controls,
 * bidirectional overrides and lone surrogates. Text typed or sent in is refused (reason
 * notStorable); imported text has them removed, with a warning.
 */
export { storable };


export const infrastructureSchema = z.object({
  item: z.enum(INFRA_ITEMS),
  progressPct: z.number().min(0).max(100).nullable(),
  /**
   * What the source says when it gives no percentage: "basically complete" stays a status, never
   * 100 %; a range of contract value stays words. Shown instead of a bar.
   */
  state: z.enum(INFRA_STATES).optional(),
  /** The source's own words for a figure that is not a percentage of the item (e.g. "60–85 % of contract value"). */
  statedAs: labelSchema.optional(),
  sourceId: z.string().nullable(),
  asOf: asOfDate.nullable(),
  /** Why an item without a percentage or state is unknown, where the data says. */
  gap: z.enum(FIGURE_GAPS).optional(),
  /** The planner's source note for an edited item; research notes of the bundled data never reach users (geodata/user-facing.ts). */
  note: z.string().optional(),
});
export type Infrastructure = z.infer<typeof infrastructureSchema>;

export const tenantSchema = z.object({
  name: z.string().min(1),
  sector: z.string().nullable(),
  sourceId: z.string(),
});

export const statusEventSchema = z.object({
  status: z.enum(ZONE_STATUSES),
  date: asOfDate,
  sourceId: z.string(),
  note: z.string().optional(),
});

/** industrial_land: leased ÷ all leasable land; developed_land: leased ÷ leasable land excluding not_developed plots. */
export const occupancyBasisSchema = z.enum(['industrial_land', 'developed_land']);

/** What a source says about occupancy; geodata:check holds the plots to it. */
export const occupancyClaimSchema = z.object({
  basis: occupancyBasisSchema,
  valuePct: z.number().min(0).max(100),
  sourceId: z.string(),
  asOf: asOfDate,
  note: z.string().optional(),
});

/** How a zone's commune since 1 July 2025 is known (see communeBasis). */
export const COMMUNE_BASES = ['sourced', 'geometry'] as const;

/**
 * The commune or ward since 1 July 2025 that holds most of a zone's or plot's geometry
 * (geodata/admin/derive-commune.ts, largest overlap with the real boundaries): GSO code and name
 * (e.g. "02107", "Thanh Thịnh"). Null outside every commune; absent until derived (the server
 * derives it on every write).
 */
const derivedCommune = {
  communeCode: z.string().nullish(),
  communeName: z.string().nullish(),
};

export const zonePropertiesSchema = z.object({
  id: idSchema,
  kind: z.enum(ZONE_KINDS),
  name: labelSchema,
  status: z.enum(ZONE_STATUSES),
  statusHistory: z.array(statusEventSchema),
  accuracy: z.enum(ACCURACIES),
  /** Geometry provenance: how the boundary was drawn. */
  geometrySourceId: z.string(),
  totalAreaHa: figureSchema,
  /** Industrial + service land as stated by a source; the map uses the plot sum instead. */
  industrialLandHa: figureSchema,
  developer: sourcedTextSchema.nullable(),
  tenants: z.array(tenantSchema),
  /** How many tenants or projects a source counts; the named tenants may be fewer. */
  tenantCount: figureSchema.optional(),
  /** Sector codes (vocabulary.ts SECTORS), or a sector's text as given when it has no code. */
  sectors: z.array(z.string()),
  /** What the sectors are: those of the tenants (the default) or those the province or developer seeks. */
  sectorsBasis: z.enum(SECTOR_BASES).optional(),
  /** False when no source locates the site: the outline only stands somewhere in the named district. */
  siteLocated: z.boolean().optional(),
  /**
   * How far (km) the real site may lie from the drawn outline, where no source locates it more
   * precisely than a commune or a point: the commune's half-diagonal, or a sourced point's margin.
   */
  placementUncertaintyKm: z.number().positive().optional(),
  /**
   * The address before 1 July 2025 as the zone's source gives it (province "Bắc Kạn" in the bundled
   * data). Districts were abolished on that day, so a zone established since needs none: null or
   * absent, and `district` may be null or absent too.
   */
  addressOld: z.object({ commune: z.string().nullable(), district: z.string().nullish(), province: z.string().min(1) }).nullish(),
  /** The address since 1 July 2025: commune (the derived one, as communeName) and province ("Thái Nguyên" in the bundled data). */
  addressNew: z.object({ commune: z.string().nullable(), province: z.string().min(1) }),
  ...derivedCommune,
  /**
   * How communeCode is known: 'sourced' when the zone's sourced old commune formed that new commune
   * (the publisher's merger table, formedFrom); 'geometry' when no source names a commune, so the
   * commune is only where the drawn outline lies (shown as derived, not as fact).
   */
  communeBasis: z.enum(COMMUNE_BASES).nullish(),
  infrastructure: z.array(infrastructureSchema),
  occupancyClaim: occupancyClaimSchema.nullable(),
  /** True when the zone's approved layout is represented by plots. */
  hasLayout: z.boolean(),
  decision: decisionSchema.nullable(),
  note: z.string().optional(),
});
export type ZoneProperties = z.infer<typeof zonePropertiesSchema>;

const position = z.tuple([z.number(), z.number()]).rest(z.number());
const ring = z.array(position).min(4);
export const polygonSchema = z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) });
export const multiPolygonSchema = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) });
export const lineStringSchema = z.object({ type: z.literal('LineString'), coordinates: z.array(position).min(2) });
export const pointSchema = z.object({ type: z.literal('Point'), coordinates: position });

export const zoneFeatureSchema = z.object({
  type: z.literal('Feature'),
  id: z.string().optional(),
  geometry: z.union([polygonSchema, multiPolygonSchema]),
  properties: zonePropertiesSchema,
});
export type ZoneFeature = z.infer<typeof zoneFeatureSchema>;

export const plotPropertiesSchema = z.object({
  id: idSchema,
  zoneId: idSchema,
  /** The plot's label on the layout plan, e.g. "CN-03". */
  code: z.string(),
  landUse: z.enum(LAND_USES),
  status: z.enum(PLOT_STATUSES),
  tenant: z.string().nullable(),
  sector: z.string().nullable(),
  leaseStart: asOfDate.nullable(),
  leaseEnd: asOfDate.nullable(),
  /** Land rent in VND per m² per year, only where a source states it. */
  priceVndM2Year: figureSchema,
  accuracy: z.enum(ACCURACIES),
  sourceId: z.string(),
  ...derivedCommune,
  note: z.string().optional(),
});
export type PlotProperties = z.infer<typeof plotPropertiesSchema>;

export const plotFeatureSchema = z.object({
  type: z.literal('Feature'),
  id: z.string().optional(),
  geometry: polygonSchema,
  properties: plotPropertiesSchema,
});
export type PlotFeature = z.infer<typeof plotFeatureSchema>;

export const contextPropertiesSchema = z.object({
  id: idSchema,
  kind: z.enum(CONTEXT_KINDS),
  name: labelSchema,
  /** Road number such as "QL3". */
  ref: z.string().nullable(),
  accuracy: z.enum(CONTEXT_ACCURACIES),
  sourceId: z.string(),
});
export type ContextProperties = z.infer<typeof contextPropertiesSchema>;

export const contextFeatureSchema = z.object({
  type: z.literal('Feature'),
  id: z.string().optional(),
  geometry: z.union([polygonSchema, multiPolygonSchema, lineStringSchema, pointSchema]),
  properties: contextPropertiesSchema,
});
export type ContextFeature = z.infer<typeof contextFeatureSchema>;

export const featureCollectionOf = <T extends z.ZodTypeAny>(feature: T) =>
  z.object({ type: z.literal('FeatureCollection'), features: z.array(feature) });

export const zonesFileSchema = featureCollectionOf(zoneFeatureSchema);
export const plotsFileSchema = featureCollectionOf(plotFeatureSchema);
export const contextFileSchema = featureCollectionOf(contextFeatureSchema);
export const sourcesFileSchema = z.array(sourceSchema);

/** One zone's state at a date, for the timeline. Unknown parts are null. */
export const zoneSnapshotSchema = z.object({
  zoneId: z.string(),
  date: asOfDate,
  status: z.enum(ZONE_STATUSES).nullable(),
  occupancyPct: z.number().min(0).max(100).nullable(),
  /** What occupancyPct is a share of; absent when the source does not say (a chart never joins it to a stated basis). */
  occupancyBasis: occupancyBasisSchema.optional(),
  infraProgressPct: z.number().min(0).max(100).nullable(),
  sourceId: z.string(),
  note: z.string().optional(),
});
export type ZoneSnapshot = z.infer<typeof zoneSnapshotSchema>;

export const provinceIndicatorSchema = z.object({
  indicator: z.string(),
  label: labelSchema,
  unit: z.string(),
  year: z.number().int(),
  value: z.number().nullable(),
  /** A goal set for the year (e.g. by a 2021 resolution), not an observation: it may come from a source older than the year. */
  target: z.boolean().optional(),
  sourceId: z.string().nullable(),
  note: z.string().optional(),
});
export type ProvinceIndicator = z.infer<typeof provinceIndicatorSchema>;

export const yearlyFileSchema = z.object({
  zones: z.array(zoneSnapshotSchema),
  province: z.array(provinceIndicatorSchema),
});
export type YearlyFile = z.infer<typeof yearlyFileSchema>;

export type Dataset = {
  zones: ZoneFeature[];
  plots: PlotFeature[];
  context: ContextFeature[];
  sources: Source[];
  yearly: YearlyFile;
  /** The leaders' bundled tour (tour.json), when the dataset has one: the seed stores the figures its stops describe. */
  tour?: Tour;
};
