import { useI18n } from '../../i18n/i18n.tsx';
import type { Cited } from './cited-sources.ts';

/**
 * The numbered list every [n] reference in the panel points to. A published title is cited as
 * published (in its own language, in <cite>); a title that is ours (the atlas's own sketches, a
 * title reconstructed from a link) has a `label` in the reader's language.
 */
export function SourcesSection({ cited }: { cited: Cited }) {
  const { t, lang, when } = useI18n();
  return (
    <section className="sources" aria-label={t('sources')}>
      <h3>{t('sources')}</h3>
      <ol>
        {[...cited.values()].map(({ n, source }) => {
          const title = source.label ? source.label[lang] : <cite>{source.title}</cite>;
          return (
            <li key={source.id} id={`src-${n}`} value={n}>
              {source.url ? (
                <a
                  href={source.url.startsWith('http') ? source.url : `https://${source.url}`}
                  target="_blank"
                  rel="noreferrer noopener"
                >
                  {title}
                </a>
              ) : (
                title
              )}
              {source.publisher && <> · {source.publisher}</>}
              {source.date && <> · {when(source.date)}</>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
