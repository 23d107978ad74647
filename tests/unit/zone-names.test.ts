import { describe, expect, it } from 'vitest';
import { groupPlaces, zoneLabelProps, zonePlace, type NamedZone } from '../../client/map/zone-names.ts';

const z = (id: string, kind: 'KCN' | 'CCN', nameVi: string, status: NamedZone['status'] = 'operating', areaHa = 50): NamedZone => ({
  id,
  kind,
  status,
  preLeasing: status === 'planned' || status === 'revoked',
  nameVi,
  areaHa,
});

describe('zone labels name every zone they stand for', () => {
  it('shortens a zone name to its place and phase', () => {
    expect(zonePlace('KCN Thanh Bình (giai đoạn I)')).toBe('Thanh Bình I');
    expect(zonePlace('CCN Huyền Tụng')).toBe('Huyền Tụng');
    expect(zonePlace('Cụm công nghiệp Vằng Mười')).toBe('Vằng Mười');
  });

  it('groups places of one name: "Thanh Bình I, II; Chợ Mới 3, 4"', () => {
    expect(groupPlaces(['Thanh Bình I', 'Thanh Bình II', 'Chợ Mới 3', 'Chợ Mới 4'])).toBe('Thanh Bình I, II; Chợ Mới 3, 4');
    expect(groupPlaces(['Bạch Thông', 'Chợ Mới 3'])).toBe('Bạch Thông; Chợ Mới 3');
  });

  it('writes a bubble of both kinds as one line per kind, in the reader’s language, naming all its zones', () => {
    const bubble = zoneLabelProps([
      z('a', 'KCN', 'KCN Thanh Bình (giai đoạn II)'),
      z('b', 'CCN', 'CCN Thanh Thịnh', 'planned'),
      z('c', 'KCN', 'KCN Thanh Bình (giai đoạn I)'),
      z('d', 'KCN', 'KCN Chợ Mới 3', 'planned'),
    ]);
    expect(bubble.labelVi).toBe('KCN Chợ Mới 3; Thanh Bình I, II\nCCN Thanh Thịnh');
    expect(bubble.labelEn).toBe('Chợ Mới 3; Thanh Bình I, II (KCN)\nThanh Thịnh (CCN)');
    expect(bubble.zoneIds.split(',').sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(bubble.allPreLeasing).toBe(false);
  });

  it('gives planned and revoked zones their status instead of a rate', () => {
    const one = zoneLabelProps([z('r', 'CCN', 'CCN Chu Hương', 'revoked')]);
    expect(one).toMatchObject({ allPreLeasing: true, preLeasingVi: 'Đã thu hồi', preLeasingEn: 'Revoked', labelVi: 'CCN Chu Hương' });
    const two = zoneLabelProps([z('p', 'KCN', 'KCN Chợ Mới 4', 'planned'), z('r', 'CCN', 'CCN Chu Hương', 'revoked')]);
    expect(two.preLeasingVi).toBe('Quy hoạch, đã thu hồi');
  });

  it('says how many more places a very large bubble holds', () => {
    const many = zoneLabelProps(Array.from({ length: 12 }, (_, i) => z(`k${i}`, 'CCN', `CCN Nơi ${String.fromCharCode(65 + i)}`)));
    expect(many.labelVi).toMatch(/và 4 nơi khác$/);
    expect(many.labelEn).toMatch(/and 4 more \(CCN\)$/);
  });

  it('names both kinds of a bubble too large to list, the largest places first, in alphabetical order', () => {
    // Former Thái Nguyên's south: 13 parks and 22 clusters within one bubble at the first view.
    const parks = Array.from({ length: 13 }, (_, i) => z(`k${i}`, 'KCN', `KCN Khu ${String.fromCharCode(65 + i)}`, 'operating', 100 + i * 10));
    const clusters = Array.from({ length: 22 }, (_, i) => z(`c${i}`, 'CCN', `CCN Cụm ${String.fromCharCode(65 + i)}`, 'operating', 10 + i));
    const bubble = zoneLabelProps([...clusters, ...parks]);
    expect(bubble.labelVi).toBe('KCN Khu I; Khu J; Khu K; Khu L; Khu M và 8 nơi khác\nCCN Cụm T; Cụm U; Cụm V và 19 nơi khác');
    expect(bubble.labelEn).toBe('Khu I; Khu J; Khu K; Khu L; Khu M and 8 more (KCN)\nCụm T; Cụm U; Cụm V and 19 more (CCN)');
    expect(bubble.zoneIds.split(',')).toHaveLength(35);
  });
});
