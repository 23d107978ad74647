import { useI18n } from '../i18n/i18n.tsx';
import { COLOUR_MODES, type ColourMode } from '../lib/hash-state.ts';

export function ModeSwitch({ mode, onChange }: { mode: ColourMode; onChange: (m: ColourMode) => void }) {
  const { t } = useI18n();
  return (
    <fieldset className="mode-switch">
      <legend>{t('colourBy')}</legend>
      {COLOUR_MODES.map((m) => (
        <label key={m}>
          <input type="radio" name="colour-mode" value={m} checked={mode === m} onChange={() => onChange(m)} />
          {t(m)}
        </label>
      ))}
    </fieldset>
  );
}
