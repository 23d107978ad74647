/** Regions of the new province (geodata/regions.ts names them) and the figure-source rule's words. */
import type { Messages } from './message.ts';

export const regions = {
  regionShown: { vi: 'Vùng', en: 'Region' },
  statsRegion: { vi: '{region}: {kcn} KCN, {ccn} CCN', en: '{region}: {kcn} KCN, {ccn} CCN' },
  // What a zone's colour rests on (geodata/metrics.ts figureSourceOf).
  figureFromPlots: { vi: 'Tính từ sơ đồ lô thực', en: 'Computed from the real plot layout' },
  figureStated: { vi: 'Số liệu do nguồn nêu, không tính từ lô (chưa có sơ đồ lô thực)', en: 'Stated by a source, not computed from plots (no real plot layout)' },
  bubbleStated: { vi: 'theo nguồn nêu', en: 'stated' },
  legendStated: {
    vi: 'Viền chấm trắng (trên vòng tròn: «3 theo nguồn nêu»): tỷ lệ do nguồn nêu, không tính từ lô',
    en: 'White-dotted outline (on a bubble: “3 stated”): occupancy stated by a source, not computed from plots',
  },
  // How much of a total rests on each kind of figure (figureSourceShares).
  shareFromPlots: { vi: '{n} khu/cụm tính từ lô ({ha} ha)', en: '{n, plural, one {# zone} other {# zones}} computed from plots ({ha} ha)' },
  shareStated: { vi: '{n} khu/cụm theo số liệu nguồn nêu ({ha} ha)', en: '{n, plural, one {# zone} other {# zones}} on a stated figure ({ha} ha)' },
  // The same, where the group has no combined figure: what its zones' figures are, from lowest to highest.
  shareFromPlotsRange: { vi: '{n} khu/cụm tính từ lô ({ha} ha): {range}', en: '{n, plural, one {# zone} other {# zones}} computed from plots ({ha} ha): {range}' },
  shareStatedRange: { vi: '{n} khu/cụm theo số liệu nguồn nêu ({ha} ha): {range}', en: '{n, plural, one {# zone} other {# zones}} on a stated figure ({ha} ha): {range}' },
  // A group's headline when some zones that could hold tenants have no figure: how many of them.
  noDataFor: { vi: 'Chưa có số liệu {n}/{of}', en: 'No data for {n} of {of}' },
  shareNone: { vi: '{n} khu/cụm chưa có số liệu ({ha} ha)', en: '{n, plural, one {# zone} other {# zones}} with no data ({ha} ha)' },
  findZonesNoLayout: { vi: 'Khu, cụm chưa có sơ đồ lô ({n})', en: '{n, plural, one {# zone} other {# zones}} without a plot layout' },
  findZonesNoLayoutNote: {
    vi: 'Chưa biết diện tích còn trống; tỷ lệ lấp đầy theo nguồn nêu. Bộ lọc diện tích không áp dụng.',
    en: 'Free land not known; occupancy as its sources state it. Area filters do not apply.',
  },
  // The province page (components/ProvincePanel.tsx).
  provinceOpen: { vi: 'Toàn tỉnh', en: 'Whole province' },
  provinceTitle: { vi: 'Tỉnh Thái Nguyên (từ 1/7/2025)', en: 'Thái Nguyên province (since 1 July 2025)' },
  provinceAtlasTotals: { vi: 'Trên bản đồ này', en: 'In this atlas' },
  provinceAtlasNote: {
    vi: 'Các khu, cụm có trên bản đồ, theo vùng; tỷ lệ lấp đầy theo cùng quy tắc với thẻ số liệu.',
    en: 'The zones this atlas holds, by region; occupancy by the same rule as the figures card.',
  },
  provinceZones: { vi: 'Số khu/cụm', en: 'Zones' },
  provinceArea: { vi: 'Diện tích (ha)', en: 'Area (ha)' },
  provinceOccupancy: { vi: 'Lấp đầy', en: 'Occupancy' },
  provinceWhole: { vi: 'Toàn tỉnh', en: 'Whole province' },
  provincePublished: { vi: 'Số liệu tỉnh công bố', en: 'As the province publishes them' },
  provincePublishedNote: {
    vi: 'Theo nguồn báo chí và văn bản, không phải tổng các khu trên bản đồ.',
    en: 'From the press and official documents, not sums of the zones on this map.',
  },
  provincePlan: { vi: 'Mục tiêu quy hoạch đến 2030', en: 'Plan targets to 2030' },
  provinceScopeProvince: { vi: 'toàn tỉnh mới', en: 'new province' },
  provinceMoreThan: { vi: 'trên {value}', en: 'over {value}' },
  provinceAbout: { vi: 'khoảng {value}', en: 'about {value}' },
  provinceMachineTranslated: { vi: 'đọc qua bản dịch máy', en: 'read through a machine translation' },
} satisfies Messages;
