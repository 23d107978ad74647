import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlotApiFeature } from '../../geodata/api.ts';
import { createUser } from '../../server/domain/users.ts';
import { chromiumPath } from './browser.ts';
import { startHarness, type Harness } from './harness.ts';

/** Hostile text in every field a planner can type; if any view ran it, window.__xss would be set. */
const PAYLOADS = ['<img src=x onerror="window.__xss=1;alert(1)">', '"><script>window.__xss=2</script>', "';alert(3);//<svg onload=alert(4)>"];
const PAYLOAD = PAYLOADS.join(' ');

let h: Harness | null;
let plotId = '';
beforeAll(async () => {
  h = await startHarness();
  if (!h) return;
  await createUser(h.db, { username: 'planner1', role: 'planner', password: 'correct horse battery' });
  const login = await fetch(`${h.url}api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'planner1', password: 'correct horse battery' }) });
  const headers = { 'Content-Type': 'application/json', Cookie: login.headers.get('set-cookie')!.split(';')[0]!, 'X-CSRF-Token': ((await login.json()) as { csrfToken: string }).csrfToken };
  const zone = await fetch(`${h.url}api/zones/ccn-vang-muoi`);
  const z = await fetch(`${h.url}api/zones/ccn-vang-muoi`, {
    method: 'PATCH',
    headers: { ...headers, 'If-Match': zone.headers.get('etag')! },
    body: JSON.stringify({ name: { vi: `CCN ${PAYLOAD}`, en: PAYLOAD }, developer: PAYLOAD, note: PAYLOAD, sectors: [PAYLOADS[0]], reason: PAYLOAD }),
  });
  expect(z.status).toBe(200);
  const plots = ((await (await fetch(`${h.url}api/zones/ccn-vang-muoi/plots`)).json()) as { features: PlotApiFeature[] }).features;
  const plot = plots.find((p) => p.properties.status === 'available')!;
  plotId = plot.id;
  const p = await fetch(`${h.url}api/plots/${plot.id}`, {
    method: 'PATCH',
    headers: { ...headers, 'If-Match': `"v${plot.properties.version}"` },
    body: JSON.stringify({ status: 'reserved', tenant: PAYLOAD, sector: PAYLOAD, reason: PAYLOAD }),
  });
  expect(p.status).toBe(200);
});
afterAll(() => h?.close());

async function openWatched(hash: string) {
  const page = await h!.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(h!.url + hash);
  return { page, dialogs };
}

async function expectInert(page: Page, dialogs: string[]) {
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(await page.locator('img[src="x"], svg[onload]').count()).toBe(0);
}

describe.skipIf(!chromiumPath())('hostile text is shown as text, never run', () => {
  it('the zone panel shows it literally, and typing it into the search box runs nothing', async () => {
    const { page, dialogs } = await openWatched('#zone=ccn-vang-muoi');
    const panel = page.getByTestId('zone-panel');
    await expect.poll(() => panel.textContent(), { timeout: 30_000 }).toContain(PAYLOADS[0]);
    expect(await panel.textContent()).toContain(PAYLOADS[1]);
    await page.getByRole('searchbox').fill('vang muoi');
    await page.getByRole('searchbox').fill(PAYLOADS[0]!);
    await expectInert(page, dialogs);
    await page.close();
  });

  it('the plot brochure shows it literally', async () => {
    const { page, dialogs } = await openWatched(`#brochure=plot:${plotId}`);
    await expect.poll(() => page.getByTestId('brochure').textContent(), { timeout: 30_000 }).toContain(PAYLOADS[0]);
    await expectInert(page, dialogs);
    await page.close();
  });

  it('the Resolution 16 dashboard and the timeline, which list zone names, stay inert', async () => {
    const { page, dialogs } = await openWatched('');
    await page.getByTestId('open-dashboard').click();
    await expect.poll(() => page.getByTestId('r16-dashboard').isVisible(), { timeout: 30_000 }).toBe(true);
    await page.getByTestId('open-timeline').click();
    await expectInert(page, dialogs);
    await page.close();
  });

  it('is served with a Content-Security-Policy that forbids inline scripts', async () => {
    const res = await fetch(h!.url);
    const csp = res.headers.get('content-security-policy') ?? '';
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
    expect(scriptSrc).toMatch(/'self'/);
    expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval/);
  });
});
