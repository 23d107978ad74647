/**
 * The HTTP API's response shapes, as zod schemas, and their TypeScript types derived from them:
 * written once here, read by the server (handlers type their answers with them, the OpenAPI
 * document is generated from them, the tests parse live answers with them) and by the client
 * (geodata/contract.ts names each endpoint's schemas; client/api.ts derives its types from it).
 * The properties of zones and plots are the geodata properties plus figures the server computes
 * from plots.
 */
import { z } from 'zod';
import {
  contextFeatureSchema,
  lineStringSchema,
  multiPolygonSchema,
  plotPropertiesSchema,
  pointSchema,
  polygonSchema,
  provinceIndicatorSchema,
  sourceSchema,
  zonePropertiesSchema,
  COMMUNE_BASES,
} from './schema.ts';
import { CONFIDENCE_CODES } from './confidence.ts';
import { FIGURE_SOURCES } from './metrics.ts';
import { REGIONS } from './regions.ts';
import { REASON_MESSAGES, type ReasonCode } from './rules/reasons.ts';
import { targetsFileSchema, tourSchema } from './targets.ts';
import { ENQUIRY_STATUSES, ZONE_KINDS, ZONE_STATUSES } from './vocabulary.ts';

const pct = z.number().min(0).max(100);

export const landSummary = z.object({
  leasableHa: z.number().describe('Industrial + service land in the layout (ha): the occupancy denominator'),
  leasedHa: z.number().describe('Leased part of it (ha): the numerator'),
  reservedHa: z.number(),
  availableHa: z.number(),
  notDevelopedHa: z.number(),
  occupancyPct: pct.nullable().describe('leasedHa ÷ leasableHa × 100; null without leasable land'),
  developedOccupancyPct: pct.nullable().describe('Occupancy of developed land only'),
});

const basis = z.enum(['industrial_land', 'developed_land']);
export const zoneOccupancy = z.object({
  valuePct: pct.nullable().describe('The occupancy to display; null with `gap` saying why'),
  basis: basis.nullable().describe('industrial_land: leased ÷ all leasable land; developed_land: ÷ leasable land with infrastructure'),
  origin: z.enum(['plots', 'edit', 'source']).nullable().describe('plots: a layout sourced plot by plot; edit: plots a planner changed; source: a stated figure'),
  asOf: z.string().nullable().describe('Date the figure describes: the source date or the edit time, never the time of the request'),
  sourceId: z.string().nullable(),
  editedBy: z.string().nullable(),
  leasedHa: z.number().nullable(),
  baseHa: z.number().nullable(),
  gap: z.enum(['not_leasable', 'no_source']).nullable(),
});
const confidenceCode = z.enum(CONFIDENCE_CODES);
const zoneRef = z.object({
  id: z.string(), name: z.object({ vi: z.string(), en: z.string() }), totalAreaHa: z.number().nullable(), valuePct: pct.nullable(), basis: basis.nullable(), asOf: z.string().nullable(),
  confidence: confidenceCode.describe("The class of the zone's displayed occupancy (geodata/confidence.ts)"),
});
const confidenceShare = z.object({ code: z.enum(['schematic', 'partial', 'old', 'sourced']), zones: z.number().int(), ha: z.number() });
export const occupancyAggregate = z.object({
  valuePct: pct.nullable().describe('The group figure; null with `gap` when zones that could hold tenants have none, bases differ or rates cannot be weighted'),
  basis: basis.nullable(),
  asOf: z.string().nullable().describe('Earliest date among the figures counted'),
  gap: z.enum(['none', 'incomplete', 'mixed_basis', 'no_hectares']).nullable(),
  counted: z.array(zoneRef),
  countedHa: z.number().describe('Total area of the zones counted (ha)'),
  missing: z.array(zoneRef).describe('Zones that could hold tenants but have no figure'),
  missingHa: z.number(),
  excluded: z.array(zoneRef).describe('Planned and revoked zones: no land to let'),
  excludedHa: z.number(),
  confidence: z
    .object({ code: confidenceCode, year: z.number().int().nullable(), coveragePct: z.number().nullable(), shares: z.array(confidenceShare) })
    .describe('How sure the group figure is: the weakest class among the figures counted (none without a figure), and the zones and hectares resting on each class'),
  figureSources: z
    .array(
      z.object({
        source: z.enum(FIGURE_SOURCES),
        zones: z.number().int(),
        ha: z.number(),
        minPct: pct.nullable().describe('Lowest figure of this kind in the group (null for none)'),
        maxPct: pct.nullable().describe('Highest figure of this kind in the group (null for none)'),
      }),
    )
    .describe("How much of the group rests on each kind of figure, every kind listed: plots (computed from a real plot layout or plots a planner changed), stated (no real layout: a source's figure, with its basis and date), none (no data); with the range of the figures of each kind"),
});

export const progressSummary = z.object({
  progressPct: pct.nullable().describe('Weighted mean of the sourced infrastructure items'),
  coverage: z.number().min(0).max(1).describe('Share of the weights the figure rests on'),
  asOf: z.string().nullable(),
});

export const confidence = z
  .object({
    code: confidenceCode,
    year: z.number().int().nullable().describe('Year of the date the figure describes'),
    coveragePct: z.number().nullable().describe('Share of the weight the figure rests on (%), for a combination of parts'),
  })
  .describe('How sure the figure is (geodata/confidence.ts): sourced, schematic, partial (under half its weight), old (over 3 years before the data\'s newest source, or undated) or none');

/** The commune since 1 July 2025 that the server derives from the geometry (largest overlap with the real communes). */
const derivedCommune = {
  communeCode: z.string().nullable().describe("GSO code of the commune or ward (since 1 July 2025) holding most of the geometry; null outside every commune. Recomputed whenever the geometry changes"),
  communeName: z.string().nullable().describe('Name of that commune or ward, e.g. "Chợ Mới"'),
};

export const zoneApiFeature = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  geometry: z.union([polygonSchema, multiPolygonSchema]),
  properties: zonePropertiesSchema.extend({
    ...derivedCommune,
    communeBasis: z.enum(COMMUNE_BASES).nullable().describe("How communeCode is known: sourced when the merger table makes the zone's sourced old commune that commune; geometry when only the drawn outline places it (derived, not a fact); null outside every commune"),
    land: landSummary,
    occupancy: zoneOccupancy,
    figureSource: z
      .enum(FIGURE_SOURCES)
      .describe('What the occupancy colour rests on: plots (a real layout, or plots a planner changed), stated (no real layout: the source\'s figure, shown with its basis, date and confidence), none (no data)'),
    region: z
      .enum(REGIONS)
      .nullable()
      .describe("The former province the zone's commune was part of before 1 July 2025 (bac-kan or thai-nguyen), from the publisher's merger table; null outside every commune"),
    progress: progressSummary,
    confidence: z.object({ occupancy: confidence, progress: confidence, layout: confidence.describe('The plot layout: schematic (drawn without a plan), sourced, or none') }),
    plotCount: z.number().int(),
    version: z.number().int().describe('Edit count; the ETag is derived from it and If-Match must name it'),
  }),
});

export const plotApiFeature = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  geometry: polygonSchema,
  properties: plotPropertiesSchema.extend({
    ...derivedCommune,
    region: z.enum(REGIONS).nullable().describe("The zone's region: the former province of its commune before 1 July 2025 (bac-kan or thai-nguyen)"),
    areaHa: z.number().describe('Geodesic area of the polygon (ha)'),
    version: z.number().int(),
    openEnquiries: z.number().int().describe('Open investor enquiries about the plot'),
    statusConfidence: confidenceCode.describe('How sure the status is: schematic on a layout drawn without a plan (an "available" there is not surveyed), else sourced'),
  }),
});

const collection = <T extends z.ZodType>(feature: T) => z.object({ type: z.literal('FeatureCollection'), features: z.array(feature) });

export const zoneCollection = collection(zoneApiFeature);
export const plotCollection = collection(plotApiFeature);
export const contextCollection = collection(contextFeatureSchema.extend({ geometry: z.union([polygonSchema, multiPolygonSchema, lineStringSchema, pointSchema]) }));

export const health = z.object({
  status: z.enum(['ok', 'degraded']).describe('degraded: the database answers but cannot write (full disk, read-only); problem says why'),
  problem: z.string().optional(),
  database: z.enum(['pglite', 'postgres']),
  zones: z.number().int(),
  version: z.string(),
});

export const kindStats = z.object({ occupancy: occupancyAggregate, layoutLand: landSummary, zoneCount: z.number().int(), zonesWithLayout: z.number().int() });
const kindsObject = z.object(Object.fromEntries(ZONE_KINDS.map((k) => [k, kindStats])) as Record<(typeof ZONE_KINDS)[number], typeof kindStats>);
export const stats = z.object({
  updatedAt: z.string().describe('Latest change to any zone or plot (UTC)'),
  byKind: kindsObject,
  all: kindStats,
  byRegion: z
    .object(Object.fromEntries(REGIONS.map((r) => [r, z.object({ byKind: kindsObject, all: kindStats })])) as Record<(typeof REGIONS)[number], z.ZodObject<{ byKind: typeof kindsObject; all: typeof kindStats }>>)
    .describe("Each former province's totals (zones whose commune was part of it before 1 July 2025), by the same rules as the whole province's"),
  zonesByStatus: z.object(Object.fromEntries(ZONE_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof ZONE_STATUSES)[number], z.ZodNumber>),
  definition: z.string(),
});

export const sourcesResponse = z.object({ sources: z.array(sourceSchema) });

export const sessionUser = z.object({ id: z.number().int(), username: z.string(), role: z.enum(['planner', 'admin']) });
export const sessionInfo = z.object({
  user: sessionUser.nullable(),
  csrfToken: z.string().nullable().describe('Send it as X-CSRF-Token with every state-changing request'),
});

export const userRecord = sessionUser.extend({ disabled: z.boolean(), createdAt: z.string() });
export const usersResponse = z.object({ users: z.array(userRecord) });
export const signInLockCleared = z.object({ cleared: z.number().int().describe('How many failed sign-ins were forgotten') });

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  username: z.string(),
  entityType: z.enum(['zone', 'plot', 'user', 'tour', 'context']),
  entityId: z.string(),
  zoneId: z.string().nullable(),
  action: z.enum(['update', 'split', 'merge', 'create', 'infrastructure', 'import']),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
});
export const auditResponse = z.object({ entries: z.array(auditEntry), next: z.number().int().nullable().describe('Cursor for the next (older) page: pass it as before; null on the last page') });

export const historyPoint = z.object({
  date: z.string(),
  occupancyPct: pct.nullable(),
  occupancyBasis: basis.nullable().describe('What occupancyPct is a share of; null when its source does not say. A chart never joins two bases with one line'),
  infraProgressPct: pct.nullable(),
  status: z.string().nullable(),
  origin: z.enum(['yearly', 'edit']),
  sourceId: z.string().nullable(),
  auditId: z.number().int().nullable(),
});
export const zoneHistory = z.object({ zoneId: z.string(), points: z.array(historyPoint) });

export const zoneHistories = z.object({ zones: z.array(zoneHistory).describe('One series per zone, in zone id order') });

export const yearlyResponse = z.object({ province: z.array(provinceIndicatorSchema).describe('Yearly province indicators, oldest first') });

export const enquiry = z.object({
  id: z.number().int(),
  reference: z.string().describe('The reference people quote, e.g. YC-2026-0042 (year received, id)'),
  createdAt: z.string(),
  status: z.enum(ENQUIRY_STATUSES),
  plotId: z.string().nullable(),
  zoneId: z.string(),
  name: z.string(),
  organisation: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  sector: z.string().nullable(),
  areaHa: z.number().nullable(),
  timeline: z.string().nullable(),
  message: z.string().nullable(),
});
export const enquiriesResponse = z.object({ enquiries: z.array(enquiry) });
export const enquiryDesk = z
  .object({
    name: z.string().nullable().describe('The office that receives enquiries (the managing authority); null when not configured'),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    responseDays: z.number().int().nullable().describe('Working days within which the office answers; null when not configured'),
  })
  .describe('Who receives the enquiry and how soon they answer, as the operator configured it');
export const enquiryCreated = z.object({
  id: z.number().int(),
  status: z.enum(ENQUIRY_STATUSES),
  reference: z.string().describe('e.g. YC-2026-0042: unique, never changes'),
  desk: enquiryDesk,
});

export const targetsResponse = targetsFileSchema.extend({
  current: z.object({
    ccnOccupancyPct: pct.nullable().describe('= ccn.valuePct'),
    kcnOccupancyPct: pct.nullable().describe('= kcn.valuePct'),
    ccn: occupancyAggregate.describe('Cluster occupancy with the zones, hectares and date it rests on'),
    kcn: occupancyAggregate,
  }),
});
export const tour = tourSchema;

/**
 * One bad parameter or body field. `reason` is English for API users; `code` and `params` name
 * the reason in the shared table (geodata/rules/reasons.ts), which the client shows in the
 * interface language. The machine-facing OGC and tile parameters send `reason` only.
 */
export const invalidParam = z.object({
  name: z.string(),
  reason: z.string().describe('The code worded in the language asked for (Accept-Language; ?lang on /api/import), English by default'),
  code: z
    .enum(Object.keys(REASON_MESSAGES) as [ReasonCode, ...ReasonCode[]])
    .optional()
    .describe('The reason as a code of the shared reason table (geodata/rules/reasons.ts); absent for OGC and tile parameters'),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional().describe("Values the code's message names, e.g. n for maxChars"),
});

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string().optional().describe('What went wrong, for programs: a code of the problem table (geodata/rules/problem-messages.ts) or, for an unreadable import file, of the reason table; title and detail are its words in the language asked for'),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])).optional().describe("Values the code's title and detail name"),
    'invalid-params': z.array(invalidParam).optional().describe('Each bad parameter or body field, by name'),
    current: z.unknown().optional().describe('With 412: the record as it is now'),
    cause: z.string().optional().describe("A library's or the system's own words behind the refusal (English, technical), for operators and logs; never part of title or detail"),
  })
  .describe('RFC 9457 problem details (application/problem+json)');


// ---- types, derived from the schemas above ------------------------------------------------

export type ZoneApiFeature = z.infer<typeof zoneApiFeature>;
export type ZoneApiProperties = ZoneApiFeature['properties'];
export type ZoneCollection = z.infer<typeof zoneCollection>;
/**
 * land: the sums of the zone's plots (how its layout divides the land; on a schematic layout
 * they are illustrative). occupancy: the figure to display, with basis, date and source.
 */
export type ZoneMetrics = Pick<ZoneApiProperties, 'land' | 'occupancy' | 'figureSource' | 'progress' | 'confidence' | 'plotCount'>;
export type PlotApiFeature = z.infer<typeof plotApiFeature>;
export type PlotCollection = z.infer<typeof plotCollection>;
export type ContextCollection = z.infer<typeof contextCollection>;
/**
 * occupancy: the group's displayed figure, with the zones and hectares it rests on (see
 * aggregateOccupancy). layoutLand: the plot sums of the group's layouts, which on schematic
 * layouts are illustrative and never a headline.
 */
export type KindStats = z.infer<typeof kindStats>;
export type Stats = z.infer<typeof stats>;
export type SourcesResponse = z.infer<typeof sourcesResponse>;
export type Health = z.infer<typeof health>;
export type InvalidParam = z.infer<typeof invalidParam>;
/** RFC 9457 problem details, as every API error is sent. */
export type Problem = z.infer<typeof problemSchema>;
export type SessionUser = z.infer<typeof sessionUser>;
/** GET /api/session: the signed-in user and the CSRF token to send as X-CSRF-Token; nulls for a viewer. */
export type SessionInfo = z.infer<typeof sessionInfo>;
export type UserRecord = z.infer<typeof userRecord>;
export type AuditEntry = z.infer<typeof auditEntry>;
/** One dated point of a zone's history: from the seeded yearly figures or from an edit. */
export type HistoryPoint = z.infer<typeof historyPoint>;
export type ZoneHistory = z.infer<typeof zoneHistory>;
export type Enquiry = z.infer<typeof enquiry>;
export type EnquiryReceipt = z.infer<typeof enquiryCreated>;
/** GET /api/targets: the targets file plus today's occupancy computed from plots. */
export type TargetsResponse = z.infer<typeof targetsResponse>;
