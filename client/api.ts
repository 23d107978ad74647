/**
 * The client's only fetch site (MapLibre loads its own tiles and styles). Every JSON call is
 * named after its endpoint in the contract (geodata/contract.ts), which gives its path, method
 * and the types of its query, body and answer: nothing here restates a shape. Reads are plain
 * functions on `api`; writes come from `editor(csrfToken)`, so the CSRF token lives in React
 * state (the session) and is handed over explicitly instead of sitting in a module variable.
 */
import type { LineString } from 'geojson';
import type { Problem } from '../geodata/api.ts';
import type { Answer, Body, EndpointName, Query } from '../geodata/contract.ts';
import { CSRF_HEADER, routes } from '../geodata/routes.ts';
import type { ImportLayer, ImportResult } from '../geodata/exchange.ts';
import type { TileMeta } from '../geodata/tiles.ts';
import type { EnquiryStatus, InfraItem } from '../geodata/vocabulary.ts';

export type { TargetsResponse } from '../geodata/api.ts';

/** A failed request: the HTTP status, the problem details when the server sent them. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
    /** Seconds from Retry-After (429), when given. */
    readonly retryAfter: number | null = null,
  ) {
    super(problem?.title ?? (status === 0 ? 'network error' : `HTTP ${status}`));
  }
}

/** A record with the ETag its PATCH must send back in If-Match. */
export type Versioned<T> = { value: T; etag: string };


type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A file sent as it is (an import upload) instead of a JSON body. */
  file?: Blob;
  csrf?: string;
  ifMatch?: string;
  /** Error statuses whose body is an answer, not a failure (422 from an import with errors). */
  answers?: number[];
};

async function send(path: string, opts: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (opts.file) headers['Content-Type'] = 'application/octet-stream';
  if (opts.csrf) headers[CSRF_HEADER] = opts.csrf;
  if (opts.ifMatch) headers['If-Match'] = opts.ifMatch;
  // A refusal's title and detail come back in the interface language (App sets <html lang>).
  const lang = typeof document === 'undefined' ? '' : document.documentElement.lang;
  if (lang === 'vi' || lang === 'en') headers['Accept-Language'] = lang;
  let res: Response;
  try {
    res = await fetch(path, {
      method: opts.method ?? 'GET',
      headers,
      // The session cookie is HttpOnly and same-site: only ever sent to our own origin.
      credentials: 'same-origin',
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : opts.file ? { body: opts.file } : {}),
    });
  } catch {
    throw new ApiError(0, null);
  }
  if (!res.ok && !opts.answers?.includes(res.status)) {
    const type = res.headers.get('Content-Type') ?? '';
    const problem = type.includes('json') ? ((await res.json().catch(() => null)) as Problem | null) : null;
    const retry = Number(res.headers.get('Retry-After'));
    throw new ApiError(res.status, problem, Number.isFinite(retry) && retry > 0 ? retry : null);
  }
  return res;
}

type Call<N extends EndpointName> = {
  /** Path parameters, in the order the contract's path names them. */
  params?: readonly (string | number)[];
  query?: Query<N>;
  body?: Body<N>;
  csrf?: string;
  ifMatch?: string;
};

/** The URL of an endpoint: its contract path under /api with the parameters filled in. */
function url<N extends EndpointName>(name: N, c: Call<N>): string {
  const params = [...(c.params ?? [])];
  const path = routes[name].path.replace(/\{\w+\}/g, () => encodeURIComponent(String(params.shift())));
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries((c.query ?? {}) as Record<string, unknown>)) if (v !== undefined) q.set(k, String(v));
  return `/api${path}${q.size ? `?${q}` : ''}`;
}

function request<N extends EndpointName>(name: N, c: Call<N>): Promise<Response> {
  const method = routes[name].method.toUpperCase() as RequestOptions['method'];
  return send(url(name, c), { method, body: c.body, csrf: c.csrf, ifMatch: c.ifMatch });
}

/** Calls an endpoint; the answer has the type of the contract's answer schema. */
async function call<N extends EndpointName>(name: N, c: Call<N> = {}): Promise<Answer<N>> {
  const res = await request(name, c);
  if (res.status === 204) return undefined as Answer<N>;
  return (await res.json()) as Answer<N>;
}

/** Calls an endpoint whose answer carries an ETag (a record a PATCH will need to name). */
async function versioned<N extends EndpointName>(name: N, c: Call<N> = {}): Promise<Versioned<Answer<N>>> {
  const res = await request(name, c);
  const etag = res.headers.get('ETag');
  if (!etag) throw new ApiError(res.status, { type: 'about:blank', title: 'Missing ETag', status: res.status });
  return { value: (await res.json()) as Answer<N>, etag };
}

/** What an upload asks for: the layer, the zone a plot layout belongs to, a CRS when the file has none. */
export type ImportQuery = { layer: ImportLayer; zone?: string | null; crs?: string | null; dryRun: boolean; filename: string };

function importParams(q: ImportQuery): string {
  const params = new URLSearchParams({ layer: q.layer, dryRun: String(q.dryRun), filename: q.filename });
  if (q.zone) params.set('zone', q.zone);
  if (q.crs) params.set('crs', q.crs);
  return params.toString();
}

export type AuditQuery = Query<'audit'>;

export const api = {
  zones: () => call('zones'),
  plots: () => call('plots'),
  zonePlots: (zoneId: string) => call('zonePlots', { params: [zoneId] }),
  context: () => call('context'),
  stats: () => call('stats'),
  sources: () => call('sources'),
  basemaps: () => call('basemaps'),
  session: () => call('session'),
  /** Sign-in needs no CSRF token: there is no session yet to forge a request for. */
  signIn: (username: string, password: string) => call('signIn', { body: { username, password } }),
  plot: (id: string) => versioned('plot', { params: [id] }),
  zone: (id: string) => versioned('zone', { params: [id] }),
  zoneHistory: (id: string) => call('zoneHistory', { params: [id] }),
  /** Every zone's series in one request (the leaders' dashboard and timeline). */
  histories: () => call('histories'),
  /** The province's yearly indicators of the dataset the server was seeded with. */
  yearly: () => call('yearly'),
  /** The new province's own published KCN/CCN figures and plan targets, each with its source. */
  provinceFacts: () => call('provinceFacts'),
  /** Resolution 16's targets with today's computed KCN and CCN occupancy. */
  targets: () => call('targets'),
  /** The tour with the ETag its PUT must send back in If-Match. */
  tour: () => versioned('tour'),
  audit: (query: AuditQuery) => call('audit', { query }),
  users: () => call('users'),
  /** An investor's enquiry: public, JSON only (which a cross-site form cannot send), rate-limited per address. */
  sendEnquiry: (body: Body<'sendEnquiry'>) => call('sendEnquiry', { body }),
  /** The planners' inbox, newest first. */
  enquiries: () => call('enquiries'),
  /** How much data there is and whether to draw it from vector tiles; null when the server has no tiles. */
  tileMeta: () =>
    fetch('/tiles/meta.json', { headers: { Accept: 'application/json' }, cache: 'no-store' })
      .then((r) => (r.ok ? (r.json() as Promise<TileMeta>) : null))
      .catch(() => null),
  /** A file the app ships (a font for the PDF brief), as bytes. */
  asset: async (url: string): Promise<ArrayBuffer> => {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
    return res.arrayBuffer();
  },
};

/** Every state-changing call, bound to the session's CSRF token. */
export function editor(csrf: string) {
  return {
    signOut: () => call('signOut', { csrf }),
    patchPlot: (id: string, etag: string, body: Body<'patchPlot'>) => versioned('patchPlot', { params: [id], body, csrf, ifMatch: etag }),
    patchZone: (id: string, etag: string, body: Body<'patchZone'>) => versioned('patchZone', { params: [id], body, csrf, ifMatch: etag }),
    /** Versioned by the zone: If-Match carries the zone's ETag. */
    patchInfrastructure: (zoneId: string, item: InfraItem, etag: string, body: Body<'patchInfrastructure'>) =>
      versioned('patchInfrastructure', { params: [zoneId, item], body, csrf, ifMatch: etag }),
    splitPlot: (id: string, line: LineString, reason?: string) =>
      call('splitPlot', { params: [id], body: { line: line as Body<'splitPlot'>['line'], ...(reason ? { reason } : {}) }, csrf }),
    mergePlots: (ids: string[], reason?: string) => call('mergePlots', { body: { ids, ...(reason ? { reason } : {}) }, csrf }),
    putTour: (tour: Body<'putTour'>, etag: string | null) => versioned('putTour', { body: tour, csrf, ...(etag ? { ifMatch: etag } : {}) }),
    createUser: (body: Body<'createUser'>) => call('createUser', { body, csrf }),
    patchUser: (id: number, body: Body<'patchUser'>) => call('patchUser', { params: [id], body, csrf }),
    patchEnquiry: (id: number, status: EnquiryStatus) => call('patchEnquiry', { params: [id], body: { status }, csrf }),
    /**
     * Checks (dryRun) or imports a file; a refused commit (422) still answers with its report.
     * A file upload, not JSON: outside the contract, typed by the import engine's own result.
     */
    importFile: async (file: Blob, q: ImportQuery): Promise<ImportResult> =>
      (await send(`/api/import?${importParams(q)}`, { method: 'POST', file, csrf, answers: [422] })).json() as Promise<ImportResult>,
  };
}
export type Editor = ReturnType<typeof editor>;
