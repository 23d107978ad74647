import type { Context } from 'hono';
import type { ZodError } from 'zod';
import type { Problem } from '../../geodata/api.ts';

/** Sends RFC 9457 problem details; every API error goes through here. */
export function problem(c: Context, status: 400 | 401 | 403 | 404 | 405 | 409 | 412 | 413 | 428 | 429 | 500 | 503, title: string, extra: Partial<Problem> = {}) {
  const body: Problem = { type: 'about:blank', title, status, ...extra };
  return c.body(JSON.stringify(body), status, { 'Content-Type': 'application/problem+json; charset=utf-8' });
}

/** A 400 naming each offending parameter (query: the parameter itself; body: the dotted field path). */
export function invalid(c: Context, err: ZodError, where: 'query' | 'body' | 'path', name: string = where) {
  const params = err.issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => ({ name: [...i.path, k].map(String).join('.'), reason: 'unknown parameter' }))
      : [{ name: i.path.length ? (where === 'body' ? i.path : i.path.slice(0, 1)).map(String).join('.') : name, reason: i.message }],
  );
  return problem(c, 400, where === 'body' ? 'Invalid request body' : 'Invalid parameter', {
    detail: params.map((p) => `${p.name}: ${p.reason}`).join('; '),
    'invalid-params': params,
  });
}

export function notFound(c: Context, what: string, id: string) {
  return problem(c, 404, `${what} not found`, { detail: `No ${what.toLowerCase()} with id "${id}"` });
}
