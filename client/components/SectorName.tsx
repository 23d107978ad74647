import { sectorLabel } from '../../geodata/vocabulary.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** A stored sector in the reader's language; free text (no vocabulary code) is shown as typed and marked so. */
export function SectorName({ value }: { value: string }) {
  const { t, lang } = useI18n();
  const s = sectorLabel(value, lang);
  return s.free ? (
    <span className="free-text" title={t('freeTextSector')} translate="no">
      {s.text}
    </span>
  ) : (
    s.text
  );
}
