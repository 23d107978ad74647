/**
 * The client's only fetch site (MapLibre loads its own tiles and styles). Reads are plain functions on `api`; writes come from
 * `editor(csrfToken)`, so the CSRF token lives in React state (the session) and is handed over
 * explicitly instead of sitting in a module variable.
 */
import type { OccupancyAggregate } from '../geodata/metrics.ts';
import type { LineString } from 'geojson';
import type {
  AuditEntry,
  Enquiry,
  ContextCollection,
  PlotApiFeature,
  PlotCollection,
  Problem,
  SessionInfo,
  SourcesResponse,
  Stats,
  UserRecord,
  ZoneApiFeature,
  ZoneCollection,
  ZoneHistory,
} from '../geodata/api.ts';
import type { InfrastructurePatch, PlotPatch, Role, ZonePatch } from '../geodata/requests.ts';
import type { ProvinceIndicator } from '../geodata/schema.ts';
import type { TargetsFile, Tour } from '../geodata/targets.ts';
import type { TileMeta } from '../geodata/tiles.ts';
import type { ImportLayer, ImportResult } from '../geodata/exchange.ts';
import type { EnquiryInput } from '../geodata/requests.ts';
import type { EnquiryStatus, InfraItem } from '../geodata/vocabulary.ts';

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

/** GET /api/targets: the targets file plus today's occupancy computed from plots. */
export type TargetsResponse = TargetsFile & {
  current: { ccnOccupancyPct: number | null; kcnOccupancyPct: number | null; ccn: OccupancyAggregate; kcn: OccupancyAggregate };
};

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
  if (opts.csrf) headers['X-CSRF-Token'] = opts.csrf;
  if (opts.ifMatch) headers['If-Match'] = opts.ifMatch;
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

async function json<T>(path: string, opts?: RequestOptions): Promise<T> {
  return (await (await send(path, opts)).json()) as T;
}

async function versioned<T>(path: string, opts?: RequestOptions): Promise<Versioned<T>> {
  const res = await send(path, opts);
  const etag = res.headers.get('ETag');
  if (!etag) throw new ApiError(res.status, { type: 'about:blank', title: 'Missing ETag', status: res.status });
  return { value: (await res.json()) as T, etag };
}

const enc = encodeURIComponent;

/** What an upload asks for: the layer, the zone a plot layout belongs to, a CRS when the file has none. */
export type ImportQuery = { layer: ImportLayer; zone?: string | null; crs?: string | null; dryRun: boolean; filename: string };

function importParams(q: ImportQuery): string {
  const params = new URLSearchParams({ layer: q.layer, dryRun: String(q.dryRun), filename: q.filename });
  if (q.zone) params.set('zone', q.zone);
  if (q.crs) params.set('crs', q.crs);
  return params.toString();
}

export type AuditQuery = { entity?: string; zone?: string; since?: string; limit?: number };

export const api = {
  zones: () => json<ZoneCollection>('/api/zones'),
  plots: () => json<PlotCollection>('/api/plots'),
  context: () => json<ContextCollection>('/api/context'),
  stats: () => json<Stats>('/api/stats'),
  sources: () => json<SourcesResponse>('/api/sources'),
  session: () => json<SessionInfo>('/api/session'),
  /** Sign-in needs no CSRF token: there is no session yet to forge a request for. */
  signIn: (username: string, password: string) => json<SessionInfo>('/api/session', { method: 'POST', body: { username, password } }),
  plot: (id: string) => versioned<PlotApiFeature>(`/api/plots/${enc(id)}`),
  zone: (id: string) => versioned<ZoneApiFeature>(`/api/zones/${enc(id)}`),
  zoneHistory: (id: string) => json<ZoneHistory>(`/api/zones/${enc(id)}/history`),
  /** Every zone's series in one request (the leaders' dashboard and timeline). */
  histories: () => json<{ zones: ZoneHistory[] }>('/api/history'),
  /** The province's yearly indicators of the dataset the server was seeded with. */
  yearly: () => json<{ province: ProvinceIndicator[] }>('/api/yearly'),
  /** Resolution 16's targets with today's computed KCN and CCN occupancy. */
  targets: () => json<TargetsResponse>('/api/targets'),
  tour: () => json<Tour>('/api/tour'),
  audit: (q: AuditQuery) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v !== undefined) params.set(k, String(v));
    return json<{ entries: AuditEntry[]; next: number | null }>(`/api/audit?${params}`);
  },
  users: () => json<{ users: UserRecord[] }>('/api/users'),
  /** An investor's enquiry: public, JSON only (which a cross-site form cannot send), rate-limited per address. */
  sendEnquiry: (body: EnquiryInput) => json<{ id: number; status: EnquiryStatus }>('/api/enquiries', { method: 'POST', body }),
  /** The planners' inbox, newest first. */
  enquiries: () => json<{ enquiries: Enquiry[] }>('/api/enquiries'),
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
    signOut: () => send('/api/session', { method: 'DELETE', csrf }).then(() => undefined),
    patchPlot: (id: string, etag: string, body: PlotPatch) =>
      versioned<PlotApiFeature>(`/api/plots/${enc(id)}`, { method: 'PATCH', body, csrf, ifMatch: etag }),
    patchZone: (id: string, etag: string, body: ZonePatch) =>
      versioned<ZoneApiFeature>(`/api/zones/${enc(id)}`, { method: 'PATCH', body, csrf, ifMatch: etag }),
    /** Versioned by the zone: If-Match carries the zone's ETag. */
    patchInfrastructure: (zoneId: string, item: InfraItem, etag: string, body: InfrastructurePatch) =>
      versioned<ZoneApiFeature>(`/api/zones/${enc(zoneId)}/infrastructure/${enc(item)}`, { method: 'PATCH', body, csrf, ifMatch: etag }),
    splitPlot: (id: string, line: LineString, reason?: string) =>
      json<PlotCollection>(`/api/plots/${enc(id)}/split`, { method: 'POST', body: { line, ...(reason ? { reason } : {}) }, csrf }),
    mergePlots: (ids: string[], reason?: string) =>
      json<PlotApiFeature>('/api/plots/merge', { method: 'POST', body: { ids, ...(reason ? { reason } : {}) }, csrf }),
    putTour: (tour: Tour) => json<Tour>('/api/tour', { method: 'PUT', body: tour, csrf }),
    createUser: (body: { username: string; role: Role; password: string }) => json<UserRecord>('/api/users', { method: 'POST', body, csrf }),
    patchUser: (id: number, body: { role?: Role; disabled?: boolean; password?: string }) =>
      json<UserRecord>(`/api/users/${id}`, { method: 'PATCH', body, csrf }),
    patchEnquiry: (id: number, status: EnquiryStatus) => json<Enquiry>(`/api/enquiries/${id}`, { method: 'PATCH', body: { status }, csrf }),
    /** Checks (dryRun) or imports a file; a refused commit (422) still answers with its report. */
    importFile: (file: Blob, q: ImportQuery) => json<ImportResult>(`/api/import?${importParams(q)}`, { method: 'POST', file, csrf, answers: [422] }),
  };
}
export type Editor = ReturnType<typeof editor>;
