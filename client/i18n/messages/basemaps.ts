/** The basemap switch: the offline map and the online services the server offers. */
import type { Messages } from './message.ts';

export const basemaps = {
  basemap: { vi: 'Bản đồ nền', en: 'Basemap' },
  basemapOffline: { vi: 'Bản đồ ngoại tuyến (mặc định)', en: 'Offline map (default)' },
  basemapOfflineHelp: { vi: 'Đi kèm ứng dụng, không cần Internet', en: 'Ships with the app, no internet needed' },
  basemapOnlineHelp: { vi: 'Tải từ Internet', en: 'Loaded from the internet' },
  basemapTerms: { vi: 'Điều khoản sử dụng', en: 'Terms of use' },
  basemapUnavailable: { vi: 'không truy cập được', en: 'unreachable' },
  basemapFellBack: {
    vi: 'Không tải được {name}. Đang dùng bản đồ ngoại tuyến; chọn lại để thử lần nữa.',
    en: '{name} cannot be reached. Showing the offline map; pick it again to retry.',
  },
} satisfies Messages;
