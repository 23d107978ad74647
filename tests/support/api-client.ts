import type { App } from '../../server/app.ts';

export type Caller = { cookie: string | null; csrf: string | null };
export const ANON: Caller = { cookie: null, csrf: null };

/** Calls the app in-process as a browser would: cookie, CSRF header and JSON body. */
export function caller(app: App) {
  const call = (who: Caller, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method,
      headers: {
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(who.cookie ? { Cookie: who.cookie } : {}),
        ...(who.csrf ? { 'X-CSRF-Token': who.csrf } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
  const login = async (username: string, password: string): Promise<Caller> => {
    const res = await call(ANON, 'POST', '/api/session', { username, password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return { cookie, csrf: csrfToken };
  };
  return { call, login };
}
