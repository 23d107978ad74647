/**
 * OGC API – Features Part 1 under /ogc: Core, GeoJSON, HTML and OpenAPI 3.0. Read-only and public,
 * over the same repositories as /api. GIS clients (QGIS, ArcGIS Pro, GDAL's OAPIF driver) add it
 * by its landing page URL, …/ogc.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { createHash } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { dataStamp, openEnquiryStamp } from '../domain/data-stamp.ts';
import { busyProblem } from '../heavy/busy.ts';
import { HeavyWork } from '../heavy/queue.ts';
import { batchStream, jsonArrayStream } from '../http/batch-stream.ts';
import { invalidFields, problem } from '../http/problem.ts';
import { renderOpenApiHtml } from '../openapi/docs-html.ts';
import { bboxOf, COLLECTIONS, intersects, type BBox, type Collection } from './collections.ts';
import { MEDIA, ogcUrl, prefersHtml, withQuery, type Link } from './links.ts';
import { ogcOpenApi } from './openapi.ts';
import { checkLang, issue, LIMIT, matches, parseFormat, parseItemsQuery, type Format, type Issue } from './params.ts';
import * as views from './views.ts';

export const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
];

const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

const TITLE = 'iz-atlas: industrial parks and clusters of Bắc Kạn (Thái Nguyên)';
const DESCRIPTION =
  'Industrial parks (KCN) and clusters (CCN) of former Bắc Kạn province, part of Thái Nguyên since 1 July 2025: zones with occupancy and infrastructure progress, their plots, infrastructure items with sources, basemap context, and the communes and wards since 1 July 2025. The geometry of zones and plots is approximate; the communes are real boundaries from the state map publisher.';

const badParams = (c: Context, issues: Issue[]) => invalidFields(c, 'invalidParameter', issues);

/** f (and lang) and nothing else, for the pages that take no other parameter. */
function formatOnly(c: Context): { format: Format } | { error: Response } {
  const query = c.req.queries();
  const issues: Issue[] = Object.keys(query)
    .filter((k) => k !== 'f' && k !== 'lang')
    .map((name) => issue(name, 'ogcOnlyF'));
  const f = parseFormat(query.f?.[0]);
  if (f && typeof f === 'object') issues.push(f);
  const lang = checkLang(query.lang?.[0]);
  if (lang) issues.push(lang);
  if (issues.length) return { error: badParams(c, issues) };
  return { format: resolveFormat(c, f as Format | null) };
}

const resolveFormat = (c: Context, f: Format | null): Format => f ?? (prefersHtml(c.req.header('accept')) ? 'html' : 'json');

/** JSON or HTML of the same resource; the response varies with Accept when f is absent. */
function send(c: Context, format: Format, json: unknown, html: () => string, type: string = MEDIA.json) {
  c.header('Vary', 'Accept');
  if (format === 'html') return c.html(html());
  return c.body(JSON.stringify(json), 200, { 'Content-Type': `${type}; charset=utf-8` });
}

const alternates = (c: Context, format: Format, jsonType: string = MEDIA.json): Link[] => [
  { href: withQuery(c, { f: format }), rel: 'self', type: format === 'html' ? MEDIA.html : jsonType, title: 'This document' },
  format === 'html'
    ? { href: withQuery(c, { f: 'json' }), rel: 'alternate', type: jsonType, title: 'This document as JSON' }
    : { href: withQuery(c, { f: 'html' }), rel: 'alternate', type: MEDIA.html, title: 'This document as HTML' },
];

function collectionDoc(c: Context, col: Collection, extent: BBox | null) {
  const base = `/collections/${col.id}`;
  const links: Link[] = [
    { href: ogcUrl(c, base), rel: 'self', type: MEDIA.json, title: col.title },
    { href: ogcUrl(c, base, { f: 'html' }), rel: 'alternate', type: MEDIA.html, title: `${col.title} as HTML` },
    { href: ogcUrl(c, `${base}/items`), rel: 'items', type: MEDIA.geojson, title: `${col.title}: features as GeoJSON` },
    { href: ogcUrl(c, `${base}/items`, { f: 'html' }), rel: 'items', type: MEDIA.html, title: `${col.title}: features as HTML` },
    { href: ogcUrl(c, `${base}/schema`), rel: 'describedby', type: MEDIA.jsonSchema, title: 'JSON Schema of a feature' },
    // Relation types are case-insensitive (RFC 8288), but GDAL up to at least 3.9 only looks for
    // "describedBy"; without the schema it types columns from the first page (33.3 → Integer).
    { href: ogcUrl(c, `${base}/schema`), rel: 'describedBy', type: MEDIA.jsonSchema, title: 'JSON Schema of a feature' },
  ];
  return {
    id: col.id,
    title: col.title,
    description: col.description,
    ...(extent ? { extent: { spatial: { bbox: [extent], crs: CRS84 } } } : {}),
    itemType: 'feature',
    crs: [CRS84],
    links,
  };
}

/**
 * JSON Schema of a feature of the collection, which GDAL reads (describedby) to type its columns.
 * Each property has one JSON type, the form GDAL understands; any of them may be null.
 */
function featureSchema(c: Context, col: Collection) {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: ogcUrl(c, `/collections/${col.id}/schema`),
    title: col.title,
    description: `${col.description} Any property may be null (no data).`,
    type: 'object',
    required: ['type', 'id', 'geometry', 'properties'],
    properties: {
      type: { type: 'string', enum: ['Feature'] },
      id: { type: 'string' },
      geometry: { type: 'object', description: `GeoJSON ${col.geometryTypes.join(' or ')}, WGS 84` },
      properties: {
        type: 'object',
        properties: Object.fromEntries(col.fields.map((f) => [f.name, { type: f.type, description: f.description, ...(f.enum ? { enum: [...f.enum] } : {}) }])),
      },
    },
  };
}

export function ogcRoutes(db: Database) {
  const byId = new Map(COLLECTIONS.map((c) => [c.id, c]));
  const unknownCollection = (c: Context, id: string) =>
    problem(c, 404, 'ogcCollectionNotFound', { params: { id, collections: COLLECTIONS.map((x) => x.id).join(', ') } });

  // A page larger than the default (a GIS client asking for a whole collection at once) is heavy
  // work: one is built at a time, eight wait, beyond that 503 with Retry-After; its GeoJSON or
  // HTML table is streamed in batches, so map reads are answered between them (issue #14).
  const largePages = new HeavyWork<never>({ running: 1, waiting: 8, maxCacheBytes: 0, retryAfterSeconds: 2 });

  return new Hono()
    .use(async (c, next) => {
      await next();
      if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-cache');
      c.res.headers.set('Access-Control-Allow-Origin', '*');
    })
    .get('/', (c) => {
      const r = formatOnly(c);
      if ('error' in r) return r.error;
      const doc = {
        title: TITLE,
        description: DESCRIPTION,
        links: [
          ...alternates(c, r.format),
          { href: ogcUrl(c, '/api'), rel: 'service-desc', type: MEDIA.oas30, title: 'The API definition (OpenAPI 3.0)' },
          { href: ogcUrl(c, '/api', { f: 'html' }), rel: 'service-doc', type: MEDIA.html, title: 'The API documentation' },
          { href: ogcUrl(c, '/conformance'), rel: 'conformance', type: MEDIA.json, title: 'Conformance classes' },
          { href: ogcUrl(c, '/collections'), rel: 'data', type: MEDIA.json, title: 'The feature collections' },
        ],
      };
      return send(c, r.format, doc, () => views.landingPage(doc, ogcUrl(c, '', { f: 'json' })));
    })
    .get('/conformance', (c) => {
      const r = formatOnly(c);
      if ('error' in r) return r.error;
      return send(c, r.format, { conformsTo: CONFORMANCE, links: alternates(c, r.format) }, () => views.conformancePage(CONFORMANCE, withQuery(c, { f: 'json' })));
    })
    .get('/api', (c) => {
      const r = formatOnly(c);
      if ('error' in r) return r.error;
      const doc = ogcOpenApi(ogcUrl(c, ''), COLLECTIONS);
      return send(c, r.format, doc, () => renderOpenApiHtml(doc, { jsonHref: withQuery(c, { f: 'json' }), crumbs: [{ href: '/ogc', label: 'iz-atlas OGC API' }] }), MEDIA.oas30);
    })
    .get('/collections', async (c) => {
      const r = formatOnly(c);
      if ('error' in r) return r.error;
      const cols = await Promise.all(COLLECTIONS.map(async (col) => collectionDoc(c, col, await col.extent(db))));
      return send(c, r.format, { links: alternates(c, r.format), collections: cols }, () => views.collectionsPage(cols, withQuery(c, { f: 'json' })));
    })
    .get('/collections/:cid', async (c) => {
      const col = byId.get(c.req.param('cid'));
      if (!col) return unknownCollection(c, c.req.param('cid'));
      const r = formatOnly(c);
      if ('error' in r) return r.error;
      const doc = collectionDoc(c, col, await col.extent(db));
      doc.links.splice(0, 2, ...alternates(c, r.format));
      return send(c, r.format, doc, () => views.collectionPage(col, doc, withQuery(c, { f: 'json' })));
    })
    .get('/collections/:cid/schema', (c) => {
      const col = byId.get(c.req.param('cid'));
      if (!col) return unknownCollection(c, c.req.param('cid'));
      return c.body(JSON.stringify(featureSchema(c, col)), 200, { 'Content-Type': `${MEDIA.jsonSchema}; charset=utf-8` });
    })
    .get('/collections/:cid/items', async (c) => {
      const col = byId.get(c.req.param('cid'));
      if (!col) return unknownCollection(c, c.req.param('cid'));
      const parsed = parseItemsQuery(col, c.req.queries());
      if (!parsed.ok) return badParams(c, parsed.issues);
      const q = parsed.value;
      const format = resolveFormat(c, q.format);
      let leave = () => {};
      if (q.limit > LIMIT.default) {
        try {
          leave = await largePages.enter();
        } catch (err) {
          const busy = busyProblem(c, err, 'busyPages');
          if (busy) return busy;
          throw err;
        }
      }
      try {
        const equals = Object.fromEntries(q.filters.map((flt) => [flt.field.name, flt.values]));
        const matched = (await col.candidates(db, { bbox: q.bbox, equals })).filter(
          (f) => (!q.bbox || intersects(bboxOf(f.geometry), q.bbox)) && q.filters.every((flt) => matches(f.properties[flt.field.name], flt)),
        );
        const features = matched.slice(q.offset, q.offset + q.limit);
        const jsonType = MEDIA.geojson;
        const links: Link[] = [...alternates(c, format, jsonType)];
        const page = (offset: number, rel: 'next' | 'prev') => [
          { href: withQuery(c, { offset, limit: q.limit, f: 'json' }), rel, type: jsonType, title: rel === 'next' ? 'Next page' : 'Previous page' },
          { href: withQuery(c, { offset, limit: q.limit, f: 'html' }), rel, type: MEDIA.html, title: rel === 'next' ? 'Next page (HTML)' : 'Previous page (HTML)' },
        ];
        if (q.offset + features.length < matched.length) links.push(...page(q.offset + q.limit, 'next'));
        if (q.offset > 0) links.push(...page(Math.max(0, q.offset - q.limit), 'prev'));
        links.push({ href: ogcUrl(c, `/collections/${col.id}`), rel: 'collection', type: MEDIA.json, title: col.title });
        // The ETag is the data's and the request's, known before the body, so the body can be streamed.
        const version = JSON.stringify([await dataStamp(db), await openEnquiryStamp(db), c.req.url, format]);
        c.header('Vary', 'Accept');
        c.header('ETag', `W/"${createHash('sha1').update(version).digest('base64url')}"`);
        const numbers = { numberMatched: matched.length, numberReturned: features.length };
        const body =
          format === 'html'
            ? batchStream({ ...views.itemsPage(col, { links, ...numbers }, q.offset, withQuery(c, { f: 'json' })), list: features, separator: '\n' }, leave)
            : jsonArrayStream(`${JSON.stringify({ type: 'FeatureCollection', links, ...numbers }).slice(0, -1)},"features":[`, features, ']}', leave);
        leave = () => {}; // the stream gives the slot back when it ends or the client goes away
        return c.body(body, 200, { 'Content-Type': format === 'html' ? 'text/html; charset=UTF-8' : `${jsonType}; charset=utf-8` });
      } finally {
        leave();
      }
    })
    .get('/collections/:cid/items/:fid', async (c) => {
      const col = byId.get(c.req.param('cid'));
      if (!col) return unknownCollection(c, c.req.param('cid'));
      const r = formatOnly(c);
      if ('error' in r) return r.error;
      const id = c.req.param('fid');
      const feature = id.length <= 200 ? await col.one(db, id) : null;
      if (!feature) return problem(c, 404, 'ogcFeatureNotFound', { params: { id: id.slice(0, 200), collection: col.id } });
      const path = `/collections/${col.id}/items/${encodeURIComponent(id)}`;
      const body = {
        ...feature,
        links: [
          ...alternates(c, r.format, MEDIA.geojson),
          { href: ogcUrl(c, `/collections/${col.id}`), rel: 'collection', type: MEDIA.json, title: col.title },
        ],
      };
      return send(c, r.format, body, () => views.featurePage(col, feature, bboxOf(feature.geometry), ogcUrl(c, path, { f: 'json' })), MEDIA.geojson);
    })
    .all('*', (c) => problem(c, 404, 'ogcNotFound', { params: { method: c.req.method, path: c.req.path } }));
}
