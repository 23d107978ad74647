import { createContext, useContext } from 'react';
import type { Caveat } from '../../../geodata/caveats.ts';
import { caveatMessage } from '../../../geodata/caveat-messages.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** Caveats as short lines under what they qualify, in the reader's language (geodata/caveats.ts). */
export function Caveats({ caveats, testId }: { caveats: readonly Caveat[]; testId?: string }) {
  const { lang } = useI18n();
  if (caveats.length === 0) return null;
  return (
    <ul className="caveats" data-testid={testId}>
      {caveats.map((c) => (
        <li key={c.code} data-caveat={c.code}>
          {caveatMessage(lang, c)}
        </li>
      ))}
    </ul>
  );
}

/**
 * Caveats run into a line after a value: "(nguồn ghi: …)". A figure's age is left out here: the
 * source reference beside the value shows its date, marked when old (SourceRef).
 */
export function InlineCaveats({ caveats: all }: { caveats: readonly Caveat[] }) {
  const { lang } = useI18n();
  const caveats = all.filter((c) => c.code !== 'figureAge');
  if (caveats.length === 0) return null;
  return (
    <small className="caveat-inline" data-caveats={caveats.map((c) => c.code).join(' ')}>
      {' '}
      ({caveats.map((c) => caveatMessage(lang, c)).join('; ')})
    </small>
  );
}

/** The data's reference date (geodata/confidence.ts referenceDateOf over all sources), against which a figure is old. */
export const ReferenceDate = createContext<string | null>(null);
export const useReferenceDate = () => useContext(ReferenceDate);
