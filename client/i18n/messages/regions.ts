/** Regions of the new province (geodata/regions.ts names them) and the figure-source rule's words. */
import type { Messages } from './message.ts';

export const regions = {
  regionShown: { vi: 'Vùng', en: 'Region' },
  statsRegion: { vi: '{region}: {kcn} KCN, {ccn} CCN', en: '{region}: {kcn} KCN, {ccn} CCN' },
  // What a zone's colour rests on (geodata/metrics.ts figureSourceOf).
  figureFromPlots: { vi: 'Tính từ sơ đồ lô thực', en: 'Computed from the real plot layout' },
  figureStated: { vi: 'Số liệu do nguồn nêu, không tính từ lô (chưa có sơ đồ lô thực)', en: 'Stated by a source, not computed from plots (no real plot layout)' },
  legendStated: { vi: 'Viền chấm trắng: tỷ lệ do nguồn nêu, không tính từ lô', en: 'White-dotted outline: occupancy stated by a source, not computed from plots' },
  // How much of a total rests on each kind of figure (figureSourceShares).
  shareFromPlots: { vi: '{n} khu/cụm tính từ lô ({ha} ha)', en: '{n, plural, one {# zone} other {# zones}} computed from plots ({ha} ha)' },
  shareStated: { vi: '{n} khu/cụm theo số liệu nguồn nêu ({ha} ha)', en: '{n, plural, one {# zone} other {# zones}} on a stated figure ({ha} ha)' },
  shareNone: { vi: '{n} khu/cụm chưa có số liệu ({ha} ha)', en: '{n, plural, one {# zone} other {# zones}} with no data ({ha} ha)' },
} satisfies Messages;
