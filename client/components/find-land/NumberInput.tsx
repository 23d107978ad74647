import { useEffect, useState, type InputHTMLAttributes } from 'react';
import { parseDecimal } from '../../../geodata/rules/number-text.ts';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  value: number | null;
  onValue: (v: number | null) => void;
};

/**
 * A number field that keeps what is typed ("2," or "") while reporting a number, or null when
 * empty. Accepts a decimal comma, as Vietnamese users write it. Junk is kept on screen, marked
 * invalid, and reported as null.
 */
export function NumberInput({ value, onValue, ...rest }: Props) {
  const [text, setText] = useState(value === null ? '' : String(value));
  // A new value from outside (a reset, a shared link) replaces the text unless it already says that.
  useEffect(() => {
    setText((t) => (parseNumber(t) === value ? t : value === null ? '' : String(value)));
  }, [value]);
  const parsed = parseNumber(text);
  return (
    <input
      {...rest}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      value={text}
      aria-invalid={text.trim() !== '' && parsed === null ? true : rest['aria-invalid']}
      onChange={(e) => {
        setText(e.target.value);
        onValue(parseNumber(e.target.value));
      }}
    />
  );
}

/** "2", "2.5", "2,5" → a number ≥ 0 (a filter's bound); empty, negative or anything else → null. */
export function parseNumber(text: string): number | null {
  const n = parseDecimal(text);
  return n !== null && n >= 0 ? n : null;
}
