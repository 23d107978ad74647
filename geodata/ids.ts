/**
 * The one id rule for zones, plots and basemap features: lower-case ASCII letters, digits and
 * hyphens, 1 to 80 characters. Ids are checked against it where they are made (bundled data,
 * imports, the ids a split generates) and where they are looked up (every path and body), so an
 * id the system stores can always be opened again.
 */
import { z } from 'zod';
import { english } from './rules/reasons.ts';

export const MAX_ID_LENGTH = 80;
export const ID_PATTERN = /^[a-z0-9-]{1,80}$/;
export const ID_RULE = `lower-case letters, digits and hyphens, 1–${MAX_ID_LENGTH} characters`;

export const idSchema = z.string().regex(ID_PATTERN, `ids are ${ID_RULE}`);

/**
 * `base` + `suffix`, shortened from the end of `base` when needed so the result obeys the id
 * rule (a plot split 57 times would otherwise carry 57 suffixes). Callers add a counter to the
 * suffix until the id is free, so shortening cannot make two plots share an id.
 */
export function derivedId(base: string, suffix: string): string {
  const room = MAX_ID_LENGTH - suffix.length;
  return `${base.length > room ? base.slice(0, room) : base}${suffix}`;
}

/** Numbered records (users, enquiries): a positive integer PostgreSQL's `serial` can hold. */
export const MAX_SERIAL_ID = 2_147_483_647;
export const SERIAL_ID_PATTERN = /^[1-9][0-9]{0,9}$/;
const serialMessage = english('serialId', { max: String(MAX_SERIAL_ID) });
export const serialIdSchema = z
  .string()
  .regex(SERIAL_ID_PATTERN, serialMessage)
  .transform(Number)
  .refine((n) => n <= MAX_SERIAL_ID, { message: serialMessage, params: { reason: 'serialId', reasonParams: { max: MAX_SERIAL_ID } } });
