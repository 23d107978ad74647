/** HTML pages of the OGC API (f=html, or a browser's Accept). Every value goes through `html`, which escapes it. */
import type { CollectionMeta, OgcFeature, Scalar } from './collections.ts';
import { html, page, pageFrame, type Crumb } from './html.ts';
import { relative, type Link } from './links.ts';

const home: Crumb = { href: '/ogc', label: 'iz-atlas OGC API' };
const collectionsCrumb: Crumb = { href: '/ogc/collections', label: 'Collections' };

const cell = (v: Scalar) =>
  v === null ? html`<td class="muted">–</td>` : typeof v === 'number' ? html`<td class="num">${v}</td>` : html`<td>${String(v)}</td>`;

const linkList = (links: Link[]) =>
  html`<ul class="links">${links.map((l) => html`<li><a href="${relative(l.href)}">${l.title ?? l.rel}</a> <span class="muted">(${l.rel}${l.type ? `, ${l.type}` : ''})</span></li>`)}</ul>`;

export function landingPage(doc: { title: string; description: string; links: Link[] }, json: string): string {
  return page({
    title: doc.title,
    crumbs: [home],
    json,
    body: html`<p>${doc.description}</p>
<h2>Links</h2>${linkList(doc.links.filter((l) => l.rel !== 'self' && l.rel !== 'alternate'))}
<h2>Use in QGIS</h2>
<p>Layer › Add Layer › Add WFS / OGC API – Features Layer › New, and give this page's address (<code>…/ogc</code>) as the URL, with version <em>OGC API – Features</em>. With GDAL: <code>ogrinfo OAPIF:${json.replace(/\?.*$/, '')}</code>.</p>`,
  });
}

export function conformancePage(conformsTo: string[], json: string): string {
  return page({
    title: 'Conformance',
    crumbs: [home, { href: '/ogc/conformance', label: 'Conformance' }],
    json,
    body: html`<p>This service conforms to:</p><ul>${conformsTo.map((u) => html`<li><code>${u}</code></li>`)}</ul>`,
  });
}

type CollectionDoc = { id: string; title: string; description: string; extent?: { spatial: { bbox: number[][] } }; links: Link[] };

export function collectionsPage(cols: CollectionDoc[], json: string): string {
  return page({
    title: 'Collections',
    crumbs: [home, collectionsCrumb],
    json,
    body: html`<table><thead><tr><th>Collection</th><th>Description</th><th>Items</th></tr></thead><tbody>
${cols.map((c) => html`<tr><td><a href="/ogc/collections/${encodeURIComponent(c.id)}">${c.title}</a><br><code>${c.id}</code></td><td>${c.description}</td><td><a href="/ogc/collections/${encodeURIComponent(c.id)}/items?f=html">items</a></td></tr>`)}
</tbody></table>`,
  });
}

export function collectionPage(meta: CollectionMeta, doc: CollectionDoc, json: string): string {
  const bbox = doc.extent?.spatial.bbox[0];
  return page({
    title: meta.title,
    crumbs: [home, collectionsCrumb, { href: `/ogc/collections/${encodeURIComponent(meta.id)}`, label: meta.id }],
    json,
    body: html`<p>${meta.description}</p>
<p><a href="/ogc/collections/${encodeURIComponent(meta.id)}/items?f=html">Browse the items</a> · geometry: ${meta.geometryTypes.join(', ')} (WGS 84, longitude first)${bbox ? html` · extent ${bbox.join(', ')}` : ''}</p>
<h2>Properties</h2>
<table><thead><tr><th>Name</th><th>Type</th><th>Filter</th><th>Description</th></tr></thead><tbody>
${meta.fields.map((f) => html`<tr><td><code>${f.name}</code></td><td>${f.type}</td><td>${f.filter ? html`<code>?${f.name}=…</code>${f.enum ? html`<br><span class="muted">${f.enum.join(', ')}</span>` : ''}` : ''}</td><td>${f.description}</td></tr>`)}
</tbody></table>
${Object.keys(meta.aliases).length ? html`<p class="muted">Also accepted: ${Object.entries(meta.aliases).map(([a, t], i) => html`${i ? ', ' : ''}<code>${a}</code> for <code>${t}</code>`)}.</p>` : ''}
<h2>Links</h2>${linkList(doc.links.filter((l) => l.rel !== 'self' && l.rel !== 'alternate'))}`,
  });
}

/**
 * The items page in three parts, so a page of 10,000 features is streamed: `head` (the page down
 * to the table's body), `render` for one feature's row, and `tail`.
 */
export function itemsPage(
  meta: CollectionMeta,
  fc: { numberMatched: number; numberReturned: number; links: Link[] },
  offset: number,
  json: string,
): { head: string; render: (f: OgcFeature) => string; tail: string } {
  const cols = meta.fields.filter((f) => f.list);
  const nav = fc.links.filter((l) => (l.rel === 'next' || l.rel === 'prev') && l.type === 'text/html');
  const base = `/ogc/collections/${encodeURIComponent(meta.id)}/items/`;
  const frame = pageFrame({
    title: `${meta.title}: items`,
    crumbs: [home, collectionsCrumb, { href: `/ogc/collections/${encodeURIComponent(meta.id)}`, label: meta.id }, { href: `${base.slice(0, -1)}?f=html`, label: 'items' }],
    json,
  });
  const intro = html`<p>${fc.numberReturned ? `${offset + 1}–${offset + fc.numberReturned}` : 'None'} of ${fc.numberMatched} matching features.
${nav.map((l) => html` <a href="${relative(l.href)}">${l.rel === 'next' ? 'Next page ›' : '‹ Previous page'}</a>`)}</p>
<div class="scroll"><table><thead><tr><th>id</th>${cols.map((c) => html`<th>${c.name}</th>`)}</tr></thead><tbody>
`;
  return {
    head: frame.start + intro.value,
    render: (f) => html`<tr><td><a href="${base}${encodeURIComponent(f.id)}?f=html">${f.id}</a></td>${cols.map((c) => cell(f.properties[c.name] ?? null))}</tr>`.value,
    tail: `\n</tbody></table></div>${frame.end}`,
  };
}

export function featurePage(meta: CollectionMeta, f: OgcFeature, bbox: number[], json: string): string {
  const label = (f.properties.name_vi ?? f.properties.zone_name_vi ?? f.properties.code ?? f.id) as string;
  return page({
    title: `${label}`,
    crumbs: [
      home,
      collectionsCrumb,
      { href: `/ogc/collections/${encodeURIComponent(meta.id)}`, label: meta.id },
      { href: `/ogc/collections/${encodeURIComponent(meta.id)}/items?f=html`, label: 'items' },
      { href: `/ogc/collections/${encodeURIComponent(meta.id)}/items/${encodeURIComponent(f.id)}?f=html`, label: f.id },
    ],
    json,
    body: html`<p>Feature <code>${f.id}</code> of <a href="/ogc/collections/${encodeURIComponent(meta.id)}">${meta.title}</a> · ${f.geometry.type}, bounding box ${bbox.map((x) => x.toFixed(5)).join(', ')}</p>
<table><tbody>${meta.fields.map((fd) => html`<tr><th>${fd.name}</th>${cell(f.properties[fd.name] ?? null)}</tr>`)}</tbody></table>`,
  });
}
