/**
 * Resolution 16-NQ/TU's five targets and the leaders' tour, as data with their schemas. A target
 * whose wording or value no source gives stays null and shows as "no data".
 */
import { z } from 'zod';
import { labelSchema } from './schema.ts';
import { tourSchema, type Tour } from './tour.ts';

export { tourSchema, type Tour };

export const TARGET_STATUSES = ['met', 'not_met', 'unknown'] as const;

export const targetSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** The wording of the target; null when no source gives it. */
  label: labelSchema.nullable(),
  /** The numeric goal, e.g. 13 (%/yr); null when not sourced. */
  value: z.number().nullable(),
  unit: z.string().nullable(),
  comparator: z.enum(['>', '>=', '<', '<=', 'range']).nullable(),
  sourceId: z.string().nullable(),
  status: z.enum(TARGET_STATUSES),
  /** The source of the status: the three-year review. */
  statusSourceId: z.string(),
  /** Key of the yearly province series (yearly.json) that tracks it, if any. */
  series: z.string().nullable(),
  note: labelSchema,
});
export type Target = z.infer<typeof targetSchema>;

export const targetsFileSchema = z.object({
  resolution: z.object({ title: labelSchema, date: z.string(), sourceId: z.string() }),
  review: z.object({ title: labelSchema, met: z.number().int(), total: z.number().int(), sourceId: z.string() }),
  targets: z.array(targetSchema).length(5),
});
export type TargetsFile = z.infer<typeof targetsFileSchema>;
