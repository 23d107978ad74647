/** Words around caveats and the reader's-language display of data (the caveats themselves are in geodata/caveat-messages.ts). */
import type { Messages } from './message.ts';

export const caveats = {
  freeTextSector: { vi: 'Ngành nghề ghi theo văn bản nhập, chưa có trong danh mục', en: 'Sector as typed; not in the list of sectors' },
  sourceNoteOfEdit: { vi: 'Nguồn do cán bộ ghi', en: 'Source given by the planner' },
} satisfies Messages;
