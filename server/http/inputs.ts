/**
 * The door every request comes through before any handler: path segments and query values the
 * database could not compare are refused here, once, for the JSON API, OGC and tiles alike. A NUL
 * in an OGC feature id or filter, for one, used to reach PostgreSQL and come back as a 500.
 */
import type { MiddlewareHandler } from 'hono';
import { cleanParam } from '../../geodata/text.ts';
import { problem } from './problem.ts';

const REASON = 'must not contain control characters or lone surrogates';

const decoded = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s; // malformed escapes stay literal, as the router treats them
  }
};

/** Names (truncated, made printable) for the problem report: never echo the offending bytes. */
const printable = (s: string) => JSON.stringify(s.slice(0, 40)).slice(1, -1);

export const refuseUnreadableParams: MiddlewareHandler = async (c, next) => {
  const url = new URL(c.req.url);
  const bad: { name: string; reason: string }[] = [];
  if (!url.pathname.split('/').every((seg) => cleanParam(decoded(seg)))) bad.push({ name: 'path', reason: REASON });
  for (const [k, v] of url.searchParams) {
    if (!cleanParam(k) || !cleanParam(v)) bad.push({ name: printable(k), reason: REASON });
  }
  if (bad.length) {
    return problem(c, 400, 'invalidParameter', { detail: bad.map((b) => `${b.name}: ${b.reason}`).join('; '), 'invalid-params': bad });
  }
  await next();
};
