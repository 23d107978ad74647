import type { MiddlewareHandler } from 'hono';

/**
 * Marks a response as one person's: never stored by a browser's or a shared cache, and, as its
 * content depends on the session cookie, varying by it. Everything behind a session goes through
 * here (requireRole does it for every guarded route, including its 401 and 403 answers).
 */
export function markPrivate(res: Response): Response {
  res.headers.set('Cache-Control', 'private, no-store');
  const vary = res.headers.get('Vary');
  if (!vary) res.headers.set('Vary', 'Cookie');
  else if (!/(^|,)\s*cookie\s*(,|$)/i.test(vary)) res.headers.set('Vary', `${vary}, Cookie`);
  return res;
}

export const privateResponse: MiddlewareHandler = async (c, next) => {
  await next();
  markPrivate(c.res);
};
