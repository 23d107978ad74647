/** Edit forms: buttons, conflicts and request errors. Reasons a field is refused are in geodata/rules/reasons.ts. */
import type { Messages } from './message.ts';

export const forms = {
  edit: { vi: 'Sửa', en: 'Edit' },
  save: { vi: 'Lưu', en: 'Save' },
  saving: { vi: 'Đang lưu…', en: 'Saving…' },
  saved: { vi: 'Đã lưu thay đổi.', en: 'Changes saved.' },
  cancel: { vi: 'Hủy', en: 'Cancel' },
  reason: { vi: 'Lý do thay đổi', en: 'Reason for the change' },
  nothingChanged: { vi: 'Không có gì thay đổi để lưu.', en: 'Nothing has changed; nothing to save.' },
  datePartialKept: { vi: 'Đang lưu: {date} (chỉ có tháng hoặc năm); chọn ngày để thay.', en: 'Stored: {date} (month or year only); pick a day to replace it.' },
  dateClear: { vi: 'Xóa', en: 'Clear' },
  conflictTitle: { vi: 'Bản ghi vừa được người khác sửa', en: 'Someone else changed this record' },
  conflictHelp: {
    vi: 'Thay đổi của bạn chưa được lưu. So sánh bản hiện tại với giá trị của bạn rồi chọn.',
    en: 'Your changes were not saved. Compare the current version with your values, then choose.',
  },
  conflictCurrent: { vi: 'Bản hiện tại', en: 'Current version' },
  conflictYours: { vi: 'Của bạn', en: 'Yours' },
  useCurrent: { vi: 'Dùng bản hiện tại', en: 'Use current' },
  keepMine: { vi: 'Giữ giá trị của tôi (lưu lại sau)', en: 'Keep my values (save again)' },
  errorNetwork: { vi: 'Không kết nối được máy chủ.', en: 'Cannot reach the server.' },
  errorInvalid: { vi: 'Dữ liệu không hợp lệ.', en: 'Invalid data.' },
  errorSignedOut: { vi: 'Phiên đăng nhập đã hết. Hãy đăng nhập lại.', en: 'Your session has ended. Please sign in again.' },
  errorForbidden: { vi: 'Bạn không có quyền làm việc này.', en: 'You are not allowed to do this.' },
  errorNotFound: {
    vi: 'Không tìm thấy bản ghi (có thể đã bị xóa hoặc chia, gộp).',
    en: 'Record not found (it may have been deleted, split or merged).',
  },
  errorPrecondition: { vi: 'Thiếu phiên bản bản ghi. Mở lại biểu mẫu.', en: 'The record version is missing. Reopen the form.' },
  errorServer: { vi: 'Máy chủ gặp lỗi. Thử lại sau.', en: 'Server error. Try again later.' },
  errorUnexpected: { vi: 'Có lỗi xảy ra.', en: 'Something went wrong.' },
} satisfies Messages;
