import { useId, type ReactNode } from 'react';
import type { Reason } from '../../../geodata/rules/reasons.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export type InputProps = { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined };

/** A labelled input with its error right below it, linked for screen readers. */
export function Field({ label, error, hint, children }: { label: string; error?: Reason | undefined; hint?: string | undefined; children: (p: InputProps) => ReactNode }) {
  const { explain } = useI18n();
  const id = useId();
  const described = [error ? `${id}-err` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': !!error, 'aria-describedby': described })}
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-err`} className="field-error" role="alert">
          {explain(error)}
        </small>
      )}
    </div>
  );
}
