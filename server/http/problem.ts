import type { Context } from 'hono';
import type { ZodError } from 'zod';
import type { InvalidParam, Problem } from '../../geodata/api.ts';
import { english, type FieldReason, isReasonCode, reasonMessage } from '../../geodata/rules/reasons.ts';
import { type ProblemCode, type ProblemParams, problemText } from '../../geodata/rules/problem-messages.ts';
import { reasonOfIssue } from '../../geodata/rules/zod-reasons.ts';
import { requestLang } from './lang.ts';

type Status = 400 | 401 | 403 | 404 | 405 | 409 | 412 | 413 | 415 | 428 | 429 | 500 | 503;
/** What a route adds to the problem: the params its code's messages name, and any other member. */
type Extra = Partial<Problem> & { params?: ProblemParams; [member: string]: unknown };

/**
 * Sends RFC 9457 problem details; every API error goes through here. The problem's `code` (with
 * its `params`) names it for programs; its title and detail come from the one table
 * (geodata/rules/problem-messages.ts) in the language asked for (?lang, Accept-Language; English
 * by default). Each invalid-params entry with a code is worded the same way, and so is a `detail`
 * that lists them.
 */
export function problem(c: Context, status: Status, code: ProblemCode, { params, ...extra }: Extra = {}) {
  const lang = requestLang(c);
  const text = problemText(lang, code, params);
  const body: Problem = { type: 'about:blank', ...text, status, code, ...(params ? { params } : {}), ...extra };
  const invalids = extra['invalid-params'];
  if (invalids && lang !== 'en') {
    const worded = invalids.map((p) => (isReasonCode(p.code) && p.reason === english(p.code, p.params) ? { ...p, reason: reasonMessage(lang, { code: p.code, ...(p.params ? { params: p.params } : {}) }) } : p));
    const listed = (ps: InvalidParam[]) => ps.map((p) => `${p.name}: ${p.reason}`).join('; ');
    if (body.detail === listed(invalids)) body.detail = listed(worded);
    body['invalid-params'] = worded;
  }
  return c.body(JSON.stringify(body), status, { 'Content-Type': 'application/problem+json; charset=utf-8' });
}

/** One invalid-params entry: the reason's code and params, and its English message (or `reason`, when given, for a detail the table's message lacks). */
export const invalidParam = ({ field, reason }: FieldReason, text?: string): InvalidParam => ({
  name: field,
  reason: text ?? english(reason.code, reason.params),
  code: reason.code,
  ...(reason.params ? { params: reason.params } : {}),
});

/** A 400 naming each offending field with its reason. */
export function invalidFields(c: Context, code: ProblemCode, params: InvalidParam[], status: 400 | 409 = 400) {
  return problem(c, status, code, { detail: params.map((p) => `${p.name}: ${p.reason}`).join('; '), 'invalid-params': params });
}

/** A 400 naming each offending parameter (query: the parameter itself; body: the dotted field path). */
export function invalid(c: Context, err: ZodError, where: 'query' | 'body' | 'path', name: string = where) {
  const params = err.issues.flatMap((i): InvalidParam[] => {
    if (i.code === 'unrecognized_keys') return i.keys.map((k) => invalidParam({ field: [...i.path, k].map(String).join('.'), reason: { code: 'unknownField' } }));
    const field = i.path.length ? (where === 'body' ? i.path : i.path.slice(0, 1)).map(String).join('.') : name;
    // Always a code of the reason table (an enum's values are its params): zod's own English never reaches the reader.
    return [invalidParam({ field, reason: reasonOfIssue(i) })];
  });
  return invalidFields(c, where === 'body' ? 'invalidBody' : 'invalidParameter', params);
}

const NOT_FOUND = { Zone: 'zoneNotFound', Plot: 'plotNotFound', User: 'userNotFound', Enquiry: 'enquiryNotFound' } as const;

export function notFound(c: Context, what: keyof typeof NOT_FOUND, id: string) {
  return problem(c, 404, NOT_FOUND[what], { params: { id } });
}
