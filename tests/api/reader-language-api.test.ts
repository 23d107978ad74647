/**
 * The API speaks the reader's language: an import report asked for in Vietnamese (?lang=vi or
 * Accept-Language) has every issue, note and CRS detail in Vietnamese, with its code and params;
 * asked for nothing it stays English. A refused request body is worded the same way, and zod's own
 * English ("Invalid option: expected one of…") never reaches a reason.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../geodata/api.ts';
import type { ImportReport } from '../../geodata/exchange.ts';
import { isReasonCode, reasonMessage } from '../../geodata/rules/reasons.ts';
import { foreignText, withoutNames } from '../support/foreign-text.ts';
import { signedInAppForFile } from '../support/signed-in-app.ts';

const FIX = join(import.meta.dirname, '../fixtures/import/in');
const { app, planner } = await signedInAppForFile();

const send = (method: string, path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  app.request(path, { method, headers: { Cookie: planner.cookie!, 'X-CSRF-Token': planner.csrf!, ...headers }, body });

async function importReport(file: string, query: string, headers: Record<string, string> = {}) {
  const res = await send('POST', `/api/import?${query}&dryRun=true&filename=${file}`, readFileSync(join(FIX, file)), headers);
  expect(res.status).toBe(200);
  return ((await res.json()) as { report: ImportReport }).report;
}

/** Every sentence of a report with the data it quotes (ids, columns, values, names) cut out. */
function sentences(r: ImportReport): string[] {
  const reasons = [...r.issues.flatMap((i) => [i.reason, ...(i.suggestionReason ? [i.suggestionReason] : [])]), ...r.notes.map((n) => n.reason), r.crs.reason];
  const data = [...reasons.flatMap((x) => Object.values(x.params ?? {}).map(String)), ...r.issues.map((i) => i.field ?? '')];
  const texts = [...r.issues.flatMap((i) => [i.message, i.suggestion ?? '']), ...r.notes.map((n) => n.message), r.crs.detail];
  return texts.map((t) => withoutNames(t, data));
}

const FILES = [
  ['zones-every-problem.csv', 'layer=zones'],
  ['plots-every-problem.csv', 'layer=plots&zone=ccn-vang-muoi'],
] as const;

describe('POST /api/import in the language asked for', () => {
  it.each(FILES)('%s with ?lang=vi: codes and params, and no English sentence', async (file, query) => {
    const r = await importReport(file, `${query}&lang=vi`);
    expect(r.issues.length).toBeGreaterThan(3);
    for (const i of r.issues) {
      expect(isReasonCode(i.reason.code), i.message).toBe(true);
      expect(i.message).toBe((i.field ? `${i.field}: ` : '') + reasonMessage('vi', i.reason));
    }
    for (const n of r.notes) expect(n.message).toBe(reasonMessage('vi', n.reason));
    expect(sentences(r).flatMap((t) => foreignText(t, 'vi', []))).toEqual([]);
  });

  it('takes the language from Accept-Language too, and stays English when asked for nothing', async () => {
    const [file, query] = FILES[0];
    const vi = await importReport(file, query, { 'Accept-Language': 'vi-VN,vi;q=0.9,en;q=0.5' });
    const en = await importReport(file, query);
    expect(vi.issues.map((i) => i.reason)).toEqual(en.issues.map((i) => i.reason));
    expect(vi.issues.map((i) => i.message)).toEqual(vi.issues.map((i) => (i.field ? `${i.field}: ` : '') + reasonMessage('vi', i.reason)));
    expect(en.issues.map((i) => i.message)).toEqual(en.issues.map((i) => (i.field ? `${i.field}: ` : '') + reasonMessage('en', i.reason)));
  });
});

describe('a refused request body', () => {
  const patch = async (body: object, headers: Record<string, string> = {}) => {
    const res = await send('PATCH', '/api/plots/ccn-vang-muoi-cn-01', JSON.stringify(body), { 'Content-Type': 'application/json', 'If-Match': '"1"', ...headers });
    expect(res.status).toBe(400);
    return (await res.json()) as Problem;
  };

  it('names each field with a code, never with zod’s English', async () => {
    const p = await patch({ status: 'sold', priceVndM2Year: 'cheap', tenant: 7 });
    const params = p['invalid-params'] ?? [];
    expect(params.map((x) => x.name).sort()).toEqual(['priceVndM2Year', 'status', 'tenant']);
    for (const x of params) {
      expect(x.code === undefined || x.code === 'invalid', `${x.name}: ${x.reason}`).toBe(false);
      expect(x.reason).not.toMatch(/Invalid (input|option)|expected|received/);
    }
    expect(params.find((x) => x.name === 'status')).toMatchObject({ code: 'oneOf' });
  });

  it('words the reasons and the detail in Vietnamese when asked', async () => {
    const p = await patch({ status: 'sold', priceVndM2Year: -5 }, { 'Accept-Language': 'vi' });
    for (const x of p['invalid-params'] ?? []) {
      expect(x.reason).toBe(reasonMessage('vi', { code: x.code!, ...(x.params ? { params: x.params } : {}) }));
      expect(foreignText(withoutNames(x.reason, Object.values(x.params ?? {}).map(String)), 'vi', [])).toEqual([]);
    }
    expect(p.detail).toContain(reasonMessage('vi', { code: 'negative' }));
  });
});
