/**
 * What a tour caption may name in braces (`{occupancy}`, `{tenants}`…), apart from the tour's
 * schema (tour.ts) so the captions shown at the first view need no zod.
 */

/** What a caption may name in braces; each is a clause or value in both languages (client/components/leaders/tour-captions.ts). */
export const TOUR_PLACEHOLDERS = ['name', 'status', 'occupancy', 'progress', 'works', 'tenants', 'area', 'kcn-occupancy', 'ccn-occupancy'] as const;
export type TourPlaceholder = (typeof TOUR_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{([^{}]*)\}/g;
/** The names a caption puts in braces, known or not. */
export const placeholdersIn = (text: string): string[] => [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
