import { useId, useState } from 'react';
import type { ZoneApiFeature } from '../../geodata/api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { matchesQuery } from '../lib/text.ts';

/** Search by name, ignoring diacritics: "huyen tung" finds "CCN Huyền Tụng". Enter picks the first hit. */
export function SearchBox({ zones, onPick }: { zones: ZoneApiFeature[]; onPick: (id: string) => void }) {
  const { t, lang } = useI18n();
  const [query, setQuery] = useState('');
  const listId = useId();
  const hits = query.trim()
    ? zones.filter((z) => matchesQuery(`${z.properties.name.vi} ${z.properties.name.en} ${z.properties.kind}`, query)).slice(0, 8)
    : [];
  const pick = (id: string) => {
    onPick(id);
    setQuery('');
  };
  return (
    <div className="search">
      <label className="sr-only" htmlFor={`${listId}-input`}>{t('search')}</label>
      <input
        id={`${listId}-input`}
        type="search"
        value={query}
        placeholder={t('searchPlaceholder')}
        autoComplete="off"
        aria-controls={listId}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && hits[0]) pick(hits[0].id);
          if (e.key === 'Escape') setQuery('');
        }}
      />
      {query.trim() && (
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the ARIA 1.2 combobox pattern: a list of options owned by the search input
        <ul id={listId} className="search-results" role="listbox">
          {hits.length === 0 && <li className="empty">{t('noResults')}</li>}
          {hits.map((z) => (
            // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole lint/a11y/useFocusableInteractive: an option of the listbox above; the button inside it takes the focus
            <li key={z.id} role="option" aria-selected="false">
              <button type="button" onClick={() => pick(z.id)}>
                {z.properties.name[lang]}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
