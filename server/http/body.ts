import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import type { FieldReason } from '../../geodata/rules/reasons.ts';
import { invalid, invalidFields, invalidParam, problem } from './problem.ts';
import { normalText, unstorableAnywhere } from '../../geodata/text.ts';

/**
 * The dotted path of the first string (value or key) holding NUL or a lone surrogate, or null.
 * Neither can be stored (PostgreSQL refuses both in text and jsonb), whatever field they are in,
 * so every body is checked here, before any schema; the schemas' text fields refuse the other
 * never-stored characters with the same message.
 */
function unreadableString(v: unknown, path: string[] = []): string | null {
  const bad = unstorableAnywhere;
  if (typeof v === 'string') return bad(v) ? path.join('.') || 'body' : null;
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) {
      const p = unreadableString(x, [...path, String(i)]);
      if (p) return p;
    }
    return null;
  }
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (bad(k)) return [...path, JSON.stringify(k.slice(0, 40)).slice(1, -1)].join('.');
      const p = unreadableString(x, [...path, k]);
      if (p) return p;
    }
  }
  return null;
}

/** Every string of a body in NFC, keys included: text is stored in one normal form. */
function normalised(v: unknown): unknown {
  if (typeof v === 'string') return normalText(v);
  if (Array.isArray(v)) return v.map(normalised);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [normalText(k), normalised(x)]));
  return v;
}

/**
 * Parses and validates a JSON body. Returns the data, or the 400 response to send: a body that is
 * not JSON names "body"; a field that fails validation is named by its path.
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<{ data: z.infer<S> } | { error: Response }> {
  if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    return { error: problem(c, 400, 'notJsonBody', { 'invalid-params': [invalidParam({ field: 'body', reason: { code: 'notJson' } })] }) };
  }
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    return { error: problem(c, 400, 'malformedJson', { 'invalid-params': [invalidParam({ field: 'body', reason: { code: 'malformedJson' } })] }) };
  }
  const unreadable = unreadableString(raw);
  if (unreadable) return { error: invalidFields(c, 'invalidBody', [invalidParam({ field: unreadable, reason: { code: 'notStorable' } })]) };
  const parsed = schema.safeParse(normalised(raw));
  if (!parsed.success) return { error: invalid(c, parsed.error, 'body') };
  return { data: parsed.data };
}

/** A 400 for the fields a rule refuses, for rules that need the database to check. */
export function fieldErrors(c: Context, reasons: readonly FieldReason[]) {
  return invalidFields(c, 'invalidBody', reasons.map((r) => invalidParam(r)));
}

/**
 * hono's bodyLimit for the requests that carry a body. GET and HEAD skip it: bodyLimit reads
 * `c.req.raw.body`, which makes @hono/node-server build a full web Request for every map read
 * (about a sixth of the viewport API's CPU under load).
 */
export function limitBodies(options: Parameters<typeof bodyLimit>[0]): MiddlewareHandler {
  const limit = bodyLimit(options);
  return (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next));
}
