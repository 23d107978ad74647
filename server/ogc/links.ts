import type { Context } from 'hono';

export type Link = { href: string; rel: string; type?: string; title?: string };

export const MEDIA = {
  json: 'application/json',
  geojson: 'application/geo+json',
  html: 'text/html',
  oas30: 'application/vnd.oai.openapi+json;version=3.0',
  jsonSchema: 'application/schema+json',
} as const;

/**
 * The service root as clients see it, never taken from the client's Host header (a forged Host
 * would otherwise be written into every absolute link):
 * 1. PUBLIC_URL when set (e.g. https://atlas.example.vn, or with a path prefix);
 * 2. behind a reverse proxy (TRUST_PROXY=1), X-Forwarded-Proto and X-Forwarded-Host, so links say
 *    https://public.name/ogc rather than the internal address the proxy talks to;
 * 3. else the address the server is bound to (scheme of the request, local address and port of
 *    the socket). Requests made in-process (tests) have no socket and keep their own URL.
 */
export function origin(c: Context): string {
  const configured = publicUrl();
  if (configured) return configured;
  const url = new URL(c.req.url);
  const socket = (c.env as { incoming?: { socket?: { localAddress?: string; localPort?: number } } } | undefined)?.incoming?.socket;
  if (socket?.localAddress && socket.localPort) {
    const address = socket.localAddress.replace(/^::ffff:(?=\d+\.)/, '');
    url.host = `${address.includes(':') ? `[${address}]` : address}:${socket.localPort}`;
  }
  if (process.env.TRUST_PROXY === '1') {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
    const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim();
    if (proto === 'https' || proto === 'http') url.protocol = `${proto}:`;
    // A whole new authority: setting url.host to a name without a port would keep the bound port.
    if (host && /^[a-zA-Z0-9.-]+(:\d+)?$|^\[[0-9a-fA-F:]+\](:\d+)?$/.test(host)) return new URL(`${url.protocol}//${host}`).origin;
  }
  return url.origin;
}

/** PUBLIC_URL without its trailing slash, or null when unset (server/config.ts refuses a malformed one at start-up). */
function publicUrl(): string | null {
  const raw = process.env.PUBLIC_URL;
  if (!raw) return null;
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' || u.protocol === 'https:' ? `${u.origin}${u.pathname.replace(/\/+$/, '')}` : null;
  } catch {
    return null;
  }
}

/** An absolute URL under /ogc with the given query parameters (undefined values left out). */
export function ogcUrl(c: Context, path: string, query: Record<string, string | number | undefined> = {}): string {
  const u = new URL(`${origin(c)}/ogc${path}`);
  for (const [k, v] of Object.entries(query)) if (v !== undefined) u.searchParams.set(k, String(v));
  return u.toString();
}

/** The same request with some query parameters replaced: for self, alternate and paging links. */
export function withQuery(c: Context, changes: Record<string, string | number | undefined>): string {
  const u = new URL(c.req.url);
  const out = new URL(`${origin(c)}${u.pathname}`);
  for (const [k, v] of u.searchParams) if (!(k in changes)) out.searchParams.append(k, v);
  for (const [k, v] of Object.entries(changes)) if (v !== undefined) out.searchParams.set(k, String(v));
  return out.toString();
}

/** A relative link for HTML pages, so they work under any host name. */
export function relative(href: string): string {
  const u = new URL(href);
  return `${u.pathname}${u.search}`;
}

/**
 * f=json / f=html win; otherwise Accept decides, HTML only when the client prefers it to JSON
 * (a browser does; GDAL, QGIS and curl get JSON).
 */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  let html = 0;
  let json = 0;
  for (const range of accept.split(',')) {
    const [type = '', ...params] = range.trim().toLowerCase().split(';').map((s) => s.trim());
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) || 0 : 1;
    if (type === 'text/html' || type === 'application/xhtml+xml') html = Math.max(html, q);
    if (type.endsWith('json') || type === 'application/*') json = Math.max(json, q);
  }
  return html > 0 && html > json;
}
