/**
 * The edit forms' sector pickers: sectors are a vocabulary (geodata/vocabulary.ts SECTORS, with
 * vi/en labels), so a planner picks one rather than typing it, and the data keeps the code. A real
 * tenant whose sector is not in the list can still be recorded: "Other" opens a text field, and
 * the server keeps that text as typed (sectorOf), shown marked as free text.
 */
import { useState } from 'react';
import { isSector, SECTOR_LABELS, SECTORS, type Sector } from '../../../geodata/vocabulary.ts';
import type { Lang } from '../../i18n/strings.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { InputProps } from './Field.tsx';

/** The vocabulary in the reader's alphabetical order. */
const sorted = (lang: Lang): Sector[] => [...SECTORS].sort((a, b) => SECTOR_LABELS[a][lang].localeCompare(SECTOR_LABELS[b][lang], lang));

const OTHER = '__other';

/** One sector (a plot's tenant): a list of the vocabulary, "not known", or "other" with a text field. */
export function SectorSelect({ value, onValue, ...p }: InputProps & { value: string; onValue: (v: string) => void }) {
  const { t, lang } = useI18n();
  const [otherChosen, setOtherChosen] = useState(value !== '' && !isSector(value));
  const choice = isSector(value) ? value : otherChosen ? OTHER : '';
  return (
    <>
      <select
        {...p}
        name="sector"
        value={choice}
        onChange={(e) => {
          const v = e.target.value;
          setOtherChosen(v === OTHER);
          onValue(v === OTHER ? '' : v);
        }}
      >
        <option value="">{t('sectorNone')}</option>
        {sorted(lang).map((s) => (
          <option key={s} value={s}>
            {SECTOR_LABELS[s][lang]}
          </option>
        ))}
        <option value={OTHER}>{t('sectorOther')}</option>
      </select>
      {choice === OTHER && (
        <input name="sectorOther" aria-label={t('sectorOtherText')} placeholder={t('sectorOtherText')} maxLength={200} value={value} onChange={(e) => onValue(e.target.value)} />
      )}
    </>
  );
}

/** A zone's sectors: the vocabulary as checkboxes, in a group named by `label`. */
export function SectorChecklist({ label, codes, onCodes }: { label: string; codes: readonly string[]; onCodes: (codes: string[]) => void }) {
  const { lang } = useI18n();
  return (
    <fieldset className="checks" data-testid="sector-checklist">
      <legend>{label}</legend>
      {sorted(lang).map((s) => (
        <label key={s}>
          <input
            type="checkbox"
            name="sectors"
            value={s}
            checked={codes.includes(s)}
            onChange={(e) => onCodes(e.target.checked ? [...codes, s] : codes.filter((c) => c !== s))}
          />{' '}
          {SECTOR_LABELS[s][lang]}
        </label>
      ))}
    </fieldset>
  );
}
