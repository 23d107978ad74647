/**
 * Bodies the API accepts, as zod schemas. The server validates with them and the client uses
 * them to check a form before sending, so both report the same field names and rules.
 */
import { z } from 'zod';
import { ID_PATTERN, idSchema, MAX_ID_LENGTH } from './ids.ts';
import { PHONE_PATTERN, USERNAME_PATTERN } from './rules/patterns.ts';
import { english } from './rules/reasons.ts';
import { because } from './rules/zod-reasons.ts';
import { instantReason } from './dates.ts';
import { asOfDate, lineStringSchema } from './schema.ts';
import { isBlank, normalText, storable } from './text.ts';
import { ENQUIRY_STATUSES, PLOT_STATUSES, ZONE_STATUSES } from './vocabulary.ts';

export const ROLES = ['planner', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const MIN_PASSWORD_LENGTH = 12;

// Messages come from the reason table (rules/reasons.ts); the codes are read from each issue's structure (rules/zod-reasons.ts).
const required = english('required');
/**
 * Typed text (text.ts): refused when it holds a character that is never stored; else in NFC and
 * trimmed, and "" when blank (a lone zero-width space is no name, tenant or source note).
 */
const text = (max: number) =>
  z
    .string()
    .refine(storable, because('notStorable'))
    .overwrite((s) => (isBlank(s) ? '' : normalText(s).trim()))
    .max(max, english('maxChars', { n: max }));
const reason = text(500).optional();

export const loginBody = z.object({
  username: text(64).min(1, required),
  password: z.string().min(1, required).max(1024),
});

export const plotPatchBody = z
  .object({
    status: z.enum(PLOT_STATUSES).optional(),
    tenant: text(200).nullable().optional(),
    sector: text(200).nullable().optional(),
    leaseStart: asOfDate.nullable().optional(),
    leaseEnd: asOfDate.nullable().optional(),
    priceVndM2Year: z.number().min(0, english('negative')).max(100_000_000).nullable().optional(),
    reason,
  })
  .strict()
  .refine((b) => !(b.leaseStart && b.leaseEnd && b.leaseEnd < b.leaseStart), { ...because('leaseOrder'), path: ['leaseEnd'] });
export type PlotPatch = z.infer<typeof plotPatchBody>;

export const zonePatchBody = z
  .object({
    status: z.enum(ZONE_STATUSES).optional(),
    name: z.object({ vi: text(200).min(1, required), en: text(200).min(1, required) }).optional(),
    developer: text(300).nullable().optional(),
    sectors: z.array(text(100).min(1)).max(30).optional(),
    note: text(2000).nullable().optional(),
    reason,
  })
  .strict();
export type ZonePatch = z.infer<typeof zonePatchBody>;

export const infrastructurePatchBody = z
  .object({
    progressPct: z.number().min(0, english('negative')).max(100, english('atMost', { n: 100 })).nullable(),
    asOf: asOfDate,
    sourceNote: text(500).min(1, required),
    reason,
  })
  .strict();
export type InfrastructurePatch = z.infer<typeof infrastructurePatchBody>;

export const splitBody = z.object({ line: lineStringSchema, reason }).strict();
export const mergeBody = z.object({ ids: z.array(idSchema).min(2).max(8), reason }).strict();

export const userCreateBody = z
  .object({
    username: z.string().regex(USERNAME_PATTERN, english('username')),
    role: z.enum(ROLES),
    password: z.string().min(MIN_PASSWORD_LENGTH, english('minChars', { n: MIN_PASSWORD_LENGTH })).max(1024),
  })
  .strict();

export const userPatchBody = z
  .object({
    role: z.enum(ROLES).optional(),
    disabled: z.boolean().optional(),
    password: z.string().min(MIN_PASSWORD_LENGTH, english('minChars', { n: MIN_PASSWORD_LENGTH })).max(1024).optional(),
  })
  .strict();

export const auditQuery = z
  .object({
    entity: z
      .string()
      .regex(new RegExp(`^(zone|plot|user|tour):${ID_PATTERN.source.slice(1, -1)}$`), 'expected zone:ID, plot:ID, user:ID or tour:tour')
      .optional(),
    zone: idSchema.optional(),
    since: z
      .iso.datetime({ offset: true })
      .superRefine((s, ctx) => {
        const r = instantReason(s);
        if (r) ctx.addIssue({ code: 'custom', ...because(r.code), message: english(r.code, r.params) });
      })
      .or(asOfDate)
      .optional(),
    /** The cursor: entries older than this id (the `next` of the previous page). */
    before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
  })
  .strict();

/** The honeypot: a field people never see; bots fill it. */
export const HONEYPOT_FIELD = 'website';

const optionalText = (max: number) => text(max).optional().transform((v) => v || undefined);

export const enquiryBody = z
  .object({
    plotId: z.string().regex(ID_PATTERN, english('recordId', { max: MAX_ID_LENGTH })).optional(),
    zoneId: z.string().regex(ID_PATTERN, english('recordId', { max: MAX_ID_LENGTH })).optional(),
    name: text(120).min(1, required),
    organisation: optionalText(200),
    email: z.union([z.literal(''), z.email(english('email')).max(254)]).optional().transform((v) => v || undefined),
    phone: z
      .union([z.literal(''), z.string().trim().regex(PHONE_PATTERN, english('phone'))])
      .optional()
      .transform((v) => v || undefined),
    sector: optionalText(120),
    areaHa: z.number().positive(english('positive')).max(10_000, english('atMost', { n: 10_000 })).optional(),
    timeline: optionalText(120),
    message: optionalText(4000),
    [HONEYPOT_FIELD]: z.string().max(500).optional(),
  })
  .strict()
  .refine((b) => b.plotId || b.zoneId, { ...because('enquiryTarget'), path: ['plotId'] })
  .refine((b) => b.email || b.phone, { ...because('contact'), path: ['email'] });
export type EnquiryInput = z.infer<typeof enquiryBody>;

export const enquiryPatchBody = z.object({ status: z.enum(ENQUIRY_STATUSES) }).strict();

// ---- query and path parameters ------------------------------------------------------------

/** bbox=minLon,minLat,maxLon,maxLat in WGS 84 degrees. */
export const bboxParam = z
  .string()
  .transform((s, ctx) => {
    const parts = s.split(',');
    if (parts.length !== 4 || parts.some((p) => p.trim() === '' || !Number.isFinite(Number(p)))) {
      ctx.addIssue({ code: 'custom', message: 'expected four numbers: minLon,minLat,maxLon,maxLat' });
      return z.NEVER;
    }
    const [minLon, minLat, maxLon, maxLat] = parts.map(Number) as [number, number, number, number];
    if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90) {
      ctx.addIssue({ code: 'custom', message: 'longitudes must be within ±180 and latitudes within ±90' });
      return z.NEVER;
    }
    if (minLon > maxLon || minLat > maxLat) {
      ctx.addIssue({ code: 'custom', message: 'minimum must not exceed maximum (order is minLon,minLat,maxLon,maxLat)' });
      return z.NEVER;
    }
    return [minLon, minLat, maxLon, maxLat] as [number, number, number, number];
  });

/** status=leased,available: a comma list from the plot status vocabulary. */
export const plotStatusesParam = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(z.enum(PLOT_STATUSES, { error: `expected one or more of ${PLOT_STATUSES.join(', ')}` })).min(1));

/** Ids in paths and query strings: the one id rule of geodata/ids.ts. */
export const idParam = idSchema;

export const plotsQuery = z
  .object({ bbox: bboxParam.optional(), status: plotStatusesParam.optional(), zone: idParam.optional() })
  .strict();

/** zones=a,b,c: the zones whose series GET /api/history returns (all of them without it). */
export const historyQuery = z
  .object({
    zones: z
      .string()
      .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
      .pipe(z.array(idParam).min(1).max(5000))
      .optional(),
  })
  .strict();
