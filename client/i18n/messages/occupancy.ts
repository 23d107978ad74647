/** Occupancy: the basis, date and zones a figure rests on (lib/occupancy-text.ts). */
import type { Messages } from './message.ts';

export const occupancy = {
  occAsOf: { vi: 'theo nguồn, {date}', en: 'as of {date}, per source' },
  occEditedBy: { vi: 'do {user} cập nhật {date}', en: 'updated by {user} {date}' },
  occCounted: { vi: 'tính trên {n} khu/cụm ({ha} ha): {names}', en: 'rests on {n, plural, one {# zone} other {# zones}} ({ha} ha): {names}' },
  occMissing: { vi: '{n} khu/cụm chưa có số liệu ({ha} ha): {names}', en: '{n, plural, one {# zone} other {# zones}} without a figure ({ha} ha): {names}' },
  occMissingShort: { vi: '{n} khu/cụm chưa có số liệu ({ha} ha)', en: '{n, plural, one {# zone} other {# zones}} without a figure ({ha} ha)' },
  occExcluded: {
    vi: 'không tính {n} khu/cụm quy hoạch hoặc đã thu hồi ({ha} ha)',
    en: 'leaves out {n, plural, one {# planned or revoked zone} other {# planned or revoked zones}} ({ha} ha)',
  },
  // What a total rests on, by the confidence class of its parts (geodata/confidence.ts totalConfidence).
  occShareSourced: { vi: '{n} khu/cụm có nguồn ({ha} ha)', en: '{n, plural, one {# zone} other {# zones}} sourced ({ha} ha)' },
  occShareSchematic: { vi: '{n} khu/cụm tính từ sơ đồ lô minh họa ({ha} ha)', en: '{n, plural, one {# zone} other {# zones}} from a schematic layout ({ha} ha)' },
  occSharePartial: { vi: '{n} khu/cụm số liệu một phần ({ha} ha)', en: '{n, plural, one {# zone} other {# zones}} with a partial figure ({ha} ha)' },
  occShareOld: { vi: '{n} khu/cụm số liệu cũ hơn {years} năm ({ha} ha)', en: '{n, plural, one {# zone} other {# zones}} with a figure over {years, plural, one {# year} other {# years}} old ({ha} ha)' },
  occDefinition: {
    vi: 'Tỷ lệ lấp đầy = đất công nghiệp, dịch vụ đã cho thuê ÷ toàn bộ đất công nghiệp, dịch vụ (Nghị định 35/2022/NĐ-CP). Mỗi khu/cụm lấy số liệu mới nhất theo nguồn, kèm cơ sở tính và ngày; số chung chỉ có khi mọi khu/cụm có thể cho thuê đều có số liệu.',
    en: 'Occupancy = leased industrial and service land ÷ all industrial and service land (Decree 35/2022/NĐ-CP). Each zone shows its latest sourced figure, with its basis and date; a group has a figure only when every zone that could hold tenants has one.',
  },
  occGapNoSource: {
    vi: 'Chưa nguồn nào nêu tỷ lệ lấp đầy; sơ đồ lô chỉ minh họa nên không dùng để tính.',
    en: 'No source states an occupancy; the plot layout is only schematic, so it is not used to compute one.',
  },
  occGapNotLeasable: { vi: 'Khu/cụm quy hoạch hoặc đã thu hồi: chưa có đất cho thuê.', en: 'Planned or revoked: no land to let yet.' },
  occLayoutSums: { vi: 'Sơ đồ lô (minh họa): đã thuê {leased}/{leasable} ha', en: 'Plot layout (schematic): {leased}/{leasable} ha leased' },
  tenantCountOf: { vi: '{n} dự án (nêu tên {named})', en: '{n, plural, one {# project} other {# projects}} ({named} named)' },
} satisfies Messages;
