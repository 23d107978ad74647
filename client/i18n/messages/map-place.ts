/** What the map writes on itself and the legend entries that explain it: bubbles, boundaries, sources. */
import type { Messages } from './message.ts';

export const mapPlace = {
  bubbleZones: { vi: 'khu/cụm', en: 'zones' },
  legendBubble: {
    vi: 'Vòng tròn: một khu/cụm, hoặc các khu/cụm ở gần nhau (“5 khu/cụm” là số khu/cụm, tỷ lệ là của cả nhóm); bấm để phóng to',
    en: 'Bubble: one zone, or nearby zones together (“5 zones” counts them, the rate is the group’s); click to zoom in',
  },
  legendBubblePreLeasing: { vi: 'Vòng tròn gạch chéo: khu/cụm quy hoạch hoặc đã thu hồi', en: 'Hatched bubble: planned or revoked zones' },
  // Zoomed in to the plots, the legend leads with what the map then draws (client/components/Legend.tsx).
  legendPlotStatus: { vi: 'Trạng thái lô đất', en: 'Plot status' },
  legendZonesWithoutPlots: { vi: 'Khu/cụm chưa vẽ lô: {mode}', en: 'Zones without plots drawn: {mode}' },
  legendSchematicMark: { vi: 'ghi trên khu/cụm: hình, diện tích và trạng thái lô chỉ để minh họa', en: 'written on a zone: plot shapes, areas and statuses are illustrative' },
  legendBoundaries: { vi: 'Ranh giới hành chính (từ 1/7/2025)', en: 'Administrative boundaries (since 1 July 2025)' },
  legendProvince: { vi: 'Tỉnh Thái Nguyên', en: 'Thái Nguyên province' },
  legendFormerBacKan: { vi: 'Tỉnh Bắc Kạn cũ (trước 1/7/2025)', en: 'Former Bắc Kạn province (before 1 July 2025)' },
  legendCommune: { vi: 'Xã, phường', en: 'Commune or ward' },
  legendNeighbour: { vi: 'Tỉnh, thành phố khác', en: 'Other provinces' },
  legendSchematic: { vi: 'Quốc lộ, sông, hồ: sơ đồ vẽ tay, không đúng vị trí', en: 'National roads, river, lake: hand-drawn schematic, not true position' },
  // MapLibre's own words (map-ui-words.ts): the map's name for screen readers and its buttons.
  mapUiTitle: { vi: 'Bản đồ (phím mũi tên để di chuyển, + và − để phóng to, thu nhỏ)', en: 'Map (arrow keys to pan, + and − to zoom)' },
  mapUiZoomIn: { vi: 'Phóng to', en: 'Zoom in' },
  mapUiZoomOut: { vi: 'Thu nhỏ', en: 'Zoom out' },
  mapUiToggleAttribution: { vi: 'Hiện/ẩn nguồn bản đồ', en: 'Show or hide the map credits' },
  attributionApp: { vi: 'iz-atlas · ranh giới khu/cụm gần đúng', en: 'iz-atlas · approximate zone boundaries' },
  attributionBoundaries: {
    vi: 'Ranh giới: NXB Tài nguyên – Môi trường và Bản đồ Việt Nam (sapnhap.bando.com.vn); mã, tên đơn vị: Tổng cục Thống kê',
    en: 'Boundaries: Vietnam Natural Resources, Environment and Cartography Publishing House (sapnhap.bando.com.vn); unit codes and names: General Statistics Office',
  },
} satisfies Messages;
