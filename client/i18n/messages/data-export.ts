/** Data export panel (components/export). */
import type { Messages } from './message.ts';

export const dataExport = {
  dxOpen: { vi: 'Dữ liệu bản đồ (GeoJSON, CSV, KML, GeoPackage, Shapefile)', en: 'Map data (GeoJSON, CSV, KML, GeoPackage, Shapefile)' },
  dxTitle: { vi: 'Xuất dữ liệu', en: 'Export data' },
  dxIntro: {
    vi: 'Tệp xuất kèm ngày cập nhật và danh sách nguồn. Phần mềm GIS (QGIS, ArcGIS) cũng đọc trực tiếp được qua OGC API – Features tại /ogc.',
    en: 'Every file carries its as-of date and its sources. GIS software (QGIS, ArcGIS) can also read the data directly through OGC API – Features at /ogc.',
  },
  dxLayer: { vi: 'Lớp dữ liệu', en: 'Layer' },
  dxLayerZones: { vi: 'Ranh giới khu, cụm', en: 'Zone boundaries' },
  dxLayerPlots: { vi: 'Lô đất', en: 'Plots' },
  dxLayerContext: { vi: 'Lớp nền (đường, sông hồ, trung tâm huyện)', en: 'Basemap features (roads, water, district seats)' },
  dxScope: { vi: 'Phạm vi', en: 'Scope' },
  dxAll: { vi: 'Toàn bộ', en: 'Everything' },
  dxZone: { vi: 'Khu/cụm đang chọn: {name}', en: 'The selected zone: {name}' },
  dxNoZone: { vi: 'Khu/cụm đang chọn (chưa chọn)', en: 'The selected zone (none selected)' },
  dxFound: { vi: 'Các lô tìm được ({n} lô)', en: 'The plots found ({n, plural, one {# plot} other {# plots}})' },
  dxNoSearch: { vi: 'Các lô tìm được (mở “Tìm đất” để lọc)', en: 'The plots found (open “Find land” to filter)' },
  dxTooMany: { vi: 'Các lô tìm được: {n} lô, quá {max} lô một lần', en: 'The plots found: {n}, more than {max} at a time' },
  dxFormat: { vi: 'Định dạng', en: 'Format' },
  dxGeojson: { vi: 'GeoJSON (đủ thuộc tính)', en: 'GeoJSON (all properties)' },
  dxCsv: { vi: 'CSV (UTF-8, hình học dạng WKT)', en: 'CSV (UTF-8, geometry as WKT)' },
  dxKml: { vi: 'KML (Google Earth)', en: 'KML (Google Earth)' },
  dxGpkg: { vi: 'GeoPackage', en: 'GeoPackage' },
  dxShp: { vi: 'Shapefile (.zip, kèm .prj và .cpg)', en: 'Shapefile (.zip with .prj and .cpg)' },
  dxCrsHelp: {
    vi: 'Chọn VN-2000 / TM-3 106-30 (EPSG:9213) cho hồ sơ địa chính của Bắc Kạn.',
    en: 'Choose VN-2000 / TM-3 106-30 (EPSG:9213) for Bắc Kạn cadastral records.',
  },
  dxKmlWgs: { vi: 'KML luôn dùng WGS 84.', en: 'KML is always WGS 84.' },
  dxDownload: { vi: 'Tải xuống', en: 'Download' },
  dxLink: { vi: 'Địa chỉ tải (dùng được trong tập lệnh):', en: 'Download address (works in scripts):' },
} satisfies Messages;
