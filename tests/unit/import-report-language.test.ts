/**
 * The import report in the reader's language, over every golden input file (among them one with
 * each kind of problem: a bad date, a bad number, no CRS, a zone outside the province, an overlap,
 * a multipolygon's ring, a value the property schema refuses): every issue and note is a code of
 * the one reason table with each value its message names, and rendered in Vietnamese, as the
 * client and `npm run import --lang vi` show it, it holds no English sentence.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueDetail } from '../../client/components/import/issue-text.ts';
import { type Reason, REASON_MESSAGES, reasonMessage } from '../../geodata/rules/reasons.ts';
import { analyse, type Analysis } from '../../server/import/engine.ts';
import { readLayerFile } from '../../server/import/readers.ts';
import { bundledContext } from '../fixtures/import/context.ts';
import { foreignText, withoutNames } from '../support/foreign-text.ts';

const DIR = join(import.meta.dirname, '../fixtures/import/in');
type Case = { layer: 'plots' | 'zones' | 'context'; zone?: string; crs?: string };
const CASES = JSON.parse(readFileSync(join(DIR, 'cases.json'), 'utf8')) as Record<string, Case>;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

let ctx: Awaited<ReturnType<typeof bundledContext>>;
const reports = new Map<string, Analysis>();
beforeAll(async () => {
  ctx = await bundledContext();
  for (const [file, c] of Object.entries(CASES)) {
    const raw = await readLayerFile(new Uint8Array(readFileSync(join(DIR, file))), file, { layer: c.layer, hasCrsOption: !!c.crs });
    reports.set(file, analyse(raw, { layer: c.layer, zone: c.zone ?? null, crs: c.crs ?? null, fileName: file }, ctx));
  }
});

/** Every reason a report carries: each issue's message and suggestion, each note, where its CRS came from. */
const reasonsOf = (a: Analysis): Reason[] => [
  ...a.issues.flatMap((i) => [i.reason, ...(i.suggestionReason ? [i.suggestionReason] : [])]),
  ...a.notes,
  a.crs.detail,
];

describe('the reason table', () => {
  it('has a Vietnamese and an English text for every code', () => {
    for (const [code, m] of Object.entries(REASON_MESSAGES)) {
      expect(m.vi.trim(), code).not.toBe('');
      expect(m.en.trim(), code).not.toBe('');
    }
  });
});

describe('import reports, every golden file', () => {
  it('holds each kind of problem the issue names, as a code', () => {
    const codes = new Set([...reports.values()].flatMap((a) => reasonsOf(a).map((r) => r.code)));
    for (const code of [
      'importNotDate', 'importDayMonthYear', 'importNotNumber', 'importCsvAssumedWgs84', 'importOutsideProvince',
      'importOverlapZone', 'importPartRingWinding', 'recordId', 'importNotePointsFromColumns',
    ]) {
      expect(codes, code).toContain(code);
    }
  });

  it('gives every issue and note a code of the table with every value its message names', () => {
    for (const [file, a] of reports) {
      for (const issue of a.issues) expect(issue.reason, `${file}: ${issue.code} ${issue.message}`).toBeDefined();
      for (const r of reasonsOf(a)) {
        expect(Object.hasOwn(REASON_MESSAGES, r.code), `${file}: ${JSON.stringify(r)}`).toBe(true);
        const named = new Set([...placeholders(REASON_MESSAGES[r.code].vi), ...placeholders(REASON_MESSAGES[r.code].en)]);
        for (const p of named) {
          const v = r.params?.[p];
          expect(v === undefined || v === '' ? null : v, `${file}: ${r.code} names {${p}}`).not.toBeNull();
        }
      }
    }
  });

  it('reads as Vietnamese in Vietnamese: no English sentence in any issue or note', () => {
    for (const [file, a] of reports) {
      // The values a message quotes (ids, columns, file values, codes) are data, not prose: cut out before the check.
      const values = reasonsOf(a).flatMap((r) => Object.values(r.params ?? {}).map(String));
      const texts = [...a.issues.flatMap((i) => issueDetail('vi', i).map((t) => (i.field ? t.replace(`${i.field}: `, '') : t))), ...a.notes.map((n) => reasonMessage('vi', n)), reasonMessage('vi', a.crs.detail)];
      for (const text of texts) expect(foreignText(withoutNames(text, values), 'vi', []), `${file}: ${text}`).toEqual([]);
    }
  });
});
