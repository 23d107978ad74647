/**
 * The leaders' tour: its schema, apart from targets.ts (which reads files) so the browser can
 * check a tour with it before sending. The target rule is in rules/tour-rules.ts.
 *
 * A caption is a template over the live figures: `{occupancy}`, `{tenants}`… are filled from the
 * data when the stop is shown, in the reader's language, so the words cannot say "no tenant yet"
 * over a figure that shows land leased. A saved stop keeps the figures it was written against
 * (`figuresAtSave`), so the tour editor can show which stops the data has changed since.
 */
import { z } from 'zod';
import { because } from './rules/zod-reasons.ts';
import { labelSchema } from './schema.ts';
import { placeholdersIn, TOUR_PLACEHOLDERS } from './tour-placeholders.ts';

const knownPlaceholders = (text: string) => placeholdersIn(text).every((p) => (TOUR_PLACEHOLDERS as readonly string[]).includes(p));

const captionSchema = labelSchema.refine((l) => knownPlaceholders(l.vi) && knownPlaceholders(l.en), because('tourPlaceholder'));

/** The language-free figures a stop describes, as they were when the tour was saved. */
const figuresSchema = z.record(z.string().max(60), z.union([z.string().max(2000), z.number(), z.null()]));

const tourStopSchema = z.object({
  /** A zone id, or "province" for the whole-province view. */
  target: z.string().regex(/^[a-z0-9-]+$/),
  caption: captionSchema,
  /** Which key figures to show on this stop. */
  figures: z.array(z.enum(['occupancy', 'progress', 'area', 'tenants', 'status', 'kcn-occupancy', 'ccn-occupancy'])).max(6),
  figuresAtSave: figuresSchema.optional(),
});
export const tourSchema = z.object({ title: labelSchema, stops: z.array(tourStopSchema).min(1).max(40) });
export type Tour = z.infer<typeof tourSchema>;
export type TourStop = Tour['stops'][number];
export type StopFigures = z.infer<typeof figuresSchema>;
