import { useId, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/** The right-hand panel (a bottom sheet on a phone) with its title and close button. */
export function SidePanel({ title, className, testId, onClose, children }: { title: string; className: string; testId: string; onClose: () => void; children: ReactNode }) {
  const { t } = useI18n();
  const titleId = useId();
  return (
    <aside className={`panel ${className}`} data-testid={testId} aria-labelledby={titleId}>
      <header>
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="close" onClick={onClose} aria-label={t('close')}>
          ×
        </button>
      </header>
      {children}
    </aside>
  );
}
