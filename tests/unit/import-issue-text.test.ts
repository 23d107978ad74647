/**
 * The import report speaks the reader's language: each issue from the engine carries a code of
 * the one reason table, and the client's rendering of a real fixture's report is Vietnamese with
 * no English left, while the English `message` stays on the wire for API users.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueDetail } from '../../client/components/import/issue-text.ts';
import { issueMessage } from '../../geodata/import-report-text.ts';
import { english, REASON_MESSAGES } from '../../geodata/rules/reasons.ts';
import { analyse } from '../../server/import/engine.ts';
import { readLayerFile } from '../../server/import/readers.ts';
import { bundledContext } from '../fixtures/import/context.ts';
import { placeholdersOf } from '../../geodata/message-format.ts';

const DIR = join(import.meta.dirname, '../fixtures/import/in');
const placeholders = placeholdersOf;

/** Words that would betray an English sentence left in a Vietnamese rendering. */
const ENGLISH = /\b(the|is|was|not|and|of|by|no|inside|outside|overlaps|ring|feature|expected|unknown|every|swapped|self-intersects|repair)\b/i;
/** Code spans (tool names, options) are not prose: they stay as written in both languages. */
const prose = (s: string) => s.replace(/`[^`]*`|"[^"]*"|\[[^\]]*\]|RFC 7946|Shapefile|GeoJSON|QGIS|turf unkinkPolygon|buffer\(0\)/g, '');

let ctx: Awaited<ReturnType<typeof bundledContext>>;
beforeAll(async () => {
  ctx = await bundledContext();
});

describe('import issue codes in the one reason table', () => {
  const codes = Object.keys(REASON_MESSAGES).filter((c) => c.startsWith('import'));
  it('has both languages for every import code, naming the same params', () => {
    expect(codes.length).toBeGreaterThan(15);
    for (const code of codes) {
      const m = REASON_MESSAGES[code as keyof typeof REASON_MESSAGES];
      expect(m.vi.trim(), code).not.toBe('');
      expect(m.en.trim(), code).not.toBe('');
      expect(m.vi, code).not.toBe(m.en);
      expect(placeholders(m.vi), code).toEqual(placeholders(m.en));
    }
  });
});

describe('a report from real fixtures, rendered as the client does', () => {
  const FILES = ['plots-broken-rings.geojson', 'plots-conflicts.geojson', 'plots-lat-lon.geojson'];
  it.each(FILES)('%s: a Vietnamese sentence for each issue, the English kept as the message', async (file) => {
    const raw = await readLayerFile(new Uint8Array(readFileSync(join(DIR, file))), file, { layer: 'plots', hasCrsOption: false });
    const a = analyse(raw, { layer: 'plots', zone: 'ccn-vang-muoi', crs: null, fileName: file }, ctx);
    expect(a.issues.length).toBeGreaterThan(0);
    for (const issue of a.issues) {
      expect(issue.reason, `${issue.code}: ${issue.message}`).toBeDefined();
      expect(issue.message).toBe(issueMessage('en', issue));
      if (!issue.field) expect(issue.message).toBe(english(issue.reason.code, issue.reason.params));
      const vi = issueDetail('vi', issue);
      for (const d of vi) expect(prose(d), d).not.toMatch(ENGLISH);
      expect(issueDetail('en', issue)[0]).toBe(issue.message);
      if (issue.suggestion) expect(issueDetail('en', issue)[1]).toBe(issue.suggestion);
    }
  });
});
