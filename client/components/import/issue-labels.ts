/** Headings for the import report's issue codes; the server's message (English) gives the detail. */
import type { IssueCode } from '../../../geodata/exchange.ts';
import type { Lang } from '../../i18n/strings.ts';

export const ISSUE_LABELS: Record<IssueCode, Record<Lang, string>> = {
  crs: { vi: 'Hệ tọa độ', en: 'Coordinate system' },
  degrees_vs_metres: { vi: 'Nhầm độ và mét', en: 'Degrees and metres confused' },
  axis_swapped: { vi: 'Đảo thứ tự tọa độ', en: 'Axes swapped' },
  outside_province: { vi: 'Nằm ngoài tỉnh', en: 'Outside the province' },
  no_geometry: { vi: 'Thiếu hình học', en: 'No geometry' },
  geometry_type: { vi: 'Sai loại hình học', en: 'Wrong geometry type' },
  ring_closed: { vi: 'Vòng chưa khép kín', en: 'Ring not closed' },
  ring_winding: { vi: 'Sai chiều vòng', en: 'Ring winding' },
  ring_short: { vi: 'Vòng quá ít đỉnh', en: 'Ring too short' },
  self_intersection: { vi: 'Tự cắt', en: 'Self-intersection' },
  duplicate_id: { vi: 'Trùng mã', en: 'Duplicate id' },
  outside_zone: { vi: 'Nằm ngoài khu/cụm', en: 'Outside its zone' },
  overlap: { vi: 'Chồng lấn', en: 'Overlap' },
  attribute_type: { vi: 'Sai kiểu thuộc tính', en: 'Attribute type' },
  unknown_value: { vi: 'Giá trị không hợp lệ', en: 'Unknown value' },
  legacy_encoding: { vi: 'Bảng mã cũ (TCVN3/VNI)', en: 'Legacy encoding (TCVN3/VNI)' },
  schema: { vi: 'Sai cấu trúc dữ liệu', en: 'Schema' },
  missing: { vi: 'Thiếu thông tin', en: 'Missing value' },
  zone_mismatch: { vi: 'Khu/cụm không khớp', en: 'Zone mismatch' },
  unknown_zone: { vi: 'Khu/cụm không tồn tại', en: 'Unknown zone' },
  rule: { vi: 'Trái quy tắc', en: 'Rule' },
  unknown_source: { vi: 'Nguồn không tồn tại', en: 'Unknown source' },
  unknown_column: { vi: 'Cột không dùng', en: 'Unused column' },
  z_dropped: { vi: 'Bỏ cao độ Z', en: 'Z dropped' },
};
