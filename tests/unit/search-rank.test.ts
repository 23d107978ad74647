import { describe, expect, it } from 'vitest';
import { matchesQuery, queryRank } from '../../client/lib/text.ts';

const tanDuc = ['CCN Tân Đức', 'Tân Đức Industrial Cluster'];
const luongPhuTanDuc = ['CCN Lương Phú – Tân Đức', 'Lương Phú – Tân Đức Industrial Cluster'];

describe('the search box ranks the zone named what was typed first', () => {
  it('finds both clusters for "Tân Đức", and ranks the one of that name first', () => {
    for (const q of ['CCN Tân Đức', 'tan duc', 'Tân Đức Industrial Cluster']) {
      expect(matchesQuery(luongPhuTanDuc.join(' '), q), q).toBe(true);
      expect(queryRank(tanDuc, q), q).toBe(0);
      expect(queryRank(luongPhuTanDuc, q), q).toBe(2);
    }
  });

  it('ranks a name that starts with the query before one that only contains it', () => {
    expect(queryRank(['KCN Yên Bình 2', 'Yên Bình 2 Industrial Park'], 'yen binh')).toBe(1);
    expect(queryRank(['KCN Yên Bình', 'Yên Bình Industrial Park'], 'yen binh')).toBe(0);
    expect(queryRank(['CCN Hạnh Phúc – Xuân Phương', 'x'], 'xuan phuong')).toBe(2);
  });
});
