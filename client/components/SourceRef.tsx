import { ageCaveat } from '../../geodata/caveats.ts';
import { caveatMessage } from '../../geodata/caveat-messages.ts';
import type { Source } from '../../geodata/schema.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useReferenceDate } from './zone/Caveats.tsx';

/** A bracketed reference to a source in the panel's source list, with its title and date on hover. */
export function SourceRef({
  id,
  sources,
  asOf,
}: {
  id: string | null;
  sources: Map<string, { n: number; source: Source }>;
  asOf?: string | null;
}) {
  const { t, lang, when } = useI18n();
  const referenceDate = useReferenceDate();
  if (!id) return null;
  const hit = sources.get(id);
  if (!hit) return null;
  return (
    <span className="src">
      <a
        href={`#src-${hit.n}`}
        onClick={(e) => {
          e.preventDefault();
          document.getElementById(`src-${hit.n}`)?.scrollIntoView({ block: 'nearest' });
        }}
        title={hit.source.title}
      >
        [{hit.n}]
      </a>
      {asOf && (
        <AsOf
          asOf={asOf}
          text={`${t('asOf')} ${when(asOf)}`}
          old={ageCaveat(asOf, referenceDate).map((c) => caveatMessage(lang, c))[0]}
        />
      )}
    </span>
  );
}

/** The date a figure describes; an old one (geodata/confidence.ts) is marked and says so. */
function AsOf({ text, old }: { asOf: string; text: string; old: string | undefined }) {
  return (
    <span className={old ? 'asof old' : 'asof'} data-caveat={old ? 'figureAge' : undefined} title={old}>
      {' '}
      {text}
      {old && ' ⚠'}
    </span>
  );
}
