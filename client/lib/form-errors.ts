/**
 * Field errors keyed by the body field's name (dotted for nested fields, as the server's
 * invalid-params names them), from a client-side zod check or from the server's 400. Each is a
 * reason code with params from the shared table (geodata/rules/reasons.ts), shown through it in
 * the interface language.
 */
import type { ZodError } from 'zod';
import { isReasonCode, type Reason } from '../../geodata/rules/reasons.ts';
import { reasonOfIssue } from '../../geodata/rules/zod-reasons.ts';
import { ApiError } from '../api.ts';

export type FieldErrors = Record<string, Reason>;

export function fromZod(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const name = issue.path.map(String).join('.') || 'body';
    out[name] ??= reasonOfIssue(issue);
  }
  return out;
}

/** The fields a 400 names, by the code the server sent; a code this client does not know is shown as the server wrote it. */
export function fromProblem(err: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (err instanceof ApiError && err.status === 400) {
    for (const p of err.problem?.['invalid-params'] ?? []) {
      out[p.name] ??= isReasonCode(p.code) ? { code: p.code, ...(p.params ? { params: p.params } : {}) } : { code: 'asSent', params: { text: p.reason } };
    }
  }
  return out;
}

/** Errors for fields the form does not show, so they are not lost: shown with the form's message. */
export function unshownErrors(errors: FieldErrors, shown: readonly string[]): [name: string, reason: Reason][] {
  return Object.entries(errors).filter(([name]) => !shown.some((s) => name === s || name.startsWith(`${s}.`)));
}
