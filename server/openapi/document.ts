/**
 * The OpenAPI 3.1 description of /api, served at /api/openapi.json and rendered at /api/docs.
 *
 * The endpoints, their parameters, bodies and answers come from the contract
 * (geodata/contract.ts); this file adds only the prose (summaries, tags, error meanings) and
 * the file transfers, which are not JSON. Schemas are turned into JSON Schema with
 * z.toJSONSchema() from the very zod schemas the handlers validate with, so the description
 * cannot drift from the checks. A test walks the Hono app's routes and fails when one is missing
 * here or listed here but not served.
 */
import { provinceFactsSchema } from '../../geodata/province-facts.ts';
import { z } from 'zod';
import {
  enquiryBody,
  enquiryPatchBody,
  infrastructurePatchBody,
  loginBody,
  mergeBody,
  plotPatchBody,
  splitBody,
  userCreateBody,
  userPatchBody,
  zonePatchBody,
} from '../../geodata/requests.ts';
import { tourSchema } from '../../geodata/targets.ts';
import { INFRA_ITEMS } from '../../geodata/vocabulary.ts';
import { CSRF_HEADER, endpoints, type Endpoint, type EndpointName } from '../../geodata/contract.ts';
import { SESSION_COOKIE, SESSION_HOURS } from '../auth/sessions.ts';
import { LAYERS } from '../import/attributes.ts';
import { exportQuery } from '../routes/export.ts';
import { idParam } from '../routes/query.ts';
import * as res from '../../geodata/api.ts';
import { basemapsResponse } from '../../geodata/basemaps.ts';

type Json = Record<string, unknown>;
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Access = 'public' | 'planner' | 'admin';

/** JSON Schema of what a request may contain (the input side of transforms and defaults). */
export const requestSchema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input' }) as Json;
/** JSON Schema of a response, without the $schema marker. */
const responseSchema = (s: z.ZodType) => {
  const { $schema: _s, ...rest } = z.toJSONSchema(s, { io: 'output', unrepresentable: 'any' }) as Json;
  return rest;
};

/** Request schemas, by component name. */
export const REQUEST_BODIES = {
  LoginBody: loginBody,
  PlotPatchBody: plotPatchBody,
  ZonePatchBody: zonePatchBody,
  InfrastructurePatchBody: infrastructurePatchBody,
  SplitBody: splitBody,
  MergeBody: mergeBody,
  UserCreateBody: userCreateBody,
  UserPatchBody: userPatchBody,
  EnquiryBody: enquiryBody,
  EnquiryPatchBody: enquiryPatchBody,
  Tour: tourSchema,
} as const satisfies Record<string, z.ZodType>;
type BodyName = keyof typeof REQUEST_BODIES;

/** Response schemas, by component name. */
export const RESPONSES = {
  Health: res.health,
  ZoneCollection: res.zoneCollection,
  Zone: res.zoneApiFeature,
  PlotCollection: res.plotCollection,
  Plot: res.plotApiFeature,
  ZoneHistory: res.zoneHistory,
  ZoneHistories: res.zoneHistories,
  Yearly: res.yearlyResponse,
  ProvinceFacts: provinceFactsSchema,
  Stats: res.stats,
  Sources: res.sourcesResponse,
  ContextCollection: res.contextCollection,
  Basemaps: basemapsResponse,
  SessionInfo: res.sessionInfo,
  Users: res.usersResponse,
  User: res.userRecord,
  SignInLockCleared: res.signInLockCleared,
  Audit: res.auditResponse,
  Enquiries: res.enquiriesResponse,
  Enquiry: res.enquiry,
  EnquiryCreated: res.enquiryCreated,
  Targets: res.targetsResponse,
  Tour: res.tour,
  Problem: res.problemSchema,
} as const satisfies Record<string, z.ZodType>;
type ResponseName = keyof typeof RESPONSES;

type Op = {
  method: Method;
  /** OpenAPI path under /api, e.g. /zones/{id}. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  access?: Access;
  params?: ('zoneId' | 'plotId' | 'userId' | 'enquiryId' | 'item')[];
  query?: { schema: z.ZodType; descriptions: Record<string, string> } | { parameters: Json[] };
  body?: BodyName;
  /** A body that is not one of the JSON schemas above (a file upload). */
  rawBody?: Json;
  ifMatch?: boolean;
  ok: { status: 200 | 201 | 204; description: string; schema?: ResponseName; etag?: boolean; contentType?: string | string[] };
  errors?: (400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 428 | 429)[];
};

const ERROR_TEXT: Record<number, string> = {
  400: 'A parameter or body field is invalid; invalid-params names each one (query parameter, path parameter or dotted body field)',
  401: 'Not signed in (no or expired session cookie)',
  403: `Signed in, but the role may not do this, or ${CSRF_HEADER} is missing or wrong`,
  404: 'No such record or resource',
  409: 'Conflicts with the current state',
  412: 'If-Match names an older version: someone saved since; the problem body holds the record as it is now in current',
  413: 'The body is larger than the limit',
  415: 'The file format is not supported',
  422: 'The file was read but its features do not pass the checks; the report says which and why (nothing was written)',
  428: 'If-Match is required: send the ETag from GET of the record',
  429: 'Too many attempts; Retry-After gives the seconds to wait',
};

const PATH_PARAMS: Record<NonNullable<Op['params']>[number], Json> = {
  zoneId: { name: 'id', in: 'path', required: true, description: 'Zone id, e.g. ccn-huyen-tung', schema: requestSchema(idParam) },
  plotId: { name: 'id', in: 'path', required: true, description: 'Plot id', schema: requestSchema(idParam) },
  userId: { name: 'id', in: 'path', required: true, description: 'User id (a number)', schema: { type: 'integer', minimum: 1 } },
  enquiryId: { name: 'id', in: 'path', required: true, description: 'Enquiry id (a number)', schema: { type: 'integer', minimum: 1 } },
  item: { name: 'item', in: 'path', required: true, description: 'Infrastructure item', schema: { type: 'string', enum: [...INFRA_ITEMS] } },
};

const PLANNER_TEXT = 'Needs a signed-in planner or admin.';
const ADMIN_TEXT = 'Needs a signed-in admin.';

/** The prose of each contract endpoint (geodata/contract.ts holds its path, schemas and access). */
type Prose = {
  tag: string;
  summary: string;
  description?: string;
  /** What the success answer is. */
  ok: string;
  /** Each query parameter's meaning. */
  query?: Record<string, string>;
  errors?: Op['errors'];
};

const WRITE_ERRORS = [400, 401, 403, 404, 412, 413, 428] as Op['errors'];

const PROSE: Record<EndpointName, Prose> = {
  health: { tag: 'Service', summary: 'Liveness and database', description: 'Answers once the database answers: use it as the load balancer health check.', ok: 'The database kind, zone count and version' },

  zones: { tag: 'Zones', summary: 'All zones', description: 'A GeoJSON FeatureCollection of the zones with computed land (occupancy) and progress.', ok: 'The zones' },
  zone: { tag: 'Zones', summary: 'One zone', ok: 'The zone; its ETag is what PATCH needs in If-Match', errors: [400, 404] },
  zonePlots: { tag: 'Zones', summary: "A zone's plots", ok: 'The plots of the zone', errors: [400, 404] },
  zoneHistory: { tag: 'Zones', summary: "A zone's dated series", description: 'The seeded yearly figures, then one point per edit with the figures right after it.', ok: 'The series', errors: [400, 404] },
  histories: {
    tag: 'Zones', summary: "Every zone's dated series in one answer",
    description: "The same series as /zones/{id}/history, for all zones (or those named in zones=), in two database queries: what the leaders' dashboard and timeline read.",
    query: { zones: 'Comma list of zone ids (unknown ids are left out); all zones without it' }, ok: 'The series, one per zone', errors: [400],
  },
  patchZone: { tag: 'Editing', summary: 'Edit a zone', description: `${PLANNER_TEXT} Status changes add a dated history event. Every edit is written to the audit log in the same transaction.`, ok: 'The zone after the edit, with its new ETag', errors: WRITE_ERRORS },
  patchInfrastructure: { tag: 'Editing', summary: "Set an infrastructure item's progress", description: `${PLANNER_TEXT} The figure carries the planner's source note and date.`, ok: 'The zone after the edit', errors: WRITE_ERRORS },

  plots: {
    tag: 'Plots', summary: 'Plots, filtered',
    query: { bbox: 'minLon,minLat,maxLon,maxLat in WGS 84: plots whose bounding box intersects it', status: 'Comma list of plot statuses: leased, reserved, available, not_developed', zone: 'Zone id' },
    ok: 'The matching plots', errors: [400],
  },
  plot: { tag: 'Plots', summary: 'One plot', ok: 'The plot with its area; its ETag is what PATCH needs', errors: [400, 404] },
  patchPlot: { tag: 'Editing', summary: 'Edit a plot (status, tenant, lease, price)', description: `${PLANNER_TEXT} A leased plot needs a tenant; roads and green space cannot be leased.`, ok: 'The plot after the edit, with its new ETag', errors: WRITE_ERRORS },
  splitPlot: { tag: 'Editing', summary: 'Split a plot along a line', description: `${PLANNER_TEXT} The line must cross the plot from edge to edge, cutting it in exactly two.`, ok: 'The two new plots', errors: [400, 401, 403, 404, 413] },
  mergePlots: { tag: 'Editing', summary: 'Merge adjacent plots', description: `${PLANNER_TEXT} The plots must be in one zone, touch, and share land use, status and tenant.`, ok: 'The merged plot, keeping the first id', errors: [400, 401, 403, 413] },

  stats: { tag: 'Figures', summary: 'Province totals, KCN and CCN apart', ok: 'Totals' },
  sources: { tag: 'Figures', summary: 'Every source cited', ok: 'The sources' },
  basemaps: {
    tag: 'Figures',
    summary: 'Online basemaps offered',
    description: 'The raster tile services the map offers beside its offline basemap (configured by the operator: BASEMAPS_FILE or DATA_DIR/basemaps.json, else OpenStreetMap and Esri World Imagery), each with its attribution and terms.',
    ok: 'The services',
  },
  context: { tag: 'Figures', summary: 'Basemap layers', description: 'Province outline, district seats, national roads, the Cầu river and Ba Bể lake.', ok: 'The context features' },
  targets: { tag: 'Figures', summary: "Resolution 16's targets with today's computed occupancy", ok: 'The targets', errors: [404] },
  yearly: { tag: 'Figures', summary: "The province's yearly indicators", description: 'Industrial growth and the other yearly series that the targets follow (by indicator key), from the dataset the database was seeded with.', ok: 'The series' },
  provinceFacts: { tag: 'Figures', summary: "The new province's published KCN and CCN figures", description: 'Thái Nguyên province (since 1 July 2025): KCN and CCN counts, areas, average occupancy and the provincial plan\'s targets to 2030 (QĐ 222/QĐ-TTg), as its published sources state them, each with its date and source; value null where no source gives one. Not sums of the atlas\'s zones.', ok: 'The facts' },
  tour: { tag: 'Figures', summary: "The leaders' tour", description: 'The edited tour if a planner saved one, else the bundled one.', ok: 'The tour, with an ETag naming its version', errors: [404] },
  putTour: { tag: 'Editing', summary: "Replace the leaders' tour", description: `${PLANNER_TEXT} Each stop targets a zone id or "province". Versioned like a plot: If-Match must name the ETag from GET /api/tour.`, ok: 'The saved tour, with its new ETag', errors: [400, 401, 403, 412, 413, 428] },

  sendEnquiry: { tag: 'Enquiries', summary: 'Send an investor enquiry', description: 'Public: no account needed. Rate-limited per client address, size-capped; give an email address or a phone number.', ok: 'Received', errors: [400, 413, 429] },
  enquiries: { tag: 'Enquiries', summary: 'The enquiry inbox', description: PLANNER_TEXT, ok: 'Newest first', errors: [401, 403] },
  patchEnquiry: { tag: 'Enquiries', summary: 'Move an enquiry along (new → contacted → site_visit → closed)', description: PLANNER_TEXT, ok: 'The enquiry', errors: [400, 401, 403, 404] },

  session: { tag: 'Accounts', summary: 'Who is signed in', description: `The user and the CSRF token to send as ${CSRF_HEADER}; nulls for a viewer.`, ok: 'The session' },
  signIn: {
    tag: 'Accounts', summary: 'Sign in',
    description: `Sets the ${SESSION_COOKIE} cookie (HttpOnly, SameSite=Strict, Secure over HTTPS, ${SESSION_HOURS} h) with a fresh token. Each attempt is counted before the password is checked. Per username and address, 5 failures are free, then each attempt waits 15 s × 2^(failures − 5), at most 15 min; per address, 20 failures per 15 min. There is no lock per username alone, so nobody can lock another user out; 429 with Retry-After when over a limit, 503 when too many passwords are being checked at once. The answer never says whether a username exists.`,
    ok: 'Signed in: the user and the CSRF token', errors: [400, 401, 429],
  },
  signOut: { tag: 'Accounts', summary: 'Sign out', ok: 'Signed out; the cookie is cleared', errors: [401, 403] },
  users: { tag: 'Accounts', summary: 'List accounts', description: ADMIN_TEXT, ok: 'The accounts (never their passwords)', errors: [401, 403] },
  createUser: { tag: 'Accounts', summary: 'Create an account', description: ADMIN_TEXT, ok: 'The account', errors: [400, 401, 403] },
  patchUser: {
    tag: 'Accounts', summary: 'Change role, password or disable an account',
    description: `${ADMIN_TEXT} Ends the user's sessions; an admin cannot lock themself out, and a change that would leave no active admin gets 409 (checked under a lock, so two admins cannot disable each other at once).`,
    ok: 'The account', errors: [400, 401, 403, 404, 409],
  },
  clearSignInLock: {
    tag: 'Accounts', summary: "Clear a user's sign-in locks",
    description: `${ADMIN_TEXT} Forgets the user's failed sign-ins at every address, so a user slowed down by someone else's guesses can sign in at once. Recorded in the audit log.`,
    ok: 'How many failed attempts were forgotten', errors: [401, 403, 404],
  },
  audit: {
    tag: 'Accounts', summary: 'The audit log', description: `${PLANNER_TEXT} Append-only: who changed what, when and why.`,
    query: { entity: 'zone:ID, plot:ID or user:ID', zone: 'Entries of this zone, including its plots', since: 'RFC 3339 date-time, or YYYY[-MM[-DD]]', before: 'Cursor: only entries with a smaller id (the previous page\'s next)', limit: '1–500, default 100' },
    ok: 'Newest first', errors: [400, 401, 403],
  },
};

/** The component name a schema is listed under. Every contract schema must be listed. */
function componentName<T extends Record<string, z.ZodType>>(table: T, schema: z.ZodType | undefined): keyof T & string | undefined {
  if (!schema) return undefined;
  const hit = Object.entries(table).find(([, s]) => s === schema);
  if (!hit) throw new Error(`a contract schema has no component name in server/openapi/document.ts: ${JSON.stringify(z.toJSONSchema(schema, { unrepresentable: 'any' })).slice(0, 120)}`);
  return hit[0] as keyof T & string;
}

/** A contract endpoint with its prose, as the document describes it. */
function fromContract(name: EndpointName): Op {
  const e: Endpoint = endpoints[name];
  const p = PROSE[name];
  return {
    method: e.method,
    path: e.path,
    tag: p.tag,
    summary: p.summary,
    ...(p.description ? { description: p.description } : {}),
    ...(e.access !== 'public' ? { access: e.access } : {}),
    ...(e.params ? { params: [...e.params] } : {}),
    ...(e.query ? { query: { schema: e.query, descriptions: p.query ?? {} } } : {}),
    ...(e.body ? { body: componentName(REQUEST_BODIES, e.body) } : {}),
    ...(e.ifMatch ? { ifMatch: true } : {}),
    ok: { status: e.status, description: p.ok, ...(e.response ? { schema: componentName(RESPONSES, e.response) } : {}), ...(e.etag ? { etag: true } : {}) },
    ...(p.errors ? { errors: p.errors } : {}),
  };
}

/** Endpoints outside the JSON contract: this description itself and the file transfers. */
const FILE_AND_SERVICE_OPERATIONS: Op[] = [
  { method: 'get', path: '/openapi.json', tag: 'Service', summary: 'This description (OpenAPI 3.1)', ok: { status: 200, description: 'The OpenAPI document' } },
  { method: 'get', path: '/docs', tag: 'Service', summary: 'This description as a readable page', ok: { status: 200, description: 'HTML', contentType: 'text/html' } },
  {
    method: 'get', path: '/export', tag: 'Files', summary: 'Download a layer as GeoJSON, CSV, KML, GeoPackage or Shapefile',
    description: 'Public, like the map. A file download (Content-Disposition: attachment); X-Feature-Count gives the number of features.',
    query: { schema: exportQuery, descriptions: { layer: 'zones, plots or context', format: 'File format', crs: 'Coordinate system, e.g. EPSG:4326 (default) or EPSG:9213 (VN-2000)', zone: 'Only this zone', region: 'Only zones (or plots of zones) of this former province: bac-kan or thai-nguyen', status: 'Comma list of statuses', ids: 'Comma list of feature ids' } },
    ok: { status: 200, description: 'The file', contentType: ['application/geo+json', 'text/csv', 'application/vnd.google-earth.kml+xml', 'application/geopackage+sqlite3', 'application/zip'] }, errors: [400],
  },
  {
    method: 'post', path: '/import', tag: 'Files', summary: 'Import features from a file (GeoJSON, CSV, KML, GeoPackage, Shapefile…)',
    description: `${PLANNER_TEXT} The body is the file itself (its name in ?filename= or Content-Disposition) or multipart/form-data with the file in the field "file". Has its own size limit (IMPORT_MAX_BYTES, 50 MB by default). With dryRun=true nothing is written: the answer is the report of what would change.`,
    access: 'planner',
    query: {
      parameters: [
        { name: 'layer', in: 'query', required: true, description: 'Layer to import into', schema: { type: 'string', enum: [...LAYERS] } },
        { name: 'zone', in: 'query', required: false, description: 'Zone the plots belong to (else each plot names its zone_id)', schema: requestSchema(idParam) },
        { name: 'crs', in: 'query', required: false, description: 'Coordinate system of the file when it does not say', schema: { type: 'string', pattern: '^(EPSG:)?\\d{4,5}$' } },
        { name: 'dryRun', in: 'query', required: false, description: 'true: check and report only', schema: { type: 'string', enum: ['true', 'false', '1', '0'] } },
        { name: 'filename', in: 'query', required: false, description: 'File name, when not in Content-Disposition', schema: { type: 'string', maxLength: 255 } },
      ],
    },
    rawBody: {
      required: true,
      content: {
        'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } },
        'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', contentMediaType: 'application/octet-stream' } }, required: ['file'] } },
      },
    },
    ok: { status: 200, description: 'The import report (with dryRun, what would be imported)' }, errors: [400, 401, 403, 413, 415, 422],
  },
];

/** Every /api endpoint. A test checks this list against the routes the app really serves. */
export const OPERATIONS: Op[] = [...(Object.keys(endpoints) as EndpointName[]).map(fromContract), ...FILE_AND_SERVICE_OPERATIONS];

function queryParameters(q: NonNullable<Op['query']>): Json[] {
  if ('parameters' in q) return q.parameters;
  const schema = requestSchema(q.schema) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: schema.required?.includes(name) ?? false,
    ...(q.descriptions[name] ? { description: q.descriptions[name] } : {}),
    schema: s,
  }));
}

const problemRef = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

function operation(op: Op): Json {
  const responses: Json = {};
  const okHeaders: Json = op.ok.etag ? { ETag: { $ref: '#/components/headers/ETag' } } : {};
  responses[op.ok.status] = {
    description: op.ok.description,
    ...(Object.keys(okHeaders).length ? { headers: okHeaders } : {}),
    ...(op.ok.status === 204
      ? {}
      : {
          content: Object.fromEntries(
            [op.ok.contentType ?? 'application/json'].flat().map((t) => [
              t,
              { schema: op.ok.schema ? { $ref: `#/components/schemas/${op.ok.schema}` } : t === 'application/json' ? { type: 'object' } : { type: 'string' } },
            ]),
          ),
        }),
  };
  for (const status of op.errors ?? []) {
    responses[status] = {
      description: ERROR_TEXT[status],
      ...(status === 429 ? { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } } } : {}),
      content: problemRef,
    };
  }
  responses['500'] = { description: 'Server error (for example the database is unreachable)', content: problemRef };
  const parameters = [
    ...(op.params ?? []).map((p) => PATH_PARAMS[p]),
    ...(op.query ? queryParameters(op.query) : []),
    ...(op.ifMatch ? [{ $ref: '#/components/parameters/IfMatch' }] : []),
  ];
  const writes = op.method !== 'get';
  return {
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    operationId: `${op.method}${op.path.replace(/[{}]/g, '').replace(/[^a-zA-Z0-9]+/g, '_')}`,
    ...(parameters.length ? { parameters } : {}),
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${op.body}` } } } } } : {}),
    ...(op.rawBody ? { requestBody: op.rawBody } : {}),
    responses,
    security: !op.access || op.access === 'public' ? [] : writes ? [{ sessionCookie: [], csrfToken: [] }] : [{ sessionCookie: [] }],
    ...(op.access && op.access !== 'public' ? { 'x-role': op.access === 'admin' ? ['admin'] : ['planner', 'admin'] } : {}),
  };
}

export function apiDocument(version: string): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const op of OPERATIONS) {
    paths[op.path] ??= {};
    paths[op.path]![op.method] = operation(op);
  }
  const schemas: Json = {};
  for (const [name, s] of Object.entries(REQUEST_BODIES)) schemas[name] = requestSchema(s);
  for (const [name, s] of Object.entries(RESPONSES)) if (!(name in schemas)) schemas[name] = responseSchema(s);
  return {
    openapi: '3.1.0',
    info: {
      title: 'iz-atlas API',
      version,
      description: [
        'The JSON API of iz-atlas: industrial parks (KCN) and clusters (CCN) of former Bắc Kạn province, Thái Nguyên.',
        '',
        '**Formats.** JSON in and out; responses are gzip-compressed when asked and carry an ETag (If-None-Match gives 304). Errors are `application/problem+json` (RFC 9457); a 400 lists each bad parameter or body field in `invalid-params`.',
        '',
        `**Signing in.** POST /session sets the \`${SESSION_COOKIE}\` cookie (HttpOnly, SameSite=Strict) and returns a CSRF token. Every state-changing request (POST, PUT, PATCH, DELETE other than signing in and sending an enquiry) must carry that token in \`${CSRF_HEADER}\`: without it the answer is 403. Roles: planner (edits) and admin (also accounts).`,
        '',
        '**Concurrent edits.** GET of a zone or plot returns an ETag naming its version. PATCH must send it back in If-Match: without it 428, with an older one 412 (the body then holds the current record in `current`), so nobody overwrites a change they have not seen.',
        '',
        'The same data is served for GIS clients as OGC API – Features under /ogc.',
      ].join('\n'),
    },
    servers: [{ url: '/api' }],
    tags: ['Service', 'Zones', 'Plots', 'Figures', 'Editing', 'Files', 'Enquiries', 'Accounts'].map((name) => ({ name })),
    paths,
    components: {
      schemas,
      parameters: {
        IfMatch: {
          name: 'If-Match',
          in: 'header',
          required: true,
          description: 'The ETag from GET of this record (e.g. "v3" or "v3.1a2b3c4d5e"); 428 without it, 412 if the record changed since',
          schema: { type: 'string' },
        },
      },
      headers: {
        ETag: { description: 'Version tag of the record: send it as If-Match to edit it', schema: { type: 'string' } },
      },
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Set by POST /api/session' },
        csrfToken: { type: 'apiKey', in: 'header', name: CSRF_HEADER, description: 'The csrfToken from GET or POST /api/session; required on state-changing requests' },
      },
    },
  };
}
