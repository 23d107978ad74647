import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { auditQuery, enquiryBody, plotPatchBody, zonePatchBody } from '../../geodata/requests.ts';
import { createApp, type App } from '../../server/app.ts';
import type { Database } from '../../server/db/database.ts';
import { REQUEST_BODIES, RESPONSES } from '../../server/openapi/document.ts';
import { plotsQuery } from '../../server/routes/query.ts';
import { openTestDb } from '../support/db.ts';

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { parameters?: { name?: string; in?: string; $ref?: string; schema?: unknown; required?: boolean }[]; requestBody?: { content: Record<string, { schema: { $ref: string } }> }; responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, unknown> }>; security?: Record<string, string[]>[] }>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, { type: string; in: string; name: string }>; parameters: Record<string, { name: string; in: string }> };
};

let db: Database;
let app: App;
let doc: Doc;
beforeAll(async () => {
  db = await openTestDb(inject('dbSnapshot'));
  app = createApp({ db });
  const res = await app.request('/api/openapi.json');
  expect(res.status).toBe(200);
  doc = (await res.json()) as Doc;
});
afterAll(() => db.close());

/** Hono's /api/zones/:id/infrastructure/:item → OpenAPI's /zones/{id}/infrastructure/{item} under the /api server. */
const openApiPath = (honoPath: string) => honoPath.replace(/^\/api/, '').replace(/:(\w+)/g, '{$1}');

/** Every [method, path] the app really serves under /api (middleware and the 404 catch-all left out). */
function servedRoutes(): [string, string][] {
  const seen = new Set<string>();
  for (const r of app.routes) {
    if (r.method === 'ALL' || !r.path.startsWith('/api/') || r.path.includes('*')) continue;
    seen.add(`${r.method.toLowerCase()} ${openApiPath(r.path)}`);
  }
  return [...seen].sort().map((s) => s.split(' ') as [string, string]);
}

describe('GET /api/openapi.json', () => {
  it('is OpenAPI 3.1 with the API under /api', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).length).toBeGreaterThan(15);
  });

  it('describes every route the app serves under /api', () => {
    const routes = servedRoutes();
    expect(routes.length).toBeGreaterThan(25);
    const missing = routes.filter(([method, path]) => !doc.paths[path]?.[method]).map((r) => r.join(' '));
    expect(missing, 'routes served but not described in server/openapi/document.ts').toEqual([]);
  });

  it('describes nothing the app does not serve', () => {
    const served = new Set(servedRoutes().map((r) => r.join(' ')));
    const described = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(described.filter((d) => !served.has(d))).toEqual([]);
  });

  it('generates request bodies from the zod schemas that validate them', () => {
    expect(doc.components.schemas.PlotPatchBody).toEqual(z.toJSONSchema(plotPatchBody));
    expect(doc.components.schemas.PlotPatchBody).toEqual(z.toJSONSchema(plotPatchBody, { io: 'input' }));
    expect(doc.components.schemas.ZonePatchBody).toEqual(z.toJSONSchema(zonePatchBody, { io: 'input' }));
    // enquiryBody has transforms: its request side is what the document shows.
    expect(doc.components.schemas.EnquiryBody).toEqual(z.toJSONSchema(enquiryBody, { io: 'input' }));
    for (const [name, schema] of Object.entries(REQUEST_BODIES)) expect(doc.components.schemas[name], name).toEqual(z.toJSONSchema(schema, { io: 'input' }));
    const patch = doc.paths['/plots/{id}']!.patch!;
    expect(patch.requestBody!.content['application/json']!.schema.$ref).toBe('#/components/schemas/PlotPatchBody');
  });

  it('generates query parameters from the zod query schemas', () => {
    const params = (path: string) => doc.paths[path]!.get!.parameters!.filter((p) => p.in === 'query');
    const plots = z.toJSONSchema(plotsQuery, { io: 'input' }) as { properties: Record<string, unknown> };
    expect(params('/plots').map((p) => p.name)).toEqual(Object.keys(plots.properties));
    for (const p of params('/plots')) expect(p.schema).toEqual(plots.properties[p.name!]);
    const audit = z.toJSONSchema(auditQuery, { io: 'input' }) as { properties: Record<string, unknown> };
    expect(params('/audit').map((p) => p.name)).toEqual(Object.keys(audit.properties));
  });

  it('documents cookie sign-in, X-CSRF-Token, If-Match with 428/412, and problem+json errors', () => {
    expect(doc.components.securitySchemes.sessionCookie).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'iz_session' });
    expect(doc.components.securitySchemes.csrfToken).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token' });
    expect(doc.components.parameters.IfMatch).toMatchObject({ name: 'If-Match', in: 'header' });
    for (const [path, method] of [['/plots/{id}', 'patch'], ['/zones/{id}', 'patch'], ['/zones/{id}/infrastructure/{item}', 'patch']] as const) {
      const op = doc.paths[path]![method]!;
      expect(op.security).toEqual([{ sessionCookie: [], csrfToken: [] }]);
      expect(op.parameters).toContainEqual({ $ref: '#/components/parameters/IfMatch' });
      for (const status of ['400', '401', '403', '412', '428']) expect(op.responses[status]?.content).toHaveProperty(['application/problem+json']);
      expect(op.responses['200']!.headers).toHaveProperty('ETag');
    }
    expect(doc.paths['/zones/{id}']!.get!.responses['200']!.headers).toHaveProperty('ETag');
    expect(doc.paths['/zones']!.get!.security).toEqual([]);
    expect(doc.paths['/audit']!.get!.security).toEqual([{ sessionCookie: [] }]);
    expect(doc.paths['/session']!.post!.responses['429']!.headers).toHaveProperty('Retry-After');
    expect(doc.components.schemas.Problem).toMatchObject({ type: 'object', required: expect.arrayContaining(['type', 'title', 'status']) });
  });

  it('describes the responses as they really are: live answers parse with the documented schemas', async () => {
    const cases: [string, keyof typeof RESPONSES][] = [
      ['/api/health', 'Health'],
      ['/api/zones', 'ZoneCollection'],
      ['/api/zones/ccn-huyen-tung', 'Zone'],
      ['/api/zones/ccn-huyen-tung/plots', 'PlotCollection'],
      ['/api/zones/ccn-vang-muoi/history', 'ZoneHistory'],
      ['/api/history', 'ZoneHistories'],
      ['/api/history?zones=ccn-vang-muoi,ccn-huyen-tung', 'ZoneHistories'],
      ['/api/yearly', 'Yearly'],
      ['/api/plots?status=leased', 'PlotCollection'],
      ['/api/plots/ccn-vang-muoi-cn-01', 'Plot'],
      ['/api/stats', 'Stats'],
      ['/api/sources', 'Sources'],
      ['/api/context', 'ContextCollection'],
      ['/api/session', 'SessionInfo'],
      ['/api/targets', 'Targets'],
      ['/api/tour', 'Tour'],
      ['/api/zones/nowhere', 'Problem'],
    ];
    for (const [path, name] of cases) {
      const body = await (await app.request(path)).json();
      const parsed = RESPONSES[name].safeParse(body);
      expect(parsed.success, `${path} as ${name}: ${parsed.error?.message}`).toBe(true);
    }
  });
});

describe('GET /api/docs', () => {
  it('is a self-contained HTML reference of every endpoint: no script, nothing external', async () => {
    const res = await app.request('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const page = await res.text();
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//i);
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const method of Object.keys(ops)) expect(page, `${method} ${path}`).toContain(`${method.toUpperCase()}</span> <code>/api${path}</code>`);
    }
    expect(page).toContain('X-CSRF-Token');
    expect(page).toContain('If-Match');
    expect(page).toContain('PlotPatchBody');
  });
});
