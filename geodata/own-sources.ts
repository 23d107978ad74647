/**
 * The sources the atlas writes itself: planners' edits and imported files. They are not published
 * works, so each carries a `label` in both languages, which panels, brochures and exports show in
 * the reader's language (a published title is cited as published, see Source.label).
 */
import type { Label } from './vocabulary.ts';

/** The one source every planner edit cites (created by migration 2, labelled by migration 6). */
export const EDITS_SOURCE_ID = 'iz-atlas-edits';
export const EDITS_SOURCE_LABEL: Label = {
  vi: 'Chỉnh sửa của cán bộ quy hoạch, ghi trong nhật ký thay đổi của iz-atlas',
  en: 'Planner edits recorded in the iz-atlas audit log',
};

/** The label of the source an import adds: the file and who imported it. */
export function importSourceLabel(fileName: string | null, user: string): Label {
  return {
    vi: `Nhập từ ${fileName ? `tệp ${fileName}` : 'tệp tải lên'}, do ${user} thực hiện`,
    en: `Imported from ${fileName ?? 'an uploaded file'} by ${user}`,
  };
}
