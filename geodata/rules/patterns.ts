/**
 * The text patterns the request schemas check. They are named here so a refusal can be told
 * apart by the pattern it failed (zod reports the pattern, not which field rule it was), never by
 * its message; see zod-reasons.ts.
 */
export const DATE_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
export const USERNAME_PATTERN = /^[a-z0-9._-]{3,64}$/;
export const PHONE_PATTERN = /^\+?[0-9 ().-]{6,20}$/;
