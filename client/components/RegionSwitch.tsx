import { REGION_LABELS, REGIONS, WHOLE_PROVINCE_LABEL, type Region } from '../../geodata/regions.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** Whole province (the default) or one of the two former provinces: map, search, find-land, exports and totals follow. */
export function RegionSwitch({ region, onChange }: { region: Region | undefined; onChange: (r: Region | undefined) => void }) {
  const { t, lang } = useI18n();
  return (
    <label className="region-switch">
      <span>{t('regionShown')}</span>
      <select value={region ?? ''} onChange={(e) => onChange((e.target.value || undefined) as Region | undefined)} data-testid="region-switch">
        <option value="">{WHOLE_PROVINCE_LABEL[lang]}</option>
        {REGIONS.map((r) => (
          <option key={r} value={r}>
            {REGION_LABELS[r][lang]}
          </option>
        ))}
      </select>
    </label>
  );
}
