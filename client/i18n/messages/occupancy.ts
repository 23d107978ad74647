/** Occupancy: the basis, date and zones a figure rests on (lib/occupancy-text.ts). */
import type { Messages } from './message.ts';

export const occupancy = {
  occAsOf: { vi: 'theo nguồn, {date}', en: 'as of {date}, per source' },
  occEditedBy: { vi: 'do {user} cập nhật {date}', en: 'updated by {user} {date}' },
  occCounted: { vi: 'tính trên {n} khu/cụm ({ha} ha): {names}', en: 'rests on {n} zones ({ha} ha): {names}' },
  occMissing: { vi: '{n} khu/cụm chưa có số liệu ({ha} ha): {names}', en: '{n} zones without a figure ({ha} ha): {names}' },
  occExcluded: { vi: 'không tính {n} khu/cụm quy hoạch hoặc đã thu hồi ({ha} ha)', en: 'leaves out {n} planned or revoked zones ({ha} ha)' },
  occGapNoSource: {
    vi: 'Chưa nguồn nào nêu tỷ lệ lấp đầy; sơ đồ lô chỉ minh họa nên không dùng để tính.',
    en: 'No source states an occupancy; the plot layout is only schematic, so it is not used to compute one.',
  },
  occGapNotLeasable: { vi: 'Khu/cụm quy hoạch hoặc đã thu hồi: chưa có đất cho thuê.', en: 'Planned or revoked: no land to let yet.' },
  occLayoutSums: { vi: 'Sơ đồ lô (minh họa): đã thuê {leased}/{leasable} ha', en: 'Plot layout (schematic): {leased}/{leasable} ha leased' },
  tenantCountOf: { vi: '{n} dự án (nêu tên {named})', en: '{n} projects ({named} named)' },
} satisfies Messages;
