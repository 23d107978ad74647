import { describe, expect, it } from 'vitest';
import { CAVEAT_MESSAGES, caveatMessage } from '../../geodata/caveat-messages.ts';
import {
  addressCaveats,
  ageCaveat,
  figureCaveats,
  infraItemCaveats,
  plotCaveats,
  progressCaveats,
  tenantCaveats,
  zoneCaveats,
  type Caveat,
} from '../../geodata/caveats.ts';
import { referenceDateOf } from '../../geodata/confidence.ts';
import { DEFAULT_GEODATA_DIR, loadDataset } from '../../geodata/load.ts';
import { forUsers } from '../../geodata/user-facing.ts';
import { placeholdersOf } from '../../geodata/message-format.ts';

const placeholders = placeholdersOf;
const ds = await loadDataset(DEFAULT_GEODATA_DIR);
/** The data's reference date, as the server and the panels take it (geodata/confidence.ts). */
const TODAY = referenceDateOf(ds.sources.map((s) => s.date));

/** Every caveat the bundled data gives, over every zone, infrastructure item, figure and plot. */
function bundledCaveats(): Caveat[] {
  const schematic = new Set(ds.sources.filter((s) => s.schematic).map((s) => s.id));
  const out: Caveat[] = [];
  for (const z of ds.zones) {
    const p = z.properties;
    const plots = ds.plots.filter((pl) => pl.properties.zoneId === p.id);
    out.push(...zoneCaveats(p, { schematicLayout: plots.some((pl) => schematic.has(pl.properties.sourceId)) }));
    out.push(...addressCaveats(p), ...tenantCaveats(p));
    out.push(...figureCaveats(p.totalAreaHa, TODAY), ...figureCaveats(p.industrialLandHa, TODAY));
    for (const it of p.infrastructure) out.push(...infraItemCaveats(it, TODAY));
    out.push(...progressCaveats({ progressPct: 50, coverage: 0.2, asOf: '2015' }, TODAY));
    for (const pl of plots)
      out.push(
        ...plotCaveats(pl.properties, { schematicLayout: schematic.has(pl.properties.sourceId) }),
        ...figureCaveats(pl.properties.priceVndM2Year, TODAY),
      );
  }
  return out;
}

describe('the caveat table', () => {
  it('has both languages for every code, naming the same params', () => {
    for (const [code, m] of Object.entries(CAVEAT_MESSAGES)) {
      expect(m.vi.trim(), code).not.toBe('');
      expect(m.en.trim(), code).not.toBe('');
      expect(placeholders(m.vi), code).toEqual(placeholders(m.en));
    }
  });

  it('renders every caveat the bundled data gives, in both languages, with every param filled', () => {
    const caveats = bundledCaveats();
    const codes = new Set(caveats.map((c) => c.code));
    // The data exercises the caveats the issue names: basis is covered by the occupancy text.
    for (const code of [
      'figureAge',
      'coverage',
      'schematicLayout',
      'approximateGeometry',
      'siteNotLocated',
      'gapNotFound',
      'gapNotReported',
      'stateNotPercent',
      'statedAs',
      'sectorsSought',
      'tenantsNamed',
    ] as const) {
      expect(codes, code).toContain(code);
    }
    for (const c of caveats) {
      for (const lang of ['vi', 'en'] as const) {
        const text = caveatMessage(lang, c);
        expect(text, `${c.code} ${lang}`).not.toMatch(/\{\w+\}|undefined|\[object/);
      }
    }
    expect(
      caveatMessage('vi', {
        code: 'statedAs',
        params: { words: { vi: 'Còn 13,89 ha chưa san nền', en: '13.89 ha still to be levelled' } },
      }),
    ).toBe('nguồn ghi: Còn 13,89 ha chưa san nền');
    expect(caveatMessage('en', { code: 'tenantsNamed', params: { named: 5, total: 14 } })).toBe(
      'The sources count 14 projects and name 5.',
    );
    expect(caveatMessage('vi', { code: 'figureAge', params: { year: 2015 } })).toBe('số liệu năm 2015');
  });

  it('gives a figure its year where the one classification (confidence.ts) calls it old, and none to a recent one', () => {
    expect(ageCaveat('2015', '2025-10')).toEqual([{ code: 'figureAge', params: { year: 2015 } }]);
    expect(ageCaveat('2022', '2025-10')).toEqual([]);
    expect(ageCaveat(null, '2025-10')).toEqual([]);
  });
});

describe('research notes', () => {
  it('stay in the data files but not in what the database is seeded with', () => {
    const notes = (x: unknown): string[] =>
      x && typeof x === 'object'
        ? Object.entries(x).flatMap(([k, v]) => (k === 'note' && typeof v === 'string' ? [v] : notes(v)))
        : [];
    expect(notes(ds).length).toBeGreaterThan(50);
    expect(notes(forUsers(ds))).toEqual([]);
  });
});
