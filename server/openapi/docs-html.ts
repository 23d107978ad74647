/**
 * Renders an OpenAPI document (3.0 or 3.1) as one self-contained HTML page: no script, no CDN,
 * nothing fetched. Used for /api/docs and /ogc/api?f=html.
 */
import { html, Html, page, type Crumb } from '../ogc/html.ts';

type Json = Record<string, unknown>;
type Schema = Json & {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema | Schema[];
  prefixItems?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  nullable?: boolean;
  description?: string;
  additionalProperties?: boolean | Schema;
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** A tiny, safe subset of Markdown: paragraphs, **bold** and `code`, applied after escaping. */
function prose(text: string | undefined): Html {
  if (!text) return html``;
  const paragraphs = text.split(/\n\s*\n/).map((p) => {
    const escaped = html`${p}`.value
      .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
      .replace(/`([^`]+)`/g, '<code>$1</code>');
    return `<p>${escaped}</p>`;
  });
  return new Html(paragraphs.join('\n'));
}

function resolver(doc: Json) {
  const components = ((doc.components as Json | undefined)?.schemas ?? {}) as Record<string, Schema>;
  const parameters = ((doc.components as Json | undefined)?.parameters ?? {}) as Record<string, Json>;
  const refName = (ref: string) => ref.split('/').pop()!;
  return {
    schema: (s: Schema): Schema => (s.$ref ? components[refName(s.$ref)] ?? {} : s),
    parameter: (p: Json): Json => (typeof p.$ref === 'string' ? parameters[refName(p.$ref)] ?? {} : p),
    refName,
  };
}

/** A short type description: string, integer ≥ 1, one of a | b, array of …, Zone. */
function typeOf(s: Schema, refName: (r: string) => string, depth = 0): string {
  if (depth > 4) return '…';
  if (s.$ref) return refName(s.$ref);
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return `one of ${s.enum.map((e) => JSON.stringify(e)).join(' | ')}`;
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return alts.map((a) => typeOf(a, refName, depth + 1)).join(' or ');
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const base = types
    .map((t) => {
      if (t === 'array') {
        if (s.prefixItems) return `[${s.prefixItems.map((i) => typeOf(i, refName, depth + 1)).join(', ')}]`;
        const item = Array.isArray(s.items) ? s.items[0] : s.items;
        return `array of ${item ? typeOf(item, refName, depth + 1) : 'anything'}`;
      }
      return t;
    })
    .join(' or ');
  return (base || (s.properties ? 'object' : 'any')) + (s.nullable ? ' or null' : '');
}

function constraints(s: Schema): string {
  const parts: string[] = [];
  const c = s as Record<string, unknown>;
  for (const [k, label] of [['minimum', '≥'], ['exclusiveMinimum', '>'], ['maximum', '≤'], ['exclusiveMaximum', '<'], ['minLength', 'length ≥'], ['maxLength', 'length ≤'], ['minItems', 'items ≥'], ['maxItems', 'items ≤']] as const) {
    if (typeof c[k] === 'number') parts.push(`${label} ${c[k]}`);
  }
  if (typeof c.pattern === 'string') parts.push(`pattern ${c.pattern}`);
  if (typeof c.format === 'string') parts.push(`format ${c.format}`);
  if (c.default !== undefined) parts.push(`default ${JSON.stringify(c.default)}`);
  const alts = s.anyOf ?? s.oneOf;
  if (alts) for (const a of alts) if (!a.$ref) parts.push(constraints(a));
  return parts.filter(Boolean).join(', ');
}

function propertyTable(s: Schema, r: ReturnType<typeof resolver>): Html {
  const target = r.schema(s);
  if (!target.properties) return html`<p>${typeOf(s, r.refName)}</p>`;
  const required = new Set(target.required ?? []);
  return html`<table><thead><tr><th>Field</th><th>Type</th><th>Required</th><th>Rules and meaning</th></tr></thead><tbody>
${Object.entries(target.properties).map(
  ([name, p]) => html`<tr><td><code>${name}</code></td><td>${typeOf(p, r.refName)}</td><td>${required.has(name) ? 'yes' : ''}</td><td>${[constraints(p), p.description].filter(Boolean).join('. ')}</td></tr>`,
)}
</tbody></table>${target.additionalProperties === false ? html`<p class="muted">Other fields are refused (400).</p>` : ''}`;
}

export function renderOpenApiHtml(doc: Json, opts: { jsonHref: string; crumbs?: Crumb[] }): string {
  const r = resolver(doc);
  const info = (doc.info ?? {}) as { title?: string; version?: string; description?: string };
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Json>>;
  const servers = (doc.servers ?? []) as { url: string }[];
  const base = servers[0]?.url ?? '';
  const basePath = base.startsWith('http') ? new URL(base).pathname.replace(/\/$/, '') : base;

  type Entry = { method: string; path: string; op: Json };
  const byTag = new Map<string, Entry[]>();
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const tag = ((op.tags as string[] | undefined) ?? ['Other'])[0]!;
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method, path, op }]);
    }
  }
  const anchor = (e: Entry) => `${e.method}-${e.path}`.replace(/[^a-zA-Z0-9]+/g, '-');

  const operationHtml = (e: Entry) => {
    const op = e.op;
    const params = ((op.parameters as Json[] | undefined) ?? []).map(r.parameter);
    const security = op.security as Json[] | undefined;
    const roles = op['x-role'] as string[] | undefined;
    const body = ((op.requestBody as Json | undefined)?.content as Record<string, { schema: Schema }> | undefined)?.['application/json']?.schema;
    const responses = (op.responses ?? {}) as Record<string, Json>;
    return html`<section id="${anchor(e)}">
<h3><span class="method ${e.method}">${e.method.toUpperCase()}</span> <code>${basePath}${e.path}</code></h3>
<p><strong>${String(op.summary ?? '')}</strong></p>
${prose(op.description as string | undefined)}
${security?.length ? html`<p class="muted">Auth: session cookie${Object.keys(security[0] ?? {}).includes('csrfToken') ? ' and X-CSRF-Token header' : ''}${roles ? html`; role ${roles.join(' or ')}` : ''}.</p>` : html`<p class="muted">Public.</p>`}
${params.length ? html`<table><thead><tr><th>Parameter</th><th>In</th><th>Type</th><th>Required</th><th>Meaning</th></tr></thead><tbody>
${params.map((p) => html`<tr><td><code>${String(p.name)}</code></td><td>${String(p.in)}</td><td>${typeOf((p.schema ?? {}) as Schema, r.refName)}</td><td>${p.required ? 'yes' : ''}</td><td>${[constraints((p.schema ?? {}) as Schema), p.description as string | undefined].filter(Boolean).join('. ')}</td></tr>`)}
</tbody></table>` : ''}
${body ? html`<p>Body (JSON${body.$ref ? html`, <a href="#schema-${r.refName(body.$ref)}">${r.refName(body.$ref)}</a>` : ''}):</p>${propertyTable(body, r)}` : ''}
<p>Responses:</p>
<ul>${Object.entries(responses).map(([status, resp]) => {
      const content = (resp.content ?? {}) as Record<string, { schema?: Schema }>;
      const types = Object.entries(content);
      return html`<li><strong>${status}</strong> ${String(resp.description ?? '')}${types.map(
        ([t, c]) => html` <span class="muted">· ${t}${c.schema?.$ref ? html` <a href="#schema-${r.refName(c.schema.$ref)}">${r.refName(c.schema.$ref)}</a>` : ''}</span>`,
      )}</li>`;
    })}</ul>
</section>`;
  };

  const schemas = ((doc.components as Json | undefined)?.schemas ?? {}) as Record<string, Schema>;
  const body = html`<p class="muted">OpenAPI ${String(doc.openapi ?? doc.swagger ?? '')} · version ${info.version ?? ''} · <a href="${opts.jsonHref}">the document as JSON</a>, for code generators and API clients.</p>
${prose(info.description)}
<h2>Endpoints</h2>
<ul>${[...byTag].map(([tag, entries]) => html`<li>${tag}: ${entries.map((e, i) => html`${i ? ', ' : ''}<a href="#${anchor(e)}">${e.method.toUpperCase()} ${basePath}${e.path}</a>`)}</li>`)}</ul>
${[...byTag].map(([tag, entries]) => html`<h2>${tag}</h2>${entries.map(operationHtml)}`)}
<h2>Schemas</h2>
${Object.entries(schemas).map(
  ([name, s]) => html`<section id="schema-${name}"><h3>${name}</h3>${s.description ? html`<p>${s.description}</p>` : ''}${s.properties ? propertyTable(s, r) : ''}<details><summary>JSON Schema</summary><pre>${JSON.stringify(s, null, 2)}</pre></details></section>`,
)}`;
  return page({ title: info.title ?? "API", crumbs: opts.crumbs ?? [], body });
}
