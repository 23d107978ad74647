import type { InputHTMLAttributes } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import type { InputProps } from './Field.tsx';

type Props = InputProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange'> & {
    /** YYYY-MM-DD, or a partial date of the data (YYYY-MM, YYYY), or "". */
    value: string;
    onValue: (v: string) => void;
  };

const FULL_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date field with the browser's date picker. The data also holds partial dates ("2023-11",
 * "2015") that no picker can show: such a value is kept, and said in words under the field, until
 * a day is picked (or the field is cleared), so saving without touching it changes nothing.
 */
export function DateInput({ value, onValue, ...rest }: Props) {
  const { t, when } = useI18n();
  const partial = value !== '' && !FULL_DAY.test(value);
  return (
    <>
      <input {...rest} type="date" min="1900-01-01" max="2100-12-31" value={partial ? '' : value} onChange={(e) => onValue(e.target.value)} />
      {partial && (
        <small className="hint" data-testid="partial-date">
          {t('datePartialKept', { date: when(value) })}{' '}
          <button type="button" className="link" onClick={() => onValue('')} disabled={rest.disabled}>
            {t('dateClear')}
          </button>
        </small>
      )}
    </>
  );
}
