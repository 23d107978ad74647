/** The plot panel, the plot edit form, split and merge. */
import type { Messages } from './message.ts';

export const plots = {
  plot: { vi: 'Lô', en: 'Plot' },
  plotCode: { vi: 'Mã lô', en: 'Plot code' },
  plotList: { vi: 'Các lô đất', en: 'Plots' },
  landUse: { vi: 'Loại đất', en: 'Land use' },
  tenant: { vi: 'Doanh nghiệp thuê', en: 'Tenant' },
  sector: { vi: 'Ngành nghề', en: 'Sector' },
  area: { vi: 'Diện tích', en: 'Area' },
  lease: { vi: 'Thời hạn thuê', en: 'Lease' },
  leaseStart: { vi: 'Bắt đầu thuê', en: 'Lease start' },
  leaseEnd: { vi: 'Kết thúc thuê', en: 'Lease end' },
  price: { vi: 'Giá thuê đất', en: 'Land rent' },
  priceUnit: { vi: 'đồng/m²/năm', en: 'VND/m²/year' },
  priceInput: { vi: 'Giá thuê (đồng/m²/năm)', en: 'Rent (VND/m²/year)' },
  priceHint: { vi: 'Để trống nếu chưa có số liệu.', en: 'Leave empty when no figure is known.' },
  tenantOnlyWhenHeld: { vi: 'Chỉ nhập khi lô đã cho thuê hoặc đã đặt chỗ.', en: 'Only for a leased or reserved plot.' },
  editPlot: { vi: 'Sửa lô', en: 'Edit plot' },
  split: { vi: 'Chia lô', en: 'Split plot' },
  merge: { vi: 'Gộp lô', en: 'Merge plots' },
  splitHelp: {
    vi: 'Bấm trên bản đồ để vẽ đường cắt ngang lô, từ ngoài mép này sang ngoài mép kia. Bấm đúp hoặc Enter để kết thúc, Esc để hủy.',
    en: 'Click on the map to draw a line across the plot, from outside one edge to outside the other. Double-click or Enter to finish, Esc to cancel.',
  },
  splitReady: {
    vi: 'Đã vẽ đường cắt ({n} điểm). Kiểm tra trên bản đồ rồi bấm Chia lô.',
    en: 'Line drawn ({n, plural, one {# point} other {# points}}). Check it on the map, then press Split plot.',
  },
  splitDone: { vi: 'Đã chia thành {codes}.', en: 'Split into {codes}.' },
  redraw: { vi: 'Vẽ lại', en: 'Redraw' },
  finishLine: { vi: 'Xong đường cắt', en: 'Finish line' },
  mergeHelp: {
    vi: 'Bấm vào lô liền kề trên bản đồ để gộp. Esc để hủy.',
    en: 'Click the adjacent plot on the map to merge with. Esc to cancel.',
  },
  mergeReady: { vi: 'Gộp {a} với {b}?', en: 'Merge {a} with {b}?' },
  mergeDone: { vi: 'Đã gộp thành {code}.', en: 'Merged into {code}.' },
  pickAgain: { vi: 'Chọn lô khác', en: 'Pick another plot' },
  pickAnotherPlot: { vi: 'Hãy chọn một lô khác lô đang mở.', en: 'Pick a plot other than the open one.' },
} satisfies Messages;
