/**
 * The one table of reasons: every code a rule or a request schema gives for refusing a value,
 * with its Vietnamese and English message. Rules return codes with parameters, never sentences;
 * the client shows them in the interface language and the API sends the English next to the
 * code (invalid-params: name, reason, code, params). `satisfies` makes a code without both
 * languages a type error. {name} in a message is filled from the reason's params.
 */
import type { Label } from '../vocabulary.ts';
import { fillMessage, formatCount } from '../message-format.ts';

export const REASON_MESSAGES = {
  // Any field
  required: { vi: 'Bắt buộc nhập', en: 'Required' },
  maxChars: { vi: 'Tối đa {n} ký tự', en: 'At most {n, plural, one {# character} other {# characters}}' },
  minChars: { vi: 'Ít nhất {n} ký tự', en: 'At least {n, plural, one {# character} other {# characters}}' },
  maxItems: { vi: 'Tối đa {n} mục', en: 'At most {n, plural, one {# item} other {# items}}' },
  minItems: { vi: 'Ít nhất {n} mục', en: 'At least {n, plural, one {# item} other {# items}}' },
  number: { vi: 'Phải là một số', en: 'Must be a number' },
  negative: { vi: 'Không được âm', en: 'Must not be negative' },
  positive: { vi: 'Phải lớn hơn 0', en: 'Must be more than 0' },
  atLeast: { vi: 'Ít nhất {n}', en: 'At least {n}' },
  atMost: { vi: 'Tối đa {n}', en: 'At most {n}' },
  date: { vi: 'Ngày theo dạng NNNN, NNNN-TT hoặc NNNN-TT-NN', en: 'A date as YYYY, YYYY-MM or YYYY-MM-DD' },
  notStorable: {
    vi: 'Không được chứa ký tự điều khiển, ký tự đảo chiều văn bản hay ký tự UTF-16 lẻ',
    en: 'Must not contain control characters (U+0000–U+001F but tab and line breaks, U+007F–U+009F), bidirectional overrides (U+202A–U+202E, U+2066–U+2069) or lone surrogates',
  },
  calendarDay: { vi: '{date} không phải một ngày có thật', en: '{date} is not a day of the calendar' },
  yearRange: { vi: 'Năm phải trong khoảng {min}–{max}', en: 'The year must be between {min} and {max}' },
  serialId: { vi: 'Mã phải là số nguyên dương không quá {max}', en: 'Expected a positive whole number up to {max}' },
  unknownField: { vi: 'Trường không được chấp nhận', en: 'Unknown parameter' },
  invalid: { vi: 'Giá trị không hợp lệ', en: 'Invalid value' },
  oneOf: { vi: 'Phải là một trong: {values}', en: 'Must be one of: {values}' },
  // The OGC API's query parameters (server/ogc/params.ts); its English is what the API always sent
  ogcOnlyF: { vi: 'Tham số không được hỗ trợ; tài nguyên này chỉ nhận f (và lang)', en: 'unknown parameter; this resource takes only f (and lang)' },
  ogcItemsParams: {
    vi: 'Tham số không được hỗ trợ; đối tượng của {collection} nhận {common} và các bộ lọc thuộc tính {filters}',
    en: 'unknown parameter; {collection} items take {common} and the property filters {filters}',
  },
  givenTwice: { vi: 'Được gửi nhiều lần', en: 'given more than once' },
  ogcFormat: { vi: 'Cần json hoặc html', en: 'expected json or html' },
  langCode: { vi: 'Cần vi hoặc en', en: 'expected vi or en' },
  bboxNumbers: { vi: 'Cần bốn số minLon,minLat,maxLon,maxLat (hoặc sáu số, thêm minZ và maxZ)', en: 'expected four numbers minLon,minLat,maxLon,maxLat (or six with minZ and maxZ)' },
  bboxRange: { vi: 'Kinh độ phải trong khoảng ±180 và vĩ độ trong khoảng ±90 (CRS84: kinh độ trước)', en: 'longitudes must be within ±180 and latitudes within ±90 (CRS84: longitude first)' },
  bboxLatOrder: { vi: 'minLat không được lớn hơn maxLat', en: 'minLat must not exceed maxLat' },
  bboxZOrder: { vi: 'minZ không được lớn hơn maxZ', en: 'minZ must not exceed maxZ' },
  ogcLimit: { vi: 'Cần một số nguyên từ 1 (lớn hơn {max} được tính là {max})', en: 'expected a whole number from 1 (larger than {max} counts as {max})' },
  ogcOffset: { vi: 'Cần một số nguyên từ 0', en: 'expected a whole number from 0' },
  datetimeParts: { vi: 'Cần một thời điểm hoặc một khoảng bắt đầu/kết thúc (RFC 3339)', en: 'expected an instant or an interval start/end (RFC 3339)' },
  datetimeInstant: { vi: 'Cần một ngày hoặc ngày giờ theo RFC 3339', en: 'expected an RFC 3339 date or date-time' },
  datetimeInterval: { vi: 'Cần bắt đầu/kết thúc là ngày theo RFC 3339, ".." cho đầu mở', en: 'expected start/end with RFC 3339 dates, ".." for an open end' },
  filterValue: { vi: 'Cần một giá trị', en: 'expected a value' },
  filterBoolean: { vi: 'Cần true hoặc false', en: 'expected true or false' },
  filterValues: { vi: '{values}: cần một hoặc nhiều giá trị trong {allowed}', en: '{values}: expected one or more of {allowed}' },
  // A tile's z/x/y (server/tiles/tile-math.ts)
  tileInteger: { vi: 'Cần một số nguyên không âm', en: 'expected a non-negative integer' },
  tileZoom: { vi: 'Mức thu phóng phải từ 0 đến {max}', en: 'zoom must be between 0 and {max}' },
  tileColumn: { vi: 'x phải nhỏ hơn 2^z = {n}', en: 'x must be below 2^z = {n}' },
  tileRow: { vi: 'y phải nhỏ hơn 2^z = {n}', en: 'y must be below 2^z = {n}' },
  // Exports (server/routes/export.ts)
  kmlWgs84: { vi: 'KML luôn là WGS 84 (EPSG:4326)', en: 'KML is always WGS 84 (EPSG:4326)' },
  contextNoStatus: { vi: 'Lớp nền không có trạng thái', en: 'The context layer has no status' },
  contextNoRegion: { vi: 'Lớp nền (đường, sông, hồ) không chia theo vùng: hãy xuất toàn bộ', en: 'The context layer (roads, river, lake) has no region: export it whole' },
  wholeNumber: { vi: 'Phải là số nguyên', en: 'Must be a whole number' },
  text: { vi: 'Phải là văn bản', en: 'Must be text' },
  yesNo: { vi: 'Phải là true hoặc false', en: 'Must be true or false' },
  list: { vi: 'Phải là một danh sách', en: 'Must be a list' },
  object: { vi: 'Phải là một đối tượng JSON', en: 'Must be a JSON object' },
  notJson: { vi: 'Nội dung gửi lên phải là JSON', en: 'Not JSON' },
  malformedJson: { vi: 'Nội dung JSON bị lỗi', en: 'Could not be parsed as JSON' },
  fileNameEncoding: { vi: "Tên tệp trong Content-Disposition (filename*) phải là UTF-8 mã hóa phần trăm (filename*=UTF-8''…)", en: "Content-Disposition filename* is not percent-encoded UTF-8 (filename*=UTF-8''…)" },
  // Plots (geodata/rules/plot-rules.ts)
  landUseStatus: {
    vi: 'Đất hạ tầng, cây xanh chỉ có thể đặt chỗ hoặc chưa có hạ tầng, không cho thuê hay chào thuê',
    en: 'Infrastructure and green land can only be reserved or not developed, never leased or offered',
  },
  tenantRequired: { vi: 'Lô đã cho thuê phải có doanh nghiệp thuê', en: 'A leased plot needs a tenant' },
  leaseOrder: { vi: 'Ngày kết thúc thuê không được trước ngày bắt đầu', en: 'The lease cannot end before it starts' },
  splitLine: {
    vi: 'Đường cắt phải cắt ngang lô từ mép này sang mép kia, chia lô thành đúng hai phần',
    en: 'The line must cross the plot from edge to edge, cutting it into exactly two parts',
  },
  notAdjacent: { vi: 'Hai lô không liền kề', en: 'The plots are not adjacent: their union is not one polygon' },
  differentZones: { vi: 'Hai lô thuộc hai khu/cụm khác nhau', en: 'The plots are in different zones' },
  mergeSame: {
    vi: 'Chỉ gộp được các lô cùng loại đất, trạng thái và doanh nghiệp thuê',
    en: 'Only plots with the same land use, status and tenant can be merged',
  },
  mergeTerms: {
    vi: 'Các lô có điều kiện thuê khác nhau ({fields}); hãy sửa cho giống nhau rồi gộp',
    en: 'The plots have different terms ({fields}); edit them to agree, then merge',
  },
  plotTwice: { vi: 'Một lô được nêu hai lần', en: 'The same plot is listed twice' },
  noSuchPlot: { vi: 'Không có lô mã "{id}"', en: 'No plot with id "{id}"' },
  // Accounts
  username: { vi: '3–64 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới', en: '3–64 lowercase letters, digits, dot, dash or underscore' },
  usernameTaken: { vi: 'Tên đăng nhập đã có', en: 'This username is taken' },
  selfLockout: { vi: 'Bạn không thể tự khóa hay hạ quyền mình; hãy nhờ quản trị khác', en: 'You cannot lock yourself out; ask another admin' },
  lastAdmin: { vi: 'Phải còn ít nhất một quản trị đang hoạt động; hãy tạo quản trị khác trước', en: 'At least one active admin must remain; make another admin first' },
  // Enquiries
  email: { vi: 'Địa chỉ thư điện tử không hợp lệ', en: 'Not an email address' },
  phone: { vi: 'Số điện thoại không hợp lệ', en: 'Not a phone number' },
  contact: { vi: 'Nhập thư điện tử hoặc số điện thoại', en: 'Give an email address or a phone number' },
  recordId: { vi: 'Không phải mã lô hay khu/cụm: mã gồm chữ thường không dấu, số và gạch ngang, 1–{max} ký tự', en: 'Not a plot or zone id: ids are lower-case letters, digits and hyphens, 1–{max} characters' },
  enquiryTarget: { vi: 'Không rõ lô hay khu/cụm nào', en: 'Say which plot or zone the enquiry is about' },
  noSuchTarget: { vi: 'Không rõ lô hay khu/cụm nào', en: 'No such plot or zone' },
  // The leaders' tour
  tourTarget: { vi: 'Không phải mã khu/cụm hay "province"', en: 'Not a zone id or "province"' },
  tourPlaceholder: {
    vi: 'Chú thích có chỗ trống không rõ; trong ngoặc nhọn chỉ dùng: name, status, occupancy, progress, works, tenants, area, kcn-occupancy, ccn-occupancy',
    en: 'The caption names an unknown placeholder; in braces use only: name, status, occupancy, progress, works, tenants, area, kcn-occupancy, ccn-occupancy',
  },
  // Imports: each issue of the import report (server/import/*), its English kept as the issue's `message`
  importRingNotClosed: { vi: 'Vòng ngoài chưa khép kín; đã khép lại bằng cách lặp lại điểm đầu', en: 'exterior ring was not closed; closed it by repeating the first position' },
  importHoleNotClosed: { vi: 'Lỗ {hole} chưa khép kín; đã khép lại bằng cách lặp lại điểm đầu', en: 'hole {hole} was not closed; closed it by repeating the first position' },
  importRingShort: { vi: 'Vòng ngoài chỉ có {n} điểm; một vòng cần ít nhất 4 (3 đỉnh và điểm khép)', en: 'exterior ring has {n, plural, one {# position} other {# positions}}; a ring needs at least 4 (3 corners + the closing one)' },
  importHoleShort: { vi: 'Lỗ {hole} chỉ có {n} điểm; một vòng cần ít nhất 4 (3 đỉnh và điểm khép)', en: 'hole {hole} has {n, plural, one {# position} other {# positions}}; a ring needs at least 4 (3 corners + the closing one)' },
  importRingWinding: { vi: 'Vòng ngoài quay sai chiều theo quy ước {rule}; đã quay lại', en: 'exterior ring was wound against the {rule} rule; rewound' },
  importHoleWinding: { vi: 'Lỗ {hole} quay sai chiều theo quy ước {rule}; đã quay lại', en: 'hole {hole} was wound against the {rule} rule; rewound' },
  importSelfIntersects: { vi: 'Ranh giới tự cắt tại {n} điểm, điểm đầu gần [{near}]', en: 'self-intersects at {n, plural, one {# point} other {# points}}, first near [{near}]' },
  importKinkRepair: {
    vi: 'Sửa ranh giới rồi nhập lại: "Fix geometries" của QGIS, `ogr2ogr -makevalid` hoặc buffer(0) sẽ gỡ chỗ tự cắt.',
    en: 'Repair the outline and import again: QGIS "Fix geometries", `ogr2ogr -makevalid`, or a zero-width buffer (buffer(0)) untangles it.',
  },
  importKinkRepairParts: {
    vi: 'Sửa ranh giới rồi nhập lại: "Fix geometries" của QGIS, `ogr2ogr -makevalid` hoặc buffer(0) sẽ gỡ chỗ tự cắt (turf unkinkPolygon sẽ cắt thành {n} đa giác).',
    en: 'Repair the outline and import again: QGIS "Fix geometries", `ogr2ogr -makevalid`, or a zero-width buffer (buffer(0)) untangles it (turf unkinkPolygon would cut it into {n, plural, one {# polygon} other {# polygons}}).',
  },
  importTooComplex: { vi: '{n} đoạn: quá nhiều để kiểm tra tự cắt trong giới hạn một lần nhập', en: '{n, plural, one {# segment} other {# segments}}: too many to check for self-intersections within what one import may compute' },
  importSimplify: { vi: 'Giản lược ranh giới ("Simplify" của QGIS, `ogr2ogr -simplify`) hoặc nhập ít đối tượng hơn mỗi lần.', en: 'Simplify the outline (QGIS "Simplify", `ogr2ogr -simplify`) or import fewer features at a time.' },
  importUnknownValue: {
    vi: 'Giá trị "{value}" của cột {field} không hợp lệ; cần một trong {expected} (hoặc tên tiếng Việt của chúng)',
    en: 'unknown {field} "{value}"; expected one of {expected} (or their Vietnamese names)',
  },
  importDuplicateId: { vi: 'Mã "{id}" đã có ở đối tượng số {n} (đếm từ 0) trong tệp', en: 'id "{id}" is also feature {n}\'s' },
  importIdOfOtherZone: { vi: 'Mã "{id}" là của một lô thuộc khu/cụm "{zone}"; hãy đặt mã khác cho lô này', en: 'id "{id}" belongs to a plot of zone "{zone}"; give this plot another id' },
  importOutsideZone: { vi: 'Không nằm trọn trong khu/cụm {zone}: {m2} m² nằm ngoài', en: 'not inside its zone {zone}: {m2} m² lies outside' },
  // {province} is a proper name, the same in both languages: the province of the data since 1 July 2025 (geodata/admin/outlines.ts).
  importOutsideProvince: {
    vi: '{n} tọa độ nằm ngoài ranh giới {province} (bản đồ hành chính từ 1/7/2025), điểm đầu [{at}]',
    en: '{n, plural, one {# coordinate} other {# coordinates}} outside the boundary of {province} (the administrative map since 1 July 2025), first [{at}]',
  },
  importOutsideProvinceSwapped: {
    vi: '{n} tọa độ nằm ngoài ranh giới {province} (bản đồ hành chính từ 1/7/2025), điểm đầu [{at}]; đối tượng này ghi [vĩ độ, kinh độ]: hãy đổi chỗ hai tọa độ',
    en: '{n, plural, one {# coordinate} other {# coordinates}} outside the boundary of {province} (the administrative map since 1 July 2025), first [{at}]; this feature is [lat, lon]: swap its coordinates',
  },
  importOverlapPlot: { vi: 'Chồng lấn lô {id} {m2} m²', en: 'overlaps plot {id} by {m2} m²' },
  importOverlapZone: { vi: 'Chồng lấn khu/cụm {id} {m2} m²', en: 'overlaps zone {id} by {m2} m²' },
  importAxisSwapped: { vi: 'Mọi tọa độ đều theo thứ tự [vĩ độ, kinh độ]; đã đổi thành [kinh độ, vĩ độ] như GeoJSON quy định.', en: 'Every coordinate is [latitude, longitude]; swapped to [longitude, latitude] as GeoJSON wants.' },
  importAxisSwappedProjected: {
    vi: 'Mọi tọa độ đều theo thứ tự (X bắc, Y đông) của trắc địa Việt Nam; đã đổi thành (đông, bắc).',
    en: 'Every coordinate is (northing, easting), the Vietnamese survey convention X = north; swapped to (easting, northing).',
  },
  importZDropped: { vi: 'Đã bỏ cao độ (Z): bản đồ là 2 chiều.', en: 'Heights (Z) were dropped: the map is 2-D.' },
  importNoGeometry: { vi: 'Đối tượng không có hình học', en: 'the feature has no geometry' },
  importLeasedNoTenant: { vi: 'Đã cho thuê nhưng không ghi doanh nghiệp thuê', en: 'leased, but no tenant is named' },
  importNoZone: { vi: 'Không rõ khu/cụm: thêm cột zone_id hoặc nhập với --zone', en: 'no zone: give a zone_id column or import with --zone' },
  importZoneMismatch: { vi: 'Thuộc khu/cụm "{zone}", nhưng lần nhập này dành cho khu/cụm "{expected}"', en: 'belongs to zone "{zone}", but this import is for zone "{expected}"' },
  importUnknownZone: { vi: 'Không có khu/cụm mã "{zone}"', en: 'no zone with id "{zone}"' },
  importNoId: { vi: 'Thiếu mã (id)', en: 'no id' },
  importNoName: { vi: 'Thiếu tên (name_vi)', en: 'no name (name_vi)' },
  importNoPlotId: { vi: 'Thiếu mã lô và không có ký hiệu (code) để tạo mã', en: 'no id and no code to make one from' },
  importNoLandUse: { vi: 'Thiếu loại đất (cột land_use, hoặc ký hiệu bắt đầu bằng CN/DV/HT/CX)', en: 'no land use (land_use column, or a code starting CN/DV/HT/CX)' },
  importNewZoneKind: { vi: 'Khu/cụm mới cần loại (KCN hoặc CCN)', en: 'a new zone needs its kind (KCN or CCN)' },
  importNewZoneName: { vi: 'Khu/cụm mới cần tên (name_vi)', en: 'a new zone needs a name (name_vi)' },
  importNewZoneStatus: { vi: 'Khu/cụm mới cần trạng thái', en: 'a new zone needs its status' },
  importIdSlug: { vi: 'Mã "{id}" không phải chữ thường ASCII nối bằng gạch ngang; đã lưu thành "{stored}"', en: 'id "{id}" is not lower-case ASCII with hyphens; stored as "{stored}"' },
  importLandUseStatus: {
    vi: 'Lô loại đất "{landUse}" không thể ở trạng thái {status}: đường, hạ tầng và cây xanh không cho thuê (dùng reserved hoặc not_developed)',
    en: 'a plot of land use "{landUse}" cannot be {status}: roads, infrastructure and green space are not leasable (use reserved or not_developed)',
  },
  importUnknownSource: {
    vi: 'Nguồn "{source}" không có trong danh sách nguồn; thay bằng nguồn của lần nhập này ({used})',
    en: 'source "{source}" is not in the sources list; the import\'s own source {used} is cited instead',
  },
  importControlChars: {
    vi: 'Đã xóa ký tự điều khiển, ký tự đảo chiều văn bản hoặc ký tự UTF-16 lẻ khỏi văn bản',
    en: 'control characters (NUL and the rest of U+0000–U+001F but tab and line breaks, U+007F–U+009F), bidirectional overrides or lone surrogates removed from the text',
  },
  importLegacyText: { vi: '{field}: văn bản {from} đã chuyển sang Unicode: "{before}" → "{after}"', en: '{field}: {from} text converted to Unicode: "{before}" → "{after}"' },
  importBadCoordinate: { vi: 'Tọa độ [{at}] không phải một cặp số hữu hạn', en: 'coordinate [{at}] is not a pair of finite numbers' },
  importUnplaceable: { vi: 'Tọa độ [{at}] không chuyển được sang WGS 84 từ {crs}', en: 'coordinate [{at}] cannot be placed in WGS 84 from {crs}' },
  importLineShort: { vi: 'Một đường cần ít nhất 2 điểm', en: 'a line needs at least 2 positions' },
  importGeometryType: { vi: 'Hình học {type} không dùng được cho lớp này; cần {allowed}', en: '{type} geometry; this layer needs {allowed}' },
  importSplitMulti: { vi: 'Hình học {type} không dùng được cho lớp này; cần {allowed}: tách thành mỗi phần một đối tượng', en: '{type} geometry; this layer needs {allowed}: split it into one feature per part' },
  importCrsOverridden: { vi: 'Tệp ghi {declared} ({name}), nhưng {used} được chỉ định và được dùng.', en: 'The file says {declared} ({name}), but {used} was asked for and is used.' },
  // The same ring problems in part {part} of a multipolygon (parts counted from 1)
  importPartRingNotClosed: { vi: 'Phần {part}: vòng ngoài chưa khép kín; đã khép lại bằng cách lặp lại điểm đầu', en: 'part {part}: exterior ring was not closed; closed it by repeating the first position' },
  importPartHoleNotClosed: { vi: 'Phần {part}: lỗ {hole} chưa khép kín; đã khép lại bằng cách lặp lại điểm đầu', en: 'part {part}: hole {hole} was not closed; closed it by repeating the first position' },
  importPartRingShort: { vi: 'Phần {part}: vòng ngoài chỉ có {n} điểm; một vòng cần ít nhất 4 (3 đỉnh và điểm khép)', en: 'part {part}: exterior ring has {n, plural, one {# position} other {# positions}}; a ring needs at least 4 (3 corners + the closing one)' },
  importPartHoleShort: { vi: 'Phần {part}: lỗ {hole} chỉ có {n} điểm; một vòng cần ít nhất 4 (3 đỉnh và điểm khép)', en: 'part {part}: hole {hole} has {n, plural, one {# position} other {# positions}}; a ring needs at least 4 (3 corners + the closing one)' },
  importPartRingWinding: { vi: 'Phần {part}: vòng ngoài quay sai chiều theo quy ước {rule}; đã quay lại', en: 'part {part}: exterior ring was wound against the {rule} rule; rewound' },
  importPartHoleWinding: { vi: 'Phần {part}: lỗ {hole} quay sai chiều theo quy ước {rule}; đã quay lại', en: 'part {part}: hole {hole} was wound against the {rule} rule; rewound' },
  // A geometry whose shape is wrong before any repair (server/import/limits.ts, readers.ts)
  importGeometryNotObject: { vi: 'Hình học không phải một đối tượng GeoJSON', en: 'the geometry is not an object' },
  importCollectionTooDeep: { vi: 'GeometryCollection lồng nhau quá {max} cấp', en: 'GeometryCollection nested more than {max} deep' },
  importCollectionNoList: { vi: 'GeometryCollection không có mảng geometries', en: 'GeometryCollection without a geometries array' },
  importGeometryUnknownType: { vi: 'Kiểu hình học "{type}" không có trong GeoJSON', en: 'unknown geometry type "{type}"' },
  importCoordinatesShape: { vi: 'Tọa độ của {type} không lồng đúng cấp như GeoJSON quy định (mỗi điểm là [x, y] bằng số)', en: '{type} coordinates are not nested as GeoJSON says (each position [x, y] numbers)' },
  importTooManyParts: { vi: 'Hình học có {n} vòng hoặc phần; tối đa {max}', en: 'the geometry has {n, plural, one {# ring or part} other {# rings or parts}}; the limit is {max}' },
  importNotWkt: { vi: 'Cột {column} không phải hình học WKT', en: 'column {column}: not WKT' },
  // Attribute values (server/import/attributes.ts)
  importNotNumber: { vi: '{field}: "{value}" không phải là số', en: '{field}: "{value}" is not a number' },
  importNotFinite: { vi: '{field}: không phải số hữu hạn', en: '{field}: not a finite number' },
  importNotDate: { vi: '{field}: "{value}" không phải ngày (NNNN, NNNN-TT, NNNN-TT-NN hoặc nn/tt/nnnn)', en: '{field}: "{value}" is not a date (YYYY, YYYY-MM, YYYY-MM-DD or dd/mm/yyyy)' },
  importBadDate: { vi: '{field}: ngày không hợp lệ', en: '{field}: not a valid date' },
  importDayMonthYear: { vi: '{field}: "{value}" được đọc là ngày/tháng/năm', en: '{field}: "{value}" read as day/month/year' },
  // Where a feature lies and how the file was read
  importCsvAssumedWgs84: {
    vi: 'Tệp CSV không ghi hệ tọa độ; các giá trị là độ nên được coi là kinh độ/vĩ độ WGS 84. Nếu là độ VN-2000, hãy chọn hệ tọa độ EPSG:4756.',
    en: 'No CRS given; a CSV does not say its CRS and the values are degrees, so WGS 84 longitude/latitude is assumed. Pass --crs EPSG:4756 if they are VN-2000 degrees.',
  },
  importOverlapStoppedPlots: {
    vi: 'Đã ngừng tìm chồng lấn sau {n} cặp lô có khung bao giao nhau (đã thấy {found} chỗ chồng lấn): tệp có quá nhiều lô chồng lên nhau để kiểm tra.',
    en: 'Stopped looking for overlaps after {n, plural, one {# pair} other {# pairs}} of plots whose extents meet ({found, plural, one {# overlap} other {# overlaps}} found so far): the file has too many plots on top of each other to check.',
  },
  importOverlapStoppedZones: {
    vi: 'Đã ngừng tìm chồng lấn sau {n} cặp khu/cụm có khung bao giao nhau (đã thấy {found} chỗ chồng lấn): tệp có quá nhiều khu/cụm chồng lên nhau để kiểm tra.',
    en: 'Stopped looking for overlaps after {n, plural, one {# pair} other {# pairs}} of zones whose extents meet ({found, plural, one {# overlap} other {# overlaps}} found so far): the file has too many zones on top of each other to check.',
  },
  // The report's notes (server/import/index.ts, engine.ts, readers.ts)
  importNoteColumnsUnused: { vi: 'Các cột không dùng đến: {columns}', en: 'columns not used: {columns}' },
  importNoteMoreIssues: { vi: 'Còn {n} vấn đề nữa không được liệt kê: báo cáo chỉ liệt kê {listed} vấn đề đầu tiên.', en: '{n} more issues are not listed: the report lists the first {listed}.' },
  importNotePlotsReplace: { vi: 'Nhập lô đất sẽ thay toàn bộ lô của mỗi khu/cụm có trong tệp; tỷ lệ lấp đầy được tính lại từ các lô mới.', en: 'A plots import replaces all plots of each zone it names; occupancy is recomputed from the new plots.' },
  importNoteZonesUpdate: { vi: 'Nhập khu/cụm sẽ cập nhật các khu/cụm có trong tệp (ranh giới và các cột có trong tệp) và thêm khu/cụm mới; các khu/cụm khác giữ nguyên.', en: 'A zones import updates the zones it names (geometry and the columns given) and adds new ones; other zones stay.' },
  importNoteContextUpdate: { vi: 'Nhập lớp nền sẽ cập nhật hoặc thêm các đối tượng có trong tệp; các đối tượng nền khác giữ nguyên.', en: 'A context import updates or adds the features it names; other basemap features stay.' },
  importNoteDefaultSource: {
    vi: 'Đối tượng không ghi nguồn sẽ dẫn nguồn là chính lần nhập này (tệp {file} do {user} nhập); không có cột độ chính xác thì được coi là "gần đúng".',
    en: 'Features without a source cite this import itself ({file}, imported by {user}); without an accuracy column they are "approximate".',
  },
  importNoteNothingWritten: { vi: 'Chưa ghi gì: hãy sửa các lỗi rồi nhập lại (một lần nhập hoặc ghi tất cả, hoặc không ghi gì).', en: 'Nothing was written: fix the errors and import again (an import is all or nothing).' },
  importNoteNothingToWrite: { vi: 'Không có gì để ghi.', en: 'Nothing to write.' },
  importNoteUnknownCrsMember: { vi: 'Không nhận ra hệ tọa độ "{name}" ghi trong tệp', en: 'unknown crs member "{name}"' },
  importNoteNoDbf: { vi: 'Không có tệp .dbf: các đối tượng không có thuộc tính', en: 'no .dbf: features have no attributes' },
  importNoteUnknownCpg: { vi: 'Tệp .cpg ghi "{cpg}", một bảng mã không biết; đã đoán bảng mã', en: '.cpg "{cpg}" is not a code page we know; guessed the encoding instead' },
  importNoteNoCpg: { vi: 'Không có tệp .cpg: thuộc tính được đọc theo bảng mã {encoding}', en: 'no .cpg: attributes read as {encoding}' },
  importNotePointsFromColumns: { vi: 'Điểm lấy từ các cột {columns}', en: 'points from columns {columns}' },
  // Where the report's coordinate system came from (its crs.detail)
  crsOption: { vi: 'chỉ định là {code}', en: 'given as {code}' },
  crsMember: { vi: 'tệp ghi hệ tọa độ "{name}"', en: 'crs member "{name}"' },
  crsRfc7946: { vi: 'tệp không ghi hệ tọa độ: GeoJSON là kinh độ/vĩ độ WGS 84 (RFC 7946)', en: 'no crs member: WGS 84 longitude/latitude (RFC 7946)' },
  crsKml: { vi: 'KML luôn là WGS 84', en: 'KML is always WGS 84' },
  crsPrj: { vi: 'nhận ra từ tệp .prj "{name}"', en: '.prj "{name}" recognised' },
  crsPrjUnknown: { vi: 'không nhận ra tệp .prj "{name}"', en: '.prj "{name}" not recognised' },
  crsNoPrj: { vi: 'không có tệp .prj', en: 'no .prj' },
  crsGpkg: { vi: 'GeoPackage ghi {srs}', en: 'srs {srs}' },
  crsGpkgUnknown: { vi: 'GeoPackage ghi {srs}, một hệ không nhận ra', en: 'srs {srs} not recognised' },
  crsGpkgUndescribed: { vi: 'GeoPackage không mô tả srs_id {srs}', en: 'srs_id {srs} not described' },
  crsCsvLonLat: { vi: 'các cột {columns}: độ WGS 84', en: 'columns {columns}: WGS 84 degrees' },
  crsCsvWkt: { vi: 'hình học từ cột {column}; tệp CSV không ghi hệ tọa độ', en: 'geometry from column {column}; a CSV does not say its CRS' },
  crsCsvXY: { vi: 'các cột {columns}; tệp CSV không ghi hệ tọa độ', en: 'columns {columns}; a CSV does not say its CRS' },
  crsCsvAssumed: { vi: 'tệp CSV không ghi hệ tọa độ; các giá trị là độ nên được coi là kinh độ/vĩ độ WGS 84', en: 'a CSV does not say its CRS; the values are degrees, so WGS 84 longitude/latitude is assumed' },
  // Addresses from geometry (geodata/admin/commune-rules.ts), in geodata:check and the import report
  communeContradiction: {
    vi: 'Ranh giới mâu thuẫn với địa chỉ cũ theo nguồn ({oldCommune}): nằm ngoài {formed} (đơn vị hình thành từ {oldCommune} theo bảng sắp xếp), phần lớn nằm trong {derived}',
    en: 'The outline contradicts the sourced old address ({oldCommune}): it lies outside {formed} (formed from {oldCommune} per the merger table), mostly in {derived}',
  },
  communeContradictionOutside: {
    vi: 'Ranh giới mâu thuẫn với địa chỉ cũ theo nguồn ({oldCommune}): nằm ngoài {formed} (đơn vị hình thành từ {oldCommune} theo bảng sắp xếp) và ngoài mọi xã, phường của tỉnh',
    en: 'The outline contradicts the sourced old address ({oldCommune}): it lies outside {formed} (formed from {oldCommune} per the merger table) and outside every commune of the province',
  },
  // A file the import cannot read at all (server/import: ImportFileError), in the problem's detail and the CLI's stderr
  fileBadName: { vi: 'Không ghi lại được tên tệp: {why}.', en: 'The file name cannot be recorded: {why}.' },
  fileBytesOver: { vi: 'Tệp nặng {bytes} byte; giới hạn là {max} (IMPORT_MAX_BYTES).', en: 'The file is {bytes} bytes; the limit is {max} (IMPORT_MAX_BYTES).' },
  fileLargerThan: { vi: 'Tệp vượt giới hạn {max} byte (IMPORT_MAX_BYTES).', en: 'The file is larger than the {max}-byte limit (IMPORT_MAX_BYTES).' },
  fileNoSuchZone: { vi: 'Không có khu/cụm mã "{id}".', en: 'No zone with id "{id}".' },
  fileNoCoordinates: { vi: 'Không đối tượng nào có tọa độ.', en: 'No feature has coordinates.' },
  fileUnknownCrs: { vi: 'Không biết hệ tọa độ "{crs}". Các hệ đã biết: {known}.', en: 'Unknown CRS "{crs}". Known: {known}.' },
  fileCrsUnknown: { vi: 'Không rõ hệ tọa độ ({why}): hãy chỉ định bằng --crs / crs=EPSG:NNNN.', en: 'The coordinate system is unknown ({why}): say it with --crs / crs=EPSG:NNNN.' },
  fileCrsUnknownFits: {
    vi: 'Không rõ hệ tọa độ ({why}): hãy chỉ định bằng --crs / crs=EPSG:NNNN. Các tọa độ khớp với {fit} ({fitName}).',
    en: 'The coordinate system is unknown ({why}): say it with --crs / crs=EPSG:NNNN. The coordinates fit {fit} ({fitName}).',
  },
  fileMetresNotDegrees: {
    vi: 'Tọa độ tính bằng mét (ví dụ {sample}), nhưng hệ tọa độ là {crs} ({name}), tính bằng độ. Hãy chỉ định hệ tọa độ phẳng bằng --crs.',
    en: 'The coordinates are in metres (e.g. {sample}), but the CRS is {crs} ({name}), which is in degrees. Say the projected CRS with --crs.',
  },
  fileMetresNotDegreesFits: {
    vi: 'Tọa độ tính bằng mét (ví dụ {sample}), nhưng hệ tọa độ là {crs} ({name}), tính bằng độ. Các tọa độ khớp với {fit} ({fitName}): hãy nhập lại với --crs {fit}.',
    en: 'The coordinates are in metres (e.g. {sample}), but the CRS is {crs} ({name}), which is in degrees. They fit {fit} ({fitName}): import again with --crs {fit}.',
  },
  fileMetresNotDegreesSwapped: {
    vi: 'Tọa độ tính bằng mét (ví dụ {sample}), nhưng hệ tọa độ là {crs} ({name}), tính bằng độ. Các tọa độ khớp với {fit} ({fitName}): hãy nhập lại với --crs {fit} và coi X/Y là hướng đông/hướng bắc.',
    en: 'The coordinates are in metres (e.g. {sample}), but the CRS is {crs} ({name}), which is in degrees. They fit {fit} ({fitName}): import again with --crs {fit} and X/Y as easting/northing.',
  },
  fileDegreesNotMetres: {
    vi: 'Tọa độ có vẻ là độ (ví dụ {sample}), nhưng hệ tọa độ là {crs} ({name}), tính bằng mét. Nếu là kinh độ/vĩ độ, hãy nhập với --crs EPSG:4326 (hoặc EPSG:4756 nếu là độ VN-2000).',
    en: 'The coordinates look like degrees (e.g. {sample}), but the CRS is {crs} ({name}), which is in metres. If they are longitude/latitude, import with --crs EPSG:4326 (or EPSG:4756 for VN-2000 degrees).',
  },
  fileShpUnzipped: {
    vi: 'Shapefile gồm nhiều tệp: hãy nén các tệp .shp, .shx, .dbf, .prj (và .cpg) vào một tệp .zip rồi nhập tệp .zip đó.',
    en: 'A Shapefile is several files: zip the .shp, .shx, .dbf, .prj (and .cpg) together and import the .zip.',
  },
  fileUnsupportedType: {
    vi: 'Không hỗ trợ loại tệp ".{ext}". Hỗ trợ: GeoJSON, KML, KMZ, Shapefile nén .zip, GeoPackage, CSV.',
    en: 'Unsupported file type ".{ext}". Supported: GeoJSON, KML, KMZ, zipped Shapefile, GeoPackage, CSV.',
  },
  fileZippedGpkg: { vi: 'Hãy nhập chính tệp .gpkg, không nén.', en: 'Import the .gpkg file itself, not zipped.' },
  fileOffice: { vi: 'Đây là tài liệu Office (ví dụ Excel): hãy lưu bảng tính thành CSV rồi nhập tệp CSV.', en: 'This is an Office document (e.g. Excel): save the sheet as CSV and import that.' },
  fileZipNoShp: { vi: 'Tệp zip không có tệp .shp hay .kml (chỉ có: {files}).', en: 'The zip holds no .shp or .kml file (found: {files}).' },
  fileZipEmpty: { vi: 'Tệp zip không có tệp .shp hay .kml (tệp zip rỗng).', en: 'The zip holds no .shp or .kml file (found: nothing).' },
  fileNotZip: { vi: 'Tệp có đuôi .{ext} nhưng không phải tệp nén zip.', en: 'The file is named .{ext} but is not a zip archive.' },
  fileNotSqlite: { vi: 'Tệp có đuôi .gpkg nhưng không phải cơ sở dữ liệu SQLite.', en: 'The file is named .gpkg but is not a SQLite database.' },
  fileBinary: { vi: 'Không hỗ trợ tệp nhị phân này. Hỗ trợ: GeoJSON, KML, KMZ, Shapefile nén .zip, GeoPackage, CSV.', en: 'Unsupported binary file. Supported: GeoJSON, KML, KMZ, zipped Shapefile, GeoPackage, CSV.' },
  fileJsonDepth: { vi: 'JSON lồng sâu hơn {max} cấp: không phải GeoJSON.', en: 'The JSON is nested more than {max} levels deep: not GeoJSON.' },
  fileJsonNodes: {
    vi: 'JSON có hơn {max} đối tượng, mảng và thành phần, nhiều hơn một lần nhập cho phép: hãy chia nhỏ tệp.',
    en: 'The JSON holds more than {max} objects, arrays and members, more than an import may hold: split the file.',
  },
  // Why JSON.parse refused a file or a text (geodata/json-syntax.ts)
  jsonInvalid: { vi: 'JSON không hợp lệ.', en: 'Not valid JSON.' },
  jsonTruncated: { vi: 'JSON không hợp lệ: văn bản dừng giữa chừng (bị cắt ngắn?).', en: 'Not valid JSON: it stops in the middle (cut short?).' },
  jsonSyntaxAt: { vi: 'JSON không hợp lệ: lỗi cú pháp ở dòng {line}, cột {column}.', en: 'Not valid JSON: a syntax error at line {line}, column {column}.' },
  fileNotGeoJson: { vi: 'Không phải FeatureCollection hay Feature của GeoJSON.', en: 'Not a GeoJSON FeatureCollection or Feature.' },
  fileNotKml: { vi: 'Không đọc được tài liệu KML.', en: 'Not a readable KML document.' },
  fileKmlNotXml: { vi: 'Không đọc được tài liệu KML: đây không phải XML hợp lệ (thẻ bị thiếu, thừa hoặc không khớp).', en: 'Not a readable KML document: it is not well-formed XML (a tag missing, left open or mismatched).' },
  fileKmlTags: { vi: 'KML có hơn {max} thẻ, nhiều hơn một lần nhập cho phép: hãy chia nhỏ tệp.', en: 'The KML has more than {max} tags, more than an import may hold: split the file.' },
  fileKmzNoKml: { vi: 'Tệp KMZ không có tệp .kml.', en: 'The KMZ holds no .kml file.' },
  fileZipEntries: { vi: 'Tệp zip có hơn {max} tệp: hãy nhập riêng Shapefile hoặc KML.', en: 'The zip holds more than {max} files: import the Shapefile or KML on its own.' },
  fileZipCorrupt: { vi: 'Tệp zip bị hỏng hoặc không đầy đủ.', en: 'The zip file is corrupt or incomplete.' },
  fileZipEncrypted: { vi: 'Tệp zip có mật khẩu: hãy nén lại không đặt mật khẩu.', en: 'The zip file is password-protected: zip it again without a password.' },
  fileZipEntryCorrupt: { vi: 'Tệp zip bị hỏng: không giải nén được {name}.', en: 'The zip file is corrupt: {name} cannot be unpacked.' },
  fileZipUnpacksOver: { vi: 'Tệp zip giải nén ra hơn {max} byte (IMPORT_MAX_BYTES), vượt giới hạn một lần nhập.', en: 'The zip unpacks to more than {max} bytes (IMPORT_MAX_BYTES), the limit for an import.' },
  fileZipOnlyMacosx: { vi: 'Tệp zip không có tệp .shp (chỉ có bản sao tài nguyên macOS trong __MACOSX).', en: 'The zip holds no .shp file (only macOS resource copies under __MACOSX).' },
  fileZipManyShp: { vi: 'Tệp zip có {n} Shapefile ({names}): hãy nhập từng tệp một.', en: 'The zip holds {n} Shapefiles ({names}): import one at a time.' },
  fileShpUnreadable: { vi: 'Không đọc được Shapefile: tệp bị hỏng hoặc dùng loại hình không hỗ trợ.', en: 'The Shapefile could not be read: it is damaged or uses a shape type not supported.' },
  fileShpDamaged: { vi: 'Shapefile bị hỏng: {why}.', en: 'The Shapefile is damaged: {why}.' },
  // What is wrong in a damaged .shp (the {why} above), found before the Shapefile library reads it
  shpHeaderShort: { vi: 'tệp .shp ngắn hơn phần đầu 100 byte', en: 'the .shp is shorter than its 100-byte header' },
  shpNoFileCode: { vi: 'tệp .shp không bắt đầu bằng mã 9994 của Shapefile', en: 'the .shp does not start with the Shapefile file code 9994' },
  shpRecordHeaderCut: { vi: 'tệp .shp kết thúc giữa phần đầu của bản ghi {record}', en: 'the .shp ends inside the header of record {record}' },
  shpRecordPastEnd: { vi: 'bản ghi {record} của tệp .shp dài {bytes} byte từ byte {at}, vượt quá cuối tệp', en: 'record {record} of the .shp claims {bytes, plural, one {# byte} other {# bytes}} at byte {at}, past the end of the file' },
  shpRecordType: { vi: 'bản ghi {record} của tệp .shp có loại hình {type}, còn cả tệp là {fileType}', en: 'record {record} of the .shp has shape type {type}, the file {fileType}' },
  shpRecordShort: { vi: 'bản ghi {record} của tệp .shp quá ngắn so với hình của nó', en: 'record {record} of the .shp is too short for its shape' },
  shpRecordPoints: { vi: 'bản ghi {record} của tệp .shp ghi {points} điểm trong {parts} phần, nhiều hơn {bytes} byte của nó chứa được', en: 'record {record} of the .shp claims {points, plural, one {# point} other {# points}} in {parts, plural, one {# part} other {# parts}}, more than its {bytes, plural, one {# byte} other {# bytes}} hold' },
  fileShpShapes: { vi: 'Shapefile có {n} hình (giới hạn là {max}): hãy chia nhỏ.', en: 'The Shapefile holds {n, plural, one {# shape} other {# shapes}} (the limit is {max}): split it.' },
  fileShpPoints: { vi: 'Shapefile có {n} điểm (giới hạn là {max}): hãy chia nhỏ.', en: 'The Shapefile holds {n, plural, one {# point} other {# points}} (the limit is {max}): split it.' },
  fileShpParts: { vi: 'Shapefile có một hình gồm {n} phần (giới hạn là {max}): hãy chia nhỏ.', en: 'The Shapefile holds a shape of {n, plural, one {# part} other {# parts}} (the limit is {max}): split it.' },
  fileShpFields: { vi: 'Shapefile có {n} trường .dbf (giới hạn là {max}): hãy chia nhỏ.', en: 'The Shapefile holds {n} .dbf fields (the limit is {max}): split it.' },
  fileShpValues: { vi: 'Shapefile có {n} giá trị thuộc tính (giới hạn là {max}): hãy chia nhỏ.', en: 'The Shapefile holds {n} attribute values (the limit is {max}): split it.' },
  fileShpNoPrj: {
    vi: 'Shapefile không có tệp .prj nên không rõ hệ tọa độ: hãy thêm tệp .prj vào tệp zip hoặc chỉ định hệ tọa độ (--crs / crs=EPSG:NNNN; VN-2000 múi của Bắc Kạn là EPSG:9213).',
    en: "The Shapefile has no .prj, so its coordinate system is unknown: add the .prj to the zip or say the CRS (--crs / crs=EPSG:NNNN; Bắc Kạn's VN-2000 zone is EPSG:9213).",
  },
  fileGpkgUnreadable: { vi: 'Không đọc được GeoPackage: tệp bị hỏng hoặc không đầy đủ.', en: 'The GeoPackage could not be read: the file is damaged or incomplete.' },
  fileGpkgMalformed: { vi: 'GeoPackage bị hỏng: cơ sở dữ liệu SQLite bên trong không còn nguyên vẹn.', en: 'The GeoPackage is damaged: the SQLite database inside it is malformed.' },
  fileGpkgNotDatabase: { vi: 'Tệp bắt đầu như một cơ sở dữ liệu SQLite nhưng không mở được: không phải GeoPackage, hoặc tệp đã bị hỏng.', en: 'The file starts like a SQLite database but cannot be opened: it is not a GeoPackage, or it is damaged.' },
  fileNotGpkg: { vi: 'Tệp SQLite này không phải GeoPackage (không có gpkg_contents / gpkg_geometry_columns).', en: 'This SQLite file is not a GeoPackage (no gpkg_contents / gpkg_geometry_columns).' },
  fileGpkgUnsafe: { vi: 'Không đọc GeoPackage một cách an toàn được: {why}.', en: 'The GeoPackage cannot be read safely: {why}.' },
  fileGpkgNoTable: { vi: 'GeoPackage không có bảng đối tượng nào.', en: 'The GeoPackage has no feature table.' },
  fileGpkgManyTables: { vi: 'GeoPackage có {n} bảng đối tượng ({names}): hãy đặt tên một bảng theo lớp cần nhập.', en: 'The GeoPackage has {n} feature tables ({names}): name one after the layer you import.' },
  fileGpkgLayerBroken: { vi: 'Không đọc được lớp GeoPackage: {why}.', en: 'The GeoPackage layer cannot be read: {why}.' },
  fileGpkgLayerUnsafe: { vi: 'Không đọc được lớp GeoPackage: đọc lớp này không an toàn ({why}).', en: 'The GeoPackage layer cannot be read: it is unsafe to read ({why}).' },
  // Why a GeoPackage table cannot be read (the {why} of the three above)
  gpkgNoTable: { vi: 'không có bảng "{table}"', en: 'there is no table "{table}"' },
  gpkgView: { vi: '"{table}" là một view, không phải bảng: hãy xuất lớp thành bảng', en: '"{table}" is a view, not a table: export the layer as a table' },
  gpkgVirtual: { vi: '"{table}" là bảng ảo, không phải bảng: hãy xuất lớp thành bảng', en: '"{table}" is a virtual table, not a table: export the layer as a table' },
  gpkgHiddenColumns: { vi: '"{table}" có cột sinh tự động hoặc cột ẩn: hãy xuất lớp thành bảng thường', en: '"{table}" has generated or hidden columns: export the layer as a plain table' },
  gpkgColumns: { vi: '"{table}" có {n} cột (giới hạn là {max})', en: '"{table}" has {n, plural, one {# column} other {# columns}} (the limit is {max})' },
  fileGpkgTooBig: {
    vi: 'Lớp GeoPackage "{table}" có {n} dòng × {columns} cột; một lần nhập cho phép {max} đối tượng và {cells} giá trị: hãy chia nhỏ.',
    en: 'The GeoPackage layer "{table}" has {n, plural, one {# row} other {# rows}} of {columns} columns; an import may hold {max} features and {cells} values: split it.',
  },
  fileCsvBreaks: { vi: 'CSV có hơn {max} dấu phân cách và dấu xuống dòng, nhiều ô hơn một lần nhập cho phép: hãy chia nhỏ.', en: 'The CSV has more than {max} separators and line breaks, more cells than an import may hold: split it.' },
  fileCsvLines: { vi: 'CSV có hơn {n} dòng; một lần nhập cho phép {max} dòng: hãy chia nhỏ.', en: 'The CSV has more than {n, plural, one {# line} other {# lines}}; an import may hold {max} rows: split it.' },
  fileCsvQuotes: { vi: 'CSV có hơn {n} dấu ngoặc kép, nhiều hơn {max} dòng có ô trong ngoặc kép cần: hãy chia nhỏ.', en: 'The CSV has more than {n} quote characters, more than {max} rows of quoted cells need: split it.' },
  fileCsvColumns: { vi: 'CSV có từ {n} cột trở lên (giới hạn là {max}).', en: 'The CSV has {n} or more columns (the limit is {max}).' },
  fileCsvRows: { vi: 'CSV có hơn {max} dòng × {columns} cột, nhiều hơn một lần nhập cho phép: hãy chia nhỏ.', en: 'The CSV has more than {max} rows of {columns} columns, more than an import may hold: split it.' },
  fileCsvUnreadable: { vi: 'Không đọc được CSV.', en: 'The CSV could not be read.' },
  fileCsvUnclosedQuote: { vi: 'Không đọc được CSV: dấu ngoặc kép mở ở dòng dữ liệu {row} không được đóng.', en: 'The CSV could not be read: a quote opened in data row {row} is never closed.' },
  fileCsvNoDelimiter: { vi: 'Không đọc được CSV: không nhận ra dấu phân cách cột (dấu phẩy, chấm phẩy, tab hoặc |).', en: 'The CSV could not be read: its column separator (comma, semicolon, tab or |) cannot be told.' },
  fileCsvNoGeometry: {
    vi: 'CSV cần một cột hình học WKT hoặc các cột kinh độ/vĩ độ (hay X/Y); các cột của tệp là: {columns}.',
    en: 'The CSV needs a WKT geometry column or lon/lat (or X/Y) columns; its columns are: {columns}.',
  },
  fileCsvNoColumns: { vi: 'CSV cần một cột hình học WKT hoặc các cột kinh độ/vĩ độ (hay X/Y); tệp không có cột nào.', en: 'The CSV needs a WKT geometry column or lon/lat (or X/Y) columns; its columns are: none.' },
  fileEmpty: { vi: 'Tệp rỗng.', en: 'The file is empty.' },
  fileNoFeatures: { vi: 'Tệp không có đối tượng nào.', en: 'The file holds no features.' },
  fileFeatures: { vi: 'Tệp có {n} đối tượng; một lần nhập cho phép {max}: hãy chia nhỏ.', en: 'The file holds {n, plural, one {# feature} other {# features}}; an import may hold {max}: split it.' },
  filePositions: { vi: 'Tệp có {n} tọa độ; một lần nhập cho phép {max}: hãy đơn giản hóa hoặc chia nhỏ.', en: 'The file holds {n, plural, one {# coordinate} other {# coordinates}}; an import may hold {max}: simplify or split it.' },
  // A reason the client does not know (a newer server): shown as the server wrote it.
  asSent: { vi: '{text}', en: '{text}' },
} satisfies Record<string, Label>;

export type ReasonCode = keyof typeof REASON_MESSAGES;
export type ReasonParams = Record<string, string | number>;
/** Why a value is refused: a code from the table and the values its message names. */
export type Reason = { code: ReasonCode; params?: ReasonParams };
/** A reason for one field, named as the API names it (dotted path for nested fields). */
export type FieldReason = { field: string; reason: Reason };

export const isReasonCode = (code: unknown): code is ReasonCode => typeof code === 'string' && Object.hasOwn(REASON_MESSAGES, code);

/** The reason's message in `lang`, with its params filled in (numbers written the language's way). */
export function reasonMessage(lang: keyof Label, reason: Reason): string {
  const params = reason.params ?? {};
  return fillMessage(lang, REASON_MESSAGES[reason.code][lang], params, (_k, v) => (typeof v === 'number' ? formatCount(lang, v) : String(v ?? '')));
}

/** The English message, for the zod schemas' own text and the API's `reason`. */
export const english = (code: ReasonCode, params?: ReasonParams) => reasonMessage('en', params ? { code, params } : { code });
