import { Hono } from 'hono';
import { APP_VERSION } from '../version.ts';
import { renderOpenApiHtml } from './docs-html.ts';
import { apiDocument } from './document.ts';

/** GET /api/openapi.json and GET /api/docs: the API description, built once per process. */
export function openapiRoutes() {
  let json: string | null = null;
  let page: string | null = null;
  const doc = () => apiDocument(APP_VERSION);
  return new Hono()
    .get('/openapi.json', (c) => {
      json ??= JSON.stringify(doc());
      return c.body(json, 200, { 'Content-Type': 'application/json; charset=utf-8', 'Access-Control-Allow-Origin': '*' });
    })
    .get('/docs', (c) => {
      page ??= renderOpenApiHtml(doc(), { jsonHref: '/api/openapi.json', crumbs: [{ href: '/api/docs', label: 'iz-atlas API' }] });
      return c.html(page);
    });
}
