/**
 * Field errors keyed by the body field's name (dotted for nested fields, as the server's
 * invalid-params names them), from a client-side zod check or from the server's 400.
 */
import type { ZodError } from 'zod';
import { ApiError } from '../api.ts';

export type FieldErrors = Record<string, string>;

export function fromZod(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const name = issue.path.map(String).join('.') || 'body';
    out[name] ??= issue.message;
  }
  return out;
}

/** The fields a 400 names; empty for any other failure. */
export function fromProblem(err: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (err instanceof ApiError && err.status === 400) {
    for (const p of err.problem?.['invalid-params'] ?? []) out[p.name] ??= p.reason;
  }
  return out;
}

/** Errors for fields the form does not show, so they are not lost: shown with the form's message. */
export function unshownErrors(errors: FieldErrors, shown: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([name]) => !shown.some((s) => name === s || name.startsWith(`${s}.`)))
    .map(([name, reason]) => `${name}: ${reason}`);
}
