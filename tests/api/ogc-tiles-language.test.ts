/**
 * The OGC API's and the vector tiles' refusals of a bad parameter speak the reader's language
 * like the rest of the API (Accept-Language or ?lang; English when nothing is asked): each
 * invalid-params entry carries a code of the one reason table, its reason in the language asked
 * for, and the detail lists them the same way.
 */
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../geodata/api.ts';
import { isReasonCode, reasonMessage } from '../../geodata/rules/reasons.ts';
import { foreignText, withoutNames } from '../support/foreign-text.ts';
import { signedInAppForFile } from '../support/signed-in-app.ts';

const { app } = await signedInAppForFile();

const BAD: [string, string][] = [
  ['/ogc/collections/plots/items?bbox=1,2,3', 'bbox'],
  ['/ogc/collections/plots/items?bbox=200,0,201,1', 'bbox'],
  ['/ogc/collections/plots/items?bbox=0,10,1,5', 'bbox'],
  ['/ogc/collections/plots/items?limit=0', 'limit'],
  ['/ogc/collections/plots/items?offset=-1', 'offset'],
  ['/ogc/collections/plots/items?datetime=yesterday', 'datetime'],
  ['/ogc/collections/plots/items?datetime=../..', 'datetime'],
  ['/ogc/collections/plots/items?f=xml', 'f'],
  ['/ogc/collections/plots/items?colour=red', 'colour'],
  ['/ogc/collections/plots/items?limit=5&limit=6', 'limit'],
  ['/ogc/collections/plots/items?status=sold', 'status'],
  ['/ogc/collections?f=pdf', 'f'],
  ['/ogc/conformance?page=2', 'page'],
  ['/tiles/zones/99/0/0.mvt', 'z'],
  ['/tiles/plots/3/9/0.mvt', 'x'],
  ['/tiles/plots/3/0/-1.mvt', 'y'],
  ['/tiles/admin/2/0/7.mvt', 'y'],
];

async function problemAt(path: string, headers: Record<string, string> = {}) {
  const res = await app.request(path, { headers });
  expect(res.status, path).toBe(400);
  expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  return (await res.json()) as Problem;
}

describe('a bad OGC or tile parameter, refused in the language asked for', () => {
  it.each(BAD)('%s names %s', async (path, name) => {
    const join = (p: string) => `${path}${path.includes('?') ? '&' : '?'}${p}`;
    const vi = await problemAt(path, { 'Accept-Language': 'vi-VN,vi;q=0.9' });
    const viByQuery = await problemAt(join('lang=vi'));
    const en = await problemAt(path, { 'Accept-Language': 'en' });
    const plain = await problemAt(path);
    const entry = (p: Problem) => p['invalid-params']!.find((i) => i.name === name)!;
    expect(entry(vi), JSON.stringify(vi)).toBeDefined();
    // A code of the reason table, the same in every language, worded from the table.
    expect(isReasonCode(entry(vi).code), JSON.stringify(vi)).toBe(true);
    expect(entry(en).code).toBe(entry(vi).code);
    const reason = { code: entry(vi).code as never, ...(entry(vi).params ? { params: entry(vi).params as never } : {}) };
    expect(entry(vi).reason).toBe(reasonMessage('vi', reason));
    expect(entry(en).reason).toBe(reasonMessage('en', reason));
    expect(entry(vi).reason).not.toBe(entry(en).reason);
    expect(vi.detail).toContain(entry(vi).reason);
    // The words around the data they quote (parameter names, collection ids, field names and values).
    const data = [name, ...Object.values(entry(vi).params ?? {}).map(String)];
    expect(foreignText(withoutNames(`${vi.title}. ${vi.detail}`, data), 'vi', []), JSON.stringify(vi)).toEqual([]);
    expect(foreignText(withoutNames(`${en.title}. ${en.detail}`, data), 'en', []), JSON.stringify(en)).toEqual([]);
    // ?lang=vi says the same as Accept-Language: vi; nothing asked stays English.
    expect({ title: viByQuery.title, detail: viByQuery.detail }).toEqual({ title: vi.title, detail: vi.detail });
    expect({ title: plain.title, detail: plain.detail }).toEqual({ title: en.title, detail: en.detail });
  });

  it('?lang is a parameter every OGC resource takes, and is checked', async () => {
    expect((await app.request('/ogc/collections/plots/items?limit=1&lang=vi')).status).toBe(200);
    expect((await app.request('/ogc/conformance?lang=en')).status).toBe(200);
    const p = await problemAt('/ogc/collections/plots/items?lang=fr');
    expect(p['invalid-params']!.map((i) => i.name)).toEqual(['lang']);
  });
});
