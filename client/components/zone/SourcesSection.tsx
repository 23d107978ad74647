import { useI18n } from '../../i18n/i18n.tsx';
import type { Cited } from './cited-sources.ts';

/** The numbered list every [n] reference in the panel points to. */
export function SourcesSection({ cited }: { cited: Cited }) {
  const { t, when } = useI18n();
  return (
    <section className="sources" aria-label={t('sources')}>
      <h3>{t('sources')}</h3>
      <ol>
        {[...cited.values()].map(({ n, source }) => (
          <li key={source.id} id={`src-${n}`} value={n}>
            {source.url ? (
              <a href={source.url.startsWith('http') ? source.url : `https://${source.url}`} target="_blank" rel="noreferrer noopener">
                {source.title}
              </a>
            ) : (
              source.title
            )}
            {source.publisher && <> · {source.publisher}</>}
            {source.date && <> · {when(source.date)}</>}
          </li>
        ))}
      </ol>
    </section>
  );
}
