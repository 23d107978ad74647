/** The zone edit forms, the zone panel tabs and the history. */
import type { Messages } from './message.ts';

export const zones = {
  editZone: { vi: 'Sửa thông tin khu/cụm', en: 'Edit zone details' },
  nameVi: { vi: 'Tên tiếng Việt', en: 'Vietnamese name' },
  nameEn: { vi: 'Tên tiếng Anh', en: 'English name' },
  zoneName: { vi: 'Tên', en: 'Name' },
  sectorsHint: { vi: 'Ngăn cách bằng dấu chấm phẩy (;).', en: 'Separate them with semicolons (;).' },
  progressPct: { vi: 'Tiến độ (%)', en: 'Progress (%)' },
  asOfDate: { vi: 'Thời điểm số liệu', en: 'Figure as of' },
  sourceNote: { vi: 'Nguồn số liệu', en: 'Source of the figure' },
  sourceNoteHint: { vi: 'Ví dụ: Báo cáo của Ban quản lý, tháng 5/2026.', en: 'E.g. management board report, May 2026.' },
  zoneViews: { vi: 'Thông tin khu/cụm', en: 'Zone views' },
  tabDetails: { vi: 'Thông tin', en: 'Details' },
  tabHistory: { vi: 'Lịch sử', en: 'History' },
  historySeries: { vi: 'Số liệu theo thời gian', en: 'Figures over time' },
  changeLog: { vi: 'Nhật ký thay đổi', en: 'Change log' },
  noChanges: { vi: 'Chưa có thay đổi nào.', en: 'No changes yet.' },
  date: { vi: 'Ngày', en: 'Date' },
  origin: { vi: 'Nguồn gốc', en: 'Origin' },
  originYearly: { vi: 'Số liệu năm', en: 'Yearly figure' },
  originEdit: { vi: 'Chỉnh sửa', en: 'Edit' },
  actionUpdate: { vi: 'cập nhật', en: 'updated' },
  actionSplit: { vi: 'chia lô', en: 'split' },
  actionMerge: { vi: 'gộp lô', en: 'merged' },
  actionCreate: { vi: 'tạo mới', en: 'created' },
  actionInfrastructure: { vi: 'cập nhật hạ tầng', en: 'infrastructure updated' },
} satisfies Messages;
