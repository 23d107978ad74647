import { describe, expect, it } from 'vitest';
import { groupPlaces, zoneLabelProps, zonePlace, type NamedZone } from '../../client/map/zone-names.ts';

const z = (id: string, kind: 'KCN' | 'CCN', nameVi: string, status: NamedZone['status'] = 'operating'): NamedZone => ({
  id,
  kind,
  status,
  preLeasing: status === 'planned' || status === 'revoked',
  nameVi,
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
});
