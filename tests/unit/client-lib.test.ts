import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, formatHash, parseHash } from '../../client/lib/hash-state.ts';
import { matchesQuery } from '../../client/lib/text.ts';
import { foldText } from '../../geodata/text.ts';
import type { Messages } from '../../client/i18n/messages/message.ts';
import { FEATURE_MESSAGES, STRINGS } from '../../client/i18n/strings.ts';
import { exportUrl } from '../../client/lib/export-url.ts';

describe('search folding', () => {
  it.each([
    ['CCN Huyền Tụng', 'huyen tung'],
    ['CCN Vằng Mười', 'VANG MUOI'],
    ['Chợ Đồn', 'cho don'],
    ['KCN Thanh Bình (giai đoạn I)', 'thanh binh'],
  ])('finds %s with %s', (name, query) => {
    expect(matchesQuery(name, query)).toBe(true);
  });
  it('needs every word', () => {
    expect(matchesQuery('CCN Huyền Tụng', 'huyen muoi')).toBe(false);
  });
  it('folds đ to d and decomposed input the same as composed', () => {
    expect(foldText('Đức Xuân')).toBe('duc xuan');
    expect(foldText('Huye\u0300n')).toBe(foldText('Huyền'));
  });
});

describe('URL hash', () => {
  it('round-trips view, zone, mode and language', () => {
    const s = { view: { zoom: 14.25, lat: 22.17222, lon: 105.83556 }, zone: 'ccn-huyen-tung', mode: 'progress', lang: 'en' } as const;
    expect(parseHash(formatHash(s))).toEqual(s);
  });
  it('leaves defaults out of the link', () => {
    expect(formatHash(DEFAULT_STATE)).toBe('');
  });
  it.each(['#map=abc', '#map=14/95/10', '#mode=rainbow&lang=fr', '#%%%'])('falls back to defaults for %s', (hash) => {
    const s = parseHash(hash);
    expect(s.view).toBeNull();
    expect(s.mode).toBe('occupancy');
    expect(s.lang).toBe('vi');
  });
});

describe('interface text', () => {
  it('has every key in both languages, none empty', () => {
    expect(Object.keys(STRINGS.en).sort()).toEqual(Object.keys(STRINGS.vi).sort());
    for (const lang of ['vi', 'en'] as const) for (const v of Object.values(STRINGS[lang])) expect(v.trim()).not.toBe('');
  });

  it('defines each key in one feature file only', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [feature, messages] of Object.entries(FEATURE_MESSAGES)) {
      for (const key of Object.keys(messages)) {
        if (seen.has(key)) twice.push(`${key} (${seen.get(key)}, ${feature})`);
        seen.set(key, feature);
      }
    }
    expect(twice).toEqual([]);
    expect(seen.size).toBe(Object.keys(STRINGS.vi).length);
  });

  it('refuses, at compile time, a message without both languages', () => {
    // @ts-expect-error: the English text is missing
    const missing = { onlyVi: { vi: 'Chỉ tiếng Việt' } } satisfies Messages;
    expect(missing.onlyVi.vi).toBe('Chỉ tiếng Việt');
  });
});

describe('data export address', () => {
  it('asks the server for the layer, format, CRS and scope chosen', () => {
    expect(exportUrl({ layer: 'plots', format: 'shp', crs: 'EPSG:9213', scope: { kind: 'zone', zone: 'ccn-vang-muoi' } })).toBe(
      '/api/export?layer=plots&format=shp&crs=EPSG%3A9213&zone=ccn-vang-muoi',
    );
    expect(exportUrl({ layer: 'plots', format: 'csv', crs: 'EPSG:4326', scope: { kind: 'ids', ids: ['a', 'b'] } })).toBe('/api/export?layer=plots&format=csv&ids=a%2Cb');
    expect(exportUrl({ layer: 'zones', format: 'geojson', crs: 'EPSG:4326', scope: { kind: 'all' } })).toBe('/api/export?layer=zones&format=geojson');
  });

  it('never asks for KML outside WGS 84, which the server refuses', () => {
    expect(exportUrl({ layer: 'zones', format: 'kml', crs: 'EPSG:9213', scope: { kind: 'all' } })).toBe('/api/export?layer=zones&format=kml');
  });
});
