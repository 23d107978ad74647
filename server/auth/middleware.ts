import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Role } from '../../geodata/requests.ts';
import type { Database } from '../db/database.ts';
import type { AppEnv } from '../http/env.ts';
import { markPrivate } from '../http/private.ts';
import { problem } from '../http/problem.ts';
import { CSRF_HEADER } from '../../geodata/contract.ts';
import { findSession, SESSION_COOKIE } from './sessions.ts';

/** The CSRF header is part of the contract (geodata/contract.ts). */
export { CSRF_HEADER };

/** Attaches the signed-in user, if any, to every API request. */
export function loadSession(db: Database): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    c.set('session', token ? await findSession(db, token) : null);
    await next();
  };
}

const sameToken = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Guards a state-changing route: 401 without a session, 403 for a role not listed, 403 without
 * the session's CSRF token in X-CSRF-Token.
 */
export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  const refusal = (c: Context<AppEnv>) => {
    const session = c.get('session');
    if (!session) return problem(c, 401, 'signInRequired');
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const sent = c.req.header(CSRF_HEADER) ?? '';
      if (!sameToken(sent, session.csrfToken)) return problem(c, 403, 'csrfToken', { params: { header: CSRF_HEADER } });
    }
    if (!roles.includes(session.user.role)) return problem(c, 403, 'roleRequired', { params: { roles } });
    return null;
  };
  // What a guarded route answers depends on who asks: private, whatever the outcome.
  return async (c, next) => {
    const refused = refusal(c);
    if (refused) return markPrivate(refused);
    await next();
    markPrivate(c.res);
  };
}

/** The caller's address: the socket peer, or X-Forwarded-For's first hop when TRUST_PROXY=1. */
export function clientIp(c: Context): string {
  if (process.env.TRUST_PROXY === '1') {
    const fwd = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (fwd) return fwd;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}

/** Cookies get Secure when the request arrived over HTTPS (directly or through a trusted proxy). */
export function isHttps(c: Context): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return process.env.TRUST_PROXY === '1' && c.req.header('x-forwarded-proto') === 'https';
}
