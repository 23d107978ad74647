/**
 * Server-rendered HTML without a template engine. `html` escapes every interpolated value unless it
 * is already Html (another `html` result), so data can never become markup. The pages carry no
 * script at all (the CSP allows none inline) and one inline stylesheet (allowed).
 */
export class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);

type Part = Html | string | number | boolean | null | undefined | readonly Part[];

const render = (p: Part): string =>
  p instanceof Html ? p.value : Array.isArray(p) ? p.map(render).join('') : p === null || p === undefined || p === false ? '' : escapeHtml(String(p));

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new Html(out);
}

const STYLE = `
  :root { font-family: "Noto Sans", system-ui, sans-serif; color: #1b1b1b; }
  body { max-width: 72rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; line-height: 1.45; }
  header nav { font-size: .9rem; margin-bottom: .5rem; }
  header nav a { color: #0b5394; }
  h1 { font-size: 1.6rem; margin: .25rem 0 .75rem; }
  h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; }
  h3 { font-size: 1.05rem; margin: 1.25rem 0 .35rem; }
  a { color: #0b5394; }
  table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
  th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
  th { background: #f2f2f2; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  .scroll { overflow-x: auto; }
  code, pre { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85rem; }
  pre { background: #f6f6f6; padding: .6rem; overflow-x: auto; border: 1px solid #e2e2e2; }
  .muted { color: #555; }
  .method { display: inline-block; min-width: 4.2rem; font-weight: 700; font-family: ui-monospace, monospace; }
  .get { color: #0b6e2f; } .post { color: #8a4b00; } .patch, .put { color: #6b3fa0; } .delete { color: #a11; }
  details { margin: .35rem 0; } summary { cursor: pointer; }
  ul.links { padding-left: 1.2rem; }
  footer { margin-top: 2.5rem; font-size: .85rem; color: #555; }
`;

export type Crumb = { href: string; label: string };

type PageOptions = { title: string; crumbs?: Crumb[]; json?: string; lang?: string };

/**
 * A page's frame: everything before its body (doctype, head, title, breadcrumbs, the link to the
 * JSON form) and everything after it, for a body streamed in pieces between them (a long table).
 */
export function pageFrame(opts: PageOptions): { start: string; end: string } {
  const start = html`<!doctype html>
<html lang="${opts.lang ?? 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title} · iz-atlas</title>
<style>${new Html(STYLE)}</style>
</head>
<body>
<header>
<nav>${(opts.crumbs ?? []).map((c, i) => html`${i ? ' › ' : ''}<a href="${c.href}">${c.label}</a>`)}</nav>
<h1>${opts.title}</h1>
${opts.json ? html`<p class="muted">This page as <a href="${opts.json}">JSON</a>.</p>` : ''}
</header>
<main>
`.value;
  const end = `
</main>
<footer>iz-atlas · industrial parks and clusters of former Bắc Kạn province (Thái Nguyên). All geometry is approximate.</footer>
</body>
</html>
`;
  return { start, end };
}

/** A whole page: title, breadcrumbs, a link to the JSON form of the same resource, body. */
export function page(opts: PageOptions & { body: Html }): string {
  const { start, end } = pageFrame(opts);
  return start + opts.body.value + end;
}
