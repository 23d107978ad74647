/**
 * The leaders' tour: its schema, apart from targets.ts (which reads files) so the browser can
 * check a tour with it before sending. The target rule is in rules/tour-rules.ts.
 */
import { z } from 'zod';
import { labelSchema } from './schema.ts';

const tourStopSchema = z.object({
  /** A zone id, or "province" for the whole-province view. */
  target: z.string().regex(/^[a-z0-9-]+$/),
  caption: labelSchema,
  /** Which key figures to show on this stop. */
  figures: z.array(z.enum(['occupancy', 'progress', 'area', 'tenants', 'status', 'kcn-occupancy', 'ccn-occupancy'])).max(6),
});
export const tourSchema = z.object({ title: labelSchema, stops: z.array(tourStopSchema).min(1).max(40) });
export type Tour = z.infer<typeof tourSchema>;
