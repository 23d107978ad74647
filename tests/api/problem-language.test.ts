/**
 * Every refusal speaks the reader's language: for one representative request of each status, the
 * problem's title and detail asked for in Vietnamese (Accept-Language: vi) hold no English
 * sentence and asked for in English no Vietnamese, and the body names the problem with a `code`
 * (with its params) that is the same in both. Asked for nothing, the API stays English.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../geodata/api.ts';
import { ENQUIRY_LIMITS } from '../../server/routes/enquiries.ts';
import { ANON, type Caller } from '../support/api-client.ts';
import { foreignText, withoutNames } from '../support/foreign-text.ts';
import { signedInAppForFile } from '../support/signed-in-app.ts';

// The enquiry limit counts per X-Forwarded-For address, which the server honours behind a proxy.
process.env.TRUST_PROXY = '1';

const { app, api, planner } = await signedInAppForFile();
const PLOT = 'ccn-nam-bang-lung-cn-01';
const enquiry = { plotId: PLOT, name: 'Nguyễn Văn A', email: 'a@example.vn', message: 'Cần 2 ha' };
const THROTTLED_IP = '10.77.0.1';
const NO_PRJ = join(import.meta.dirname, '../fixtures/import/bad/no-prj.zip');

beforeAll(async () => {
  for (let i = 0; i < ENQUIRY_LIMITS.perIp; i++) await api.call(ANON, 'POST', '/api/enquiries', enquiry, { 'X-Forwarded-For': THROTTLED_IP });
});

type Send = (headers: Record<string, string>) => Response | Promise<Response>;
const as = (who: Caller, method: string, path: string, body?: unknown): Send => (headers) => api.call(who, method, path, body, headers);

const REQUESTS: [string, number, Send][] = [
  ['404 an unknown zone', 404, as(ANON, 'GET', '/api/zones/kcn-nowhere')],
  ['404 an unknown endpoint', 404, as(ANON, 'GET', '/api/no-such-thing')],
  ['401 an edit without signing in', 401, as(ANON, 'PATCH', `/api/plots/${PLOT}`, { sector: 'wood' })],
  ['403 a planner listing accounts', 403, as(planner, 'GET', '/api/users')],
  ['403 a wrong CSRF token', 403, as({ ...planner, csrf: 'wrong' }, 'PATCH', `/api/plots/${PLOT}`, { sector: 'wood' })],
  ['428 an edit without If-Match', 428, as(planner, 'PATCH', `/api/plots/${PLOT}`, { sector: 'wood' })],
  ['412 an edit with a stale If-Match', 412, (h) => api.call(planner, 'PATCH', `/api/plots/${PLOT}`, { sector: 'wood' }, { 'If-Match': '"v999"', ...h })],
  ['413 an enquiry too large', 413, (h) => api.call(ANON, 'POST', '/api/enquiries', { ...enquiry, message: 'x'.repeat(ENQUIRY_LIMITS.maxBytes + 10) }, { 'X-Forwarded-For': '10.77.0.2', ...h })],
  ['429 too many enquiries', 429, (h) => api.call(ANON, 'POST', '/api/enquiries', enquiry, { 'X-Forwarded-For': THROTTLED_IP, ...h })],
  ['400 an unreadable import file', 400, as(planner, 'POST', '/api/import?layer=plots&zone=ccn-vang-muoi&dryRun=true&filename=plots.zip', 'PK\u0003\u0004 not really a zip')],
  ['400 an import file without its .prj', 400, (h) => app.request('/api/import?layer=plots&zone=ccn-vang-muoi&dryRun=true&filename=no-prj.zip', { method: 'POST', headers: { Cookie: planner.cookie!, 'X-CSRF-Token': planner.csrf!, ...h }, body: readFileSync(NO_PRJ) })],
  ['415 an import file of an unknown type', 415, as(planner, 'POST', '/api/import?layer=plots&zone=ccn-vang-muoi&dryRun=true&filename=plots.docx', 'hello')],
  ['400 a malformed body', 400, (h) => api.call(planner, 'PATCH', `/api/plots/${PLOT}`, '{"sector":', { 'If-Match': '"1"', ...h })],
];

async function problemIn(send: Send, headers: Record<string, string>, status: number) {
  const res = await send(headers);
  expect(res.status).toBe(status);
  expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  return (await res.json()) as Problem;
}

/** Title and detail with the data they quote (ids, paths, numbers, header names) and place names cut out. */
const words = (p: Problem) => withoutNames(`${p.title}. ${p.detail ?? ''}`, [...Object.values(p.params ?? {}).flat().map(String), 'Bắc Kạn']);

describe('a refusal in the language asked for', () => {
  it.each(REQUESTS)('%s', async (_label, status, send) => {
    const vi = await problemIn(send, { 'Accept-Language': 'vi-VN,vi;q=0.9' }, status);
    const en = await problemIn(send, { 'Accept-Language': 'en' }, status);
    const plain = await problemIn(send, {}, status);
    expect(vi.code, JSON.stringify(vi)).toEqual(expect.any(String));
    expect(en.code).toBe(vi.code);
    expect(en.params).toEqual(vi.params);
    expect(foreignText(words(vi), 'vi', []), JSON.stringify(vi)).toEqual([]);
    expect(foreignText(words(en), 'en', []), JSON.stringify(en)).toEqual([]);
    expect(vi.title).not.toBe(en.title);
    // English stays the default for scripts that ask for nothing.
    expect({ title: plain.title, detail: plain.detail }).toEqual({ title: en.title, detail: en.detail });
  });
});
