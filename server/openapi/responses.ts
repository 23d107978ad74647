/**
 * Response shapes of /api as zod schemas, for the OpenAPI document. They are built from the
 * geodata schemas the data is checked with, plus the figures the server adds; the OpenAPI tests
 * parse live responses with them, so the document cannot drift from what the API really sends.
 */
import { z } from 'zod';
import {
  contextFeatureSchema,
  lineStringSchema,
  multiPolygonSchema,
  plotPropertiesSchema,
  provinceIndicatorSchema,
  pointSchema,
  polygonSchema,
  sourceSchema,
  zonePropertiesSchema,
} from '../../geodata/schema.ts';
import { targetsFileSchema, tourSchema } from '../../geodata/targets.ts';
import { ENQUIRY_STATUSES, ZONE_KINDS, ZONE_STATUSES } from '../../geodata/vocabulary.ts';

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
const zoneRef = z.object({ id: z.string(), name: z.object({ vi: z.string(), en: z.string() }), totalAreaHa: z.number().nullable(), valuePct: pct.nullable(), basis: basis.nullable(), asOf: z.string().nullable() });
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
});

export const progressSummary = z.object({
  progressPct: pct.nullable().describe('Weighted mean of the sourced infrastructure items'),
  coverage: z.number().min(0).max(1).describe('Share of the weights the figure rests on'),
  asOf: z.string().nullable(),
});

export const zoneApiFeature = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  geometry: z.union([polygonSchema, multiPolygonSchema]),
  properties: zonePropertiesSchema.extend({
    land: landSummary,
    occupancy: zoneOccupancy,
    progress: progressSummary,
    plotCount: z.number().int(),
    version: z.number().int().describe('Edit count; the ETag is derived from it and If-Match must name it'),
  }),
});

export const plotApiFeature = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  geometry: polygonSchema,
  properties: plotPropertiesSchema.extend({
    areaHa: z.number().describe('Geodesic area of the polygon (ha)'),
    version: z.number().int(),
    openEnquiries: z.number().int().describe('Open investor enquiries about the plot'),
  }),
});

const collection = <T extends z.ZodType>(feature: T) => z.object({ type: z.literal('FeatureCollection'), features: z.array(feature) });

export const zoneCollection = collection(zoneApiFeature);
export const plotCollection = collection(plotApiFeature);
export const contextCollection = collection(contextFeatureSchema.extend({ geometry: z.union([polygonSchema, multiPolygonSchema, lineStringSchema, pointSchema]) }));

export const health = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  zones: z.number().int(),
  version: z.string(),
});

const kindStats = z.object({ occupancy: occupancyAggregate, layoutLand: landSummary, zoneCount: z.number().int(), zonesWithLayout: z.number().int() });
export const stats = z.object({
  updatedAt: z.string().describe('Latest change to any zone or plot (UTC)'),
  byKind: z.object(Object.fromEntries(ZONE_KINDS.map((k) => [k, kindStats])) as Record<(typeof ZONE_KINDS)[number], typeof kindStats>),
  all: kindStats,
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

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  username: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  zoneId: z.string().nullable(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
});
export const auditResponse = z.object({ entries: z.array(auditEntry), next: z.number().int().nullable().describe('Cursor for the next (older) page: pass it as before; null on the last page') });

export const zoneHistory = z.object({
  zoneId: z.string(),
  points: z.array(
    z.object({
      date: z.string(),
      occupancyPct: pct.nullable(),
      infraProgressPct: pct.nullable(),
      status: z.string().nullable(),
      origin: z.enum(['yearly', 'edit']),
      sourceId: z.string().nullable(),
      auditId: z.number().int().nullable(),
    }),
  ),
});

export const zoneHistories = z.object({ zones: z.array(zoneHistory).describe('One series per zone, in zone id order') });

export const yearlyResponse = z.object({ province: z.array(provinceIndicatorSchema).describe('Yearly province indicators, oldest first') });

export const enquiry = z.object({
  id: z.number().int(),
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
export const enquiryCreated = z.object({ id: z.number().int(), status: z.enum(ENQUIRY_STATUSES) });

export const targetsResponse = targetsFileSchema.extend({
  current: z.object({
    ccnOccupancyPct: pct.nullable().describe('= ccn.valuePct'),
    kcnOccupancyPct: pct.nullable().describe('= kcn.valuePct'),
    ccn: occupancyAggregate.describe('Cluster occupancy with the zones, hectares and date it rests on'),
    kcn: occupancyAggregate,
  }),
});
export const tour = tourSchema;

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    'invalid-params': z
      .array(
        z.object({
          name: z.string(),
          reason: z.string().describe('In English'),
          code: z.string().optional().describe('The reason as a code of the shared reason table (geodata/rules/reasons.ts); absent for OGC and tile parameters'),
          params: z.record(z.string(), z.union([z.string(), z.number()])).optional().describe("Values the code's message names, e.g. n for maxChars"),
        }),
      )
      .optional()
      .describe('Each bad parameter or body field, by name'),
    current: z.unknown().optional().describe('With 412: the record as it is now'),
  })
  .describe('RFC 9457 problem details (application/problem+json)');
