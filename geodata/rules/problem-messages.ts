/**
 * The one table of the API's refusals beyond a field's reason (geodata/rules/reasons.ts): each
 * problem code with its `title` and `detail` in Vietnamese and English. The server sends the code
 * in the problem body (`code`, with `params`) and renders title and detail in the language asked
 * for (?lang, Accept-Language; English by default). {name} is filled from the params; a list param
 * is joined the language's way ("planner or admin", "planner hoặc admin").
 */
import { fillMessage, formatCount, type MessageLang } from '../message-format.ts';
import type { Label } from '../vocabulary.ts';

type ProblemText = { title: Label; detail?: Label };

export const PROBLEM_MESSAGES = {
  // Requests the server refuses as a whole
  invalidParameter: { title: { vi: 'Tham số không hợp lệ', en: 'Invalid parameter' } },
  invalidBody: { title: { vi: 'Nội dung gửi lên không hợp lệ', en: 'Invalid request body' } },
  notJsonBody: { title: { vi: 'Nội dung gửi lên phải là JSON', en: 'Expected a JSON body' }, detail: { vi: 'Hãy gửi kèm Content-Type: application/json.', en: 'Send Content-Type: application/json.' } },
  malformedJson: { title: { vi: 'Nội dung JSON bị lỗi', en: 'Malformed JSON' } },
  bodyTooLarge: { title: { vi: 'Nội dung gửi lên quá lớn', en: 'Request body too large' }, detail: { vi: 'Tối đa {bytes} byte.', en: 'At most {bytes} bytes.' } },
  internal: { title: { vi: 'Lỗi máy chủ', en: 'Internal server error' } },
  // Not found
  apiNotFound: { title: { vi: 'Không tìm thấy', en: 'Not found' }, detail: { vi: 'API không có {method} {path}', en: 'No API endpoint {method} {path}' } },
  zoneNotFound: { title: { vi: 'Không tìm thấy khu/cụm', en: 'Zone not found' }, detail: { vi: 'Không có khu/cụm mã "{id}"', en: 'No zone with id "{id}"' } },
  plotNotFound: { title: { vi: 'Không tìm thấy lô đất', en: 'Plot not found' }, detail: { vi: 'Không có lô mã "{id}"', en: 'No plot with id "{id}"' } },
  userNotFound: { title: { vi: 'Không tìm thấy tài khoản', en: 'User not found' }, detail: { vi: 'Không có tài khoản mã "{id}"', en: 'No user with id "{id}"' } },
  enquiryNotFound: { title: { vi: 'Không tìm thấy yêu cầu thuê', en: 'Enquiry not found' }, detail: { vi: 'Không có yêu cầu thuê mã "{id}"', en: 'No enquiry with id "{id}"' } },
  infraItemNotFound: { title: { vi: 'Không có hạng mục hạ tầng này', en: 'Unknown infrastructure item' }, detail: { vi: 'Các hạng mục là {items}.', en: 'Items are {items}.' } },
  noTargets: { title: { vi: 'Bộ dữ liệu này không có chỉ tiêu', en: 'No targets for this dataset' } },
  noTour: { title: { vi: 'Bộ dữ liệu này không có bài trình bày', en: 'No tour for this dataset' } },
  tileNotFound: { title: { vi: 'Không tìm thấy', en: 'Not found' }, detail: { vi: 'Ô bản đồ có dạng {pattern}.', en: 'Tiles are served as {pattern}.' } },
  tileLayerNotFound: { title: { vi: 'Không có lớp ô bản đồ này', en: 'Unknown tile layer' }, detail: { vi: 'Các lớp là {layers}.', en: 'Layers are {layers}.' } },
  tileEndpointNotFound: { title: { vi: 'Không tìm thấy', en: 'Not found' }, detail: { vi: 'Dịch vụ ô bản đồ không có {method} {path}', en: 'No tile endpoint {method} {path}' } },
  invalidTile: { title: { vi: 'Tọa độ ô bản đồ không hợp lệ', en: 'Invalid tile coordinates' } },
  ogcCollectionNotFound: {
    title: { vi: 'Không tìm thấy tập dữ liệu', en: 'Collection not found' },
    detail: { vi: 'Không có tập dữ liệu "{id}"; các tập dữ liệu là {collections}.', en: 'No collection "{id}"; the collections are {collections}.' },
  },
  ogcFeatureNotFound: { title: { vi: 'Không tìm thấy đối tượng', en: 'Feature not found' }, detail: { vi: 'Không có đối tượng "{id}" trong {collection}', en: 'No feature "{id}" in {collection}' } },
  ogcNotFound: { title: { vi: 'Không tìm thấy', en: 'Not found' }, detail: { vi: 'OGC API không có {method} {path}; hãy bắt đầu từ /ogc', en: 'No OGC API resource {method} {path}; start at /ogc' } },
  // Who may do what
  signInRequired: { title: { vi: 'Cần đăng nhập', en: 'Sign-in required' }, detail: { vi: 'Thao tác này cần tài khoản cán bộ quy hoạch.', en: 'This action needs a planner account.' } },
  csrfToken: { title: { vi: 'Thiếu hoặc sai mã CSRF', en: 'Missing or wrong CSRF token' }, detail: { vi: 'Hãy gửi mã lấy từ GET /api/session trong {header}.', en: 'Send the token from GET /api/session in {header}.' } },
  roleRequired: { title: { vi: 'Không được phép', en: 'Not allowed' }, detail: { vi: 'Thao tác này cần quyền {roles}.', en: 'This action needs the role {roles}.' } },
  noLongerAdmin: { title: { vi: 'Không được phép', en: 'Not allowed' }, detail: { vi: 'Tài khoản của bạn không còn là quản trị đang hoạt động.', en: 'Your account is no longer an active admin.' } },
  badCredentials: { title: { vi: 'Sai tên đăng nhập hoặc mật khẩu', en: 'Invalid username or password' } },
  lastAdmin: { title: { vi: 'Phải còn ít nhất một quản trị đang hoạt động', en: 'At least one active admin must remain' } },
  // Too many, too busy
  signInThrottled: { title: { vi: 'Đăng nhập sai quá nhiều lần', en: 'Too many failed sign-ins' }, detail: { vi: 'Hãy thử lại sau {seconds} giây.', en: 'Try again in {seconds} s.' } },
  signInBusy: {
    title: { vi: 'Quá nhiều lượt đăng nhập cùng lúc', en: 'Too many sign-ins at once' },
    detail: { vi: 'Máy chủ đang kiểm tra nhiều mật khẩu; hãy thử lại sau vài giây.', en: 'The server is checking many passwords; try again in a few seconds.' },
  },
  enquiryThrottled: { title: { vi: 'Địa chỉ này đã gửi quá nhiều yêu cầu thuê', en: 'Too many enquiries from this address' }, detail: { vi: 'Hãy thử lại sau {seconds} giây.', en: 'Try again in {seconds} s.' } },
  enquiryTooLarge: { title: { vi: 'Yêu cầu thuê quá lớn', en: 'Enquiry too large' }, detail: { vi: 'Tối đa {bytes} byte.', en: 'At most {bytes} bytes.' } },
  busyImports: {
    title: { vi: 'Máy chủ đang bận với các lần nhập khác', en: 'Busy with other imports' },
    detail: { vi: 'Máy chủ đang xử lý các lần nhập khác; hãy thử lại sau {seconds} giây.', en: 'Other imports are being processed; try again in {seconds} s.' },
  },
  busyExports: {
    title: { vi: 'Máy chủ đang bận với các lần xuất khác', en: 'Busy with other exports' },
    detail: { vi: 'Máy chủ đang xử lý các lần xuất khác; hãy thử lại sau {seconds} giây.', en: 'Other exports are being processed; try again in {seconds} s.' },
  },
  busyPages: {
    title: { vi: 'Máy chủ đang bận với các trang lớn khác', en: 'Busy with other large pages' },
    detail: { vi: 'Máy chủ đang xử lý các trang lớn khác; hãy thử lại sau {seconds} giây.', en: 'Other large pages are being processed; try again in {seconds} s.' },
  },
  databaseUnavailable: {
    title: { vi: 'Không kết nối được cơ sở dữ liệu', en: 'Database unavailable' },
    detail: { vi: 'Không kết nối được cơ sở dữ liệu; hãy thử lại sau vài giây.', en: 'The database is not reachable; try again in a few seconds.' },
  },
  // Why the database cannot write (server/db/write-health.ts); its own words go in the problem's `cause`.
  databaseFull: {
    title: { vi: 'Cơ sở dữ liệu không ghi được', en: 'The database cannot write' },
    detail: { vi: 'Chưa lưu gì: ổ đĩa chứa cơ sở dữ liệu đã đầy. Hãy báo người vận hành giải phóng dung lượng.', en: 'Nothing was saved: the disk holding the database is full. Ask the operator to free space.' },
  },
  databaseReadOnly: {
    title: { vi: 'Cơ sở dữ liệu không ghi được', en: 'The database cannot write' },
    detail: { vi: 'Chưa lưu gì: cơ sở dữ liệu đang ở chế độ chỉ đọc. Hãy báo người vận hành.', en: 'Nothing was saved: the database is read-only. Ask the operator to fix it.' },
  },
  databaseCannotWrite: {
    title: { vi: 'Cơ sở dữ liệu không ghi được', en: 'The database cannot write' },
    detail: { vi: 'Chưa lưu gì: cơ sở dữ liệu không ghi được vào bộ nhớ. Hãy báo người vận hành sửa bộ nhớ.', en: 'Nothing was saved: the database cannot write to its storage. Ask the operator to fix the storage.' },
  },
  // Saving over someone else's change
  ifMatchRequired: {
    title: { vi: 'Cần gửi If-Match', en: 'If-Match required' },
    detail: { vi: 'Hãy gửi ETag lấy từ GET bản ghi này trong If-Match, để không ghi đè thay đổi mới hơn.', en: 'Send the ETag from GET of this record in If-Match, so a newer change is not overwritten.' },
  },
  tourIfMatchRequired: {
    title: { vi: 'Cần gửi If-Match', en: 'If-Match required' },
    detail: { vi: 'Hãy gửi ETag lấy từ GET /api/tour trong If-Match, để không ghi đè bài trình bày mới hơn.', en: 'Send the ETag from GET /api/tour in If-Match, so a newer tour is not overwritten.' },
  },
  plotChanged: {
    title: { vi: 'Lô đất đã thay đổi từ khi bạn mở', en: 'Plot changed since you loaded it' },
    detail: { vi: 'Có người đã lưu phiên bản mới hơn; hãy xem lại trước khi lưu.', en: 'Someone saved a newer version; review it before saving again.' },
  },
  zoneChanged: {
    title: { vi: 'Khu/cụm đã thay đổi từ khi bạn mở', en: 'Zone changed since you loaded it' },
    detail: { vi: 'Có người đã lưu phiên bản mới hơn; hãy xem lại trước khi lưu.', en: 'Someone saved a newer version; review it before saving again.' },
  },
  tourChanged: {
    title: { vi: 'Bài trình bày đã thay đổi từ khi bạn mở', en: 'The tour changed since you loaded it' },
    detail: { vi: 'Có người đã lưu bài trình bày mới hơn; hãy xem lại trước khi lưu.', en: 'Someone saved a newer tour; review it before saving again.' },
  },
  mergeFailed: { title: { vi: 'Không gộp được', en: 'Merge failed' } },
  splitFailed: { title: { vi: 'Không tách được', en: 'Split failed' } },
  // Files in and out
  exportUnknownCrs: { title: { vi: 'Không xuất được', en: 'Cannot export' }, detail: { vi: 'Không biết hệ tọa độ "{crs}".', en: 'Unknown CRS "{crs}".' } },
  exportKmlCrs: { title: { vi: 'Không xuất được', en: 'Cannot export' }, detail: { vi: 'KML luôn là WGS 84 (EPSG:4326): hãy xuất KML với hệ tọa độ đó.', en: 'KML is always WGS 84 (EPSG:4326): export KML in that CRS.' } },
  unreadableUpload: {
    title: { vi: 'Không đọc được tệp gửi lên', en: 'Unreadable upload' },
    detail: {
      vi: 'Không đọc được nội dung multipart/form-data: hãy gửi tệp trong trường "file", hoặc gửi nguyên tệp.',
      en: 'The multipart/form-data body cannot be read: send the file in the field "file", or as the raw body.',
    },
  },
  noFile: { title: { vi: 'Chưa có tệp', en: 'No file' }, detail: { vi: 'Hãy gửi tệp trong trường multipart "file".', en: 'Send the file in the multipart field "file".' } },
  invalidFileName: { title: { vi: 'Tên tệp không hợp lệ', en: 'Invalid file name' } },
  fileTooLarge: { title: { vi: 'Tệp quá lớn', en: 'File too large' } },
  fileCannotImport: { title: { vi: 'Không nhập được tệp này', en: 'The file cannot be imported' } },
} satisfies Record<string, ProblemText>;

export type ProblemCode = keyof typeof PROBLEM_MESSAGES;
export type ProblemParams = Record<string, string | number | readonly string[]>;

const LIST_LOCALES: Record<MessageLang, string> = { vi: 'vi-VN', en: 'en-GB' };

/** A param written the language's way: a list joined with "or"/"hoặc", numbers as counts, the rest as sent. */
function show(lang: MessageLang, value: unknown): string {
  if (Array.isArray(value)) return new Intl.ListFormat(LIST_LOCALES[lang], { type: 'disjunction' }).format(value.map(String));
  if (typeof value === 'number') return formatCount(lang, value);
  return String(value ?? '');
}

const fill = (lang: MessageLang, text: string, params: ProblemParams) => fillMessage(lang, text, params, (_k, v) => show(lang, v));

/** The title and (when the table has one) the detail of a problem, in `lang`. */
export function problemText(lang: MessageLang, code: ProblemCode, params: ProblemParams = {}): { title: string; detail?: string } {
  const m: ProblemText = PROBLEM_MESSAGES[code];
  return { title: fill(lang, m.title[lang], params), ...(m.detail ? { detail: fill(lang, m.detail[lang], params) } : {}) };
}
