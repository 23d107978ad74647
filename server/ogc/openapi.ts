/**
 * The OpenAPI 3.0 definition of /ogc (conformance class oas30), linked as service-desc from the
 * landing page. It is generated from the collection definitions, so each collection's items path
 * lists exactly the property filters the server accepts; GDAL reads these to send attribute
 * filters to the server.
 */
import { APP_VERSION } from '../version.ts';
import type { Collection, FieldMeta } from './collections.ts';
import { LIMIT } from './params.ts';

type Json = Record<string, unknown>;

const problemResponse = (description: string): Json => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

const jsonAndHtml = (schema: string, description: string, json = 'application/json'): Json => ({
  description,
  content: { [json]: { schema: { $ref: `#/components/schemas/${schema}` } }, 'text/html': { schema: { type: 'string' } } },
});

const fieldSchema = (f: FieldMeta): Json => ({
  type: f.type,
  nullable: true,
  description: f.description,
  ...(f.enum ? { enum: [...f.enum, null] } : {}),
});

const filterParam = (f: FieldMeta, name = f.name): Json => ({
  name,
  in: 'query',
  required: false,
  style: 'form',
  explode: false,
  description: `${f.description}. Equality; a comma-separated list matches any of the values.${name !== f.name ? ` Same as ${f.name}.` : ''}`,
  schema: f.type === 'boolean' ? { type: 'boolean' } : f.enum ? { type: 'string', enum: [...f.enum] } : { type: 'string' },
});

export function ogcOpenApi(serverUrl: string, collections: readonly Collection[]): Json {
  const paths: Json = {
    '/': {
      get: {
        tags: ['Capabilities'],
        summary: 'Landing page',
        operationId: 'getLandingPage',
        parameters: [{ $ref: '#/components/parameters/f' }, { $ref: '#/components/parameters/lang' }],
        responses: { 200: jsonAndHtml('LandingPage', 'Links to the API definition, the conformance declaration and the collections'), 400: problemResponse('Bad parameter') },
      },
    },
    '/conformance': {
      get: {
        tags: ['Capabilities'],
        summary: 'Conformance classes this service implements',
        operationId: 'getConformanceDeclaration',
        parameters: [{ $ref: '#/components/parameters/f' }, { $ref: '#/components/parameters/lang' }],
        responses: { 200: jsonAndHtml('ConfClasses', 'The conformance classes'), 400: problemResponse('Bad parameter') },
      },
    },
    '/api': {
      get: {
        tags: ['Capabilities'],
        summary: 'This API definition',
        operationId: 'getApiDefinition',
        parameters: [{ $ref: '#/components/parameters/f' }, { $ref: '#/components/parameters/lang' }],
        responses: {
          200: { description: 'OpenAPI 3.0 document, or its HTML rendering', content: { 'application/vnd.oai.openapi+json;version=3.0': { schema: { type: 'object' } }, 'text/html': { schema: { type: 'string' } } } },
        },
      },
    },
    '/collections': {
      get: {
        tags: ['Capabilities'],
        summary: 'The feature collections',
        operationId: 'getCollections',
        parameters: [{ $ref: '#/components/parameters/f' }, { $ref: '#/components/parameters/lang' }],
        responses: { 200: jsonAndHtml('Collections', 'The collections with their extents and links'), 400: problemResponse('Bad parameter') },
      },
    },
  };
  for (const c of collections) {
    const filters = c.fields.filter((f) => f.filter);
    const base = `/collections/${c.id}`;
    paths[base] = {
      get: {
        tags: [c.title],
        summary: `Describes the ${c.id} collection`,
        operationId: `describe_${c.id}`,
        parameters: [{ $ref: '#/components/parameters/f' }, { $ref: '#/components/parameters/lang' }],
        responses: { 200: jsonAndHtml('Collection', c.description), 400: problemResponse('Bad parameter') },
      },
    };
    paths[`${base}/schema`] = {
      get: {
        tags: [c.title],
        summary: `JSON Schema of a ${c.id} feature's properties (describedby)`,
        operationId: `schema_${c.id}`,
        responses: { 200: { description: 'JSON Schema', content: { 'application/schema+json': { schema: { type: 'object' } } } } },
      },
    };
    paths[`${base}/items`] = {
      get: {
        tags: [c.title],
        summary: `Features of ${c.id}`,
        description: `${c.description} Paged with limit and offset (the response's next link carries them). Unknown parameters are refused with 400.`,
        operationId: `getFeatures_${c.id}`,
        parameters: [
          { $ref: '#/components/parameters/f' },
          { $ref: '#/components/parameters/bbox' },
          { $ref: '#/components/parameters/limit' },
          { $ref: '#/components/parameters/offset' },
          { $ref: '#/components/parameters/datetime' },
          { $ref: '#/components/parameters/lang' },
          ...filters.map((f) => filterParam(f)),
          ...Object.entries(c.aliases).map(([alias, target]) => filterParam(filters.find((f) => f.name === target)!, alias)),
        ],
        responses: {
          200: {
            description: 'A GeoJSON FeatureCollection (application/geo+json) or an HTML table',
            content: {
              'application/geo+json': { schema: { $ref: `#/components/schemas/FeatureCollection_${c.id}` } },
              'text/html': { schema: { type: 'string' } },
            },
          },
          400: problemResponse('A parameter is malformed or unknown; invalid-params names each'),
          404: problemResponse('No such collection'),
        },
      },
    };
    paths[`${base}/items/{featureId}`] = {
      get: {
        tags: [c.title],
        summary: `One feature of ${c.id}`,
        operationId: `getFeature_${c.id}`,
        parameters: [{ $ref: '#/components/parameters/featureId' }, { $ref: '#/components/parameters/f' }, { $ref: '#/components/parameters/lang' }],
        responses: {
          200: {
            description: 'A GeoJSON Feature or an HTML page',
            content: { 'application/geo+json': { schema: { $ref: `#/components/schemas/Feature_${c.id}` } }, 'text/html': { schema: { type: 'string' } } },
          },
          404: problemResponse('No such feature'),
        },
      },
    };
  }

  const schemas: Json = {
    Link: {
      type: 'object',
      required: ['href', 'rel'],
      properties: { href: { type: 'string' }, rel: { type: 'string' }, type: { type: 'string' }, title: { type: 'string' } },
    },
    LandingPage: {
      type: 'object',
      required: ['links'],
      properties: { title: { type: 'string' }, description: { type: 'string' }, links: { type: 'array', items: { $ref: '#/components/schemas/Link' } } },
    },
    ConfClasses: { type: 'object', required: ['conformsTo'], properties: { conformsTo: { type: 'array', items: { type: 'string' } } } },
    Extent: {
      type: 'object',
      properties: {
        spatial: {
          type: 'object',
          properties: {
            bbox: { type: 'array', items: { type: 'array', minItems: 4, maxItems: 6, items: { type: 'number' } } },
            crs: { type: 'string', enum: ['http://www.opengis.net/def/crs/OGC/1.3/CRS84'] },
          },
        },
      },
    },
    Collection: {
      type: 'object',
      required: ['id', 'links'],
      properties: {
        id: { type: 'string' },
        title: { type: 'string' },
        description: { type: 'string' },
        links: { type: 'array', items: { $ref: '#/components/schemas/Link' } },
        extent: { $ref: '#/components/schemas/Extent' },
        itemType: { type: 'string', enum: ['feature'] },
        crs: { type: 'array', items: { type: 'string' } },
      },
    },
    Collections: {
      type: 'object',
      required: ['links', 'collections'],
      properties: {
        links: { type: 'array', items: { $ref: '#/components/schemas/Link' } },
        collections: { type: 'array', items: { $ref: '#/components/schemas/Collection' } },
      },
    },
    Geometry: {
      type: 'object',
      required: ['type', 'coordinates'],
      description: 'GeoJSON geometry in WGS 84 longitude, latitude',
      properties: { type: { type: 'string', enum: ['Point', 'LineString', 'Polygon', 'MultiPolygon'] }, coordinates: { type: 'array', items: {} } },
    },
    Problem: {
      type: 'object',
      description: 'RFC 9457 problem details',
      required: ['type', 'title', 'status'],
      properties: {
        type: { type: 'string' },
        title: { type: 'string' },
        status: { type: 'integer' },
        detail: { type: 'string' },
        code: { type: 'string', description: 'What went wrong, for programs; title and detail are its words in the language asked for' },
        params: { type: 'object', additionalProperties: true, description: "Values the code's words name" },
        'invalid-params': {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              name: { type: 'string' },
              reason: { type: 'string', description: 'Why, in the language asked for' },
              code: { type: 'string', description: 'Why, for programs: a code of the reason table' },
              params: { type: 'object', additionalProperties: true },
            },
          },
        },
      },
    },
  };
  for (const c of collections) {
    schemas[`Properties_${c.id}`] = { type: 'object', properties: Object.fromEntries(c.fields.map((f) => [f.name, fieldSchema(f)])) };
    schemas[`Feature_${c.id}`] = {
      type: 'object',
      required: ['type', 'id', 'geometry', 'properties'],
      properties: {
        type: { type: 'string', enum: ['Feature'] },
        id: { type: 'string' },
        geometry: { $ref: '#/components/schemas/Geometry' },
        properties: { $ref: `#/components/schemas/Properties_${c.id}` },
        links: { type: 'array', items: { $ref: '#/components/schemas/Link' } },
      },
    };
    schemas[`FeatureCollection_${c.id}`] = {
      type: 'object',
      required: ['type', 'features'],
      properties: {
        type: { type: 'string', enum: ['FeatureCollection'] },
        features: { type: 'array', items: { $ref: `#/components/schemas/Feature_${c.id}` } },
        links: { type: 'array', items: { $ref: '#/components/schemas/Link' } },
        numberMatched: { type: 'integer', minimum: 0 },
        numberReturned: { type: 'integer', minimum: 0 },
      },
    };
  }

  return {
    openapi: '3.0.3',
    info: {
      title: 'iz-atlas OGC API – Features',
      version: APP_VERSION,
      description:
        'Industrial parks (KCN) and clusters (CCN) of former Bắc Kạn province, Thái Nguyên, as OGC API – Features Part 1 (Core, GeoJSON, HTML, OpenAPI 3.0). Read-only and public; coordinates are WGS 84 (CRS84, longitude first). All geometry is approximate.',
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      parameters: {
        lang: {
          name: 'lang',
          in: 'query',
          required: false,
          description: "Language of a refusal's title, detail and reasons (vi or en); without it the Accept-Language header decides, else English",
          schema: { type: 'string', enum: ['vi', 'en'] },
        },
        f: { name: 'f', in: 'query', required: false, description: 'Response format; without it the Accept header decides (JSON unless HTML is preferred)', schema: { type: 'string', enum: ['json', 'html'] } },
        bbox: {
          name: 'bbox',
          in: 'query',
          required: false,
          style: 'form',
          explode: false,
          description: 'minLon,minLat,maxLon,maxLat (or six numbers with heights), CRS84. Features whose bounding box intersects it.',
          schema: { type: 'array', minItems: 4, maxItems: 6, items: { type: 'number' } },
        },
        limit: {
          name: 'limit',
          in: 'query',
          required: false,
          style: 'form',
          explode: false,
          description: `Features per page; a value above ${LIMIT.max} counts as ${LIMIT.max}`,
          schema: { type: 'integer', minimum: 1, maximum: LIMIT.max, default: LIMIT.default },
        },
        offset: { name: 'offset', in: 'query', required: false, description: 'Features to skip (the next link sets it)', schema: { type: 'integer', minimum: 0, default: 0 } },
        datetime: {
          name: 'datetime',
          in: 'query',
          required: false,
          style: 'form',
          explode: false,
          description: 'RFC 3339 instant or interval. Checked, but no collection has a time dimension, so it selects every feature.',
          schema: { type: 'string' },
        },
        featureId: { name: 'featureId', in: 'path', required: true, description: 'The feature id (a string)', schema: { type: 'string' } },
      },
      schemas,
    },
  };
}
