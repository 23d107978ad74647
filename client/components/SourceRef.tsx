import type { Source } from '../../geodata/schema.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** A bracketed reference to a source in the panel's source list, with its title and date on hover. */
export function SourceRef({ id, sources, asOf }: { id: string | null; sources: Map<string, { n: number; source: Source }>; asOf?: string | null }) {
  const { t, when } = useI18n();
  if (!id) return null;
  const hit = sources.get(id);
  if (!hit) return null;
  return (
    <span className="src">
      <a href={`#src-${hit.n}`} onClick={(e) => { e.preventDefault(); document.getElementById(`src-${hit.n}`)?.scrollIntoView({ block: 'nearest' }); }} title={hit.source.title}>
        [{hit.n}]
      </a>
      {asOf && (
        <span className="asof">
          {' '}
          {t('asOf')} {when(asOf)}
        </span>
      )}
    </span>
  );
}
