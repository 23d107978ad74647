/**
 * The new Thái Nguyên province's own published figures (since 1 July 2025): KCN and CCN counts and
 * areas, average occupancy, and the provincial plan's targets to 2030 (QĐ 222/QĐ-TTg). They are
 * what the province says of itself, not sums of the atlas's zones (which cover only the zones
 * named in the research), so they are shown beside the atlas's totals, never mixed with them.
 * Only figures marked sourced [S] in ../shared/research/thai-nguyen-facts.md, each with its
 * source and date; a fact no source gives keeps value null and is shown as "no data".
 */
import { z } from 'zod';

export const FACT_UNITS = ['count', 'ha', 'pct'] as const;
/** Which part of the province a fact describes: the whole new province, or a former province. */
export const FACT_SCOPES = ['province', 'thai-nguyen', 'bac-kan'] as const;
export const FACT_GROUPS = ['now', 'plan2030'] as const;

const label = z.object({ vi: z.string().min(1), en: z.string().min(1) });

export const provinceFactSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  group: z.enum(FACT_GROUPS).describe('now: the latest published state; plan2030: a target of the provincial plan to 2030'),
  scope: z.enum(FACT_SCOPES),
  kind: z.enum(['KCN', 'CCN']).nullable(),
  label,
  value: z.number().nullable().describe('null: no source gives it (shown as "no data")'),
  unit: z.enum(FACT_UNITS),
  /** The source says "more than" (>6,400 ha) or "about" (≈72 %). */
  qualifier: z.enum(['more_than', 'about']).nullable(),
  asOf: z.string().nullable().describe('The date the figure describes (YYYY, YYYY-MM or YYYY-MM-DD)'),
  source: z.object({ title: z.string().min(1), url: z.string().url(), date: z.string() }).nullable(),
  /** The source is a machine translation of the original article (marked MT in the research). */
  machineTranslated: z.boolean(),
});
export const provinceFactsSchema = z.object({ facts: z.array(provinceFactSchema) });
export type ProvinceFact = z.infer<typeof provinceFactSchema>;
export type ProvinceFacts = z.infer<typeof provinceFactsSchema>;
