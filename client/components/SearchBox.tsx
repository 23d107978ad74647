import { useId, useState } from 'react';
import type { ZoneApiFeature } from '../../geodata/api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { matchesQuery, queryRank } from '../lib/text.ts';

/** Search by name, ignoring diacritics: "huyen tung" finds "CCN Huyền Tụng". Enter picks the first hit. */
export function SearchBox({ zones, onPick }: { zones: ZoneApiFeature[]; onPick: (id: string) => void }) {
  const { t, lang } = useI18n();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  // The zone whose name is what was typed comes first (Enter opens it), then names starting with it.
  const rank = (z: ZoneApiFeature) => queryRank([z.properties.name.vi, z.properties.name.en], query);
  const hits = query.trim()
    ? zones
        .filter((z) => matchesQuery(`${z.properties.name.vi} ${z.properties.name.en} ${z.properties.kind}`, query))
        .sort((a, b) => rank(a) - rank(b))
        .slice(0, 8)
    : [];
  // The list exists only while something is typed; aria-controls names it only then (naming a
  // missing element is an error assistive technology trips on).
  const open = query.trim() !== '';
  const current = hits[Math.min(active, hits.length - 1)];
  const pick = (id: string) => {
    onPick(id);
    setQuery('');
    setActive(0);
  };
  return (
    <div className="search">
      <label className="sr-only" htmlFor={`${listId}-input`}>{t('search')}</label>
      <input
        id={`${listId}-input`}
        type="search"
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open && current ? `${listId}-${current.id}` : undefined}
        value={query}
        placeholder={t('searchPlaceholder')}
        autoComplete="off"
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          // Arrows move through the hits, Enter opens the one shown as active (the first by default).
          if (e.key === 'ArrowDown' && hits.length) {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, hits.length - 1));
          }
          if (e.key === 'ArrowUp' && hits.length) {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          }
          if (e.key === 'Enter' && current) pick(current.id);
          // Escape first clears what is typed; on an empty box it goes on to close the open panel.
          if (e.key === 'Escape' && query) {
            e.preventDefault();
            setQuery('');
          }
        }}
      />
      {open && (
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the ARIA 1.2 combobox pattern: a list of options owned by the search input
        <ul id={listId} className="search-results" role="listbox" aria-label={t('search')}>
          {hits.length === 0 && (
            // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole lint/a11y/useFocusableInteractive: a listbox holds only options; this one says nothing matched
            <li className="empty" role="option" aria-selected="false" aria-disabled="true">
              {t('noResults')}
            </li>
          )}
          {hits.map((z) => (
            // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole lint/a11y/useFocusableInteractive lint/a11y/useKeyWithClickEvents: an option of the listbox above, chosen with the input's arrows and Enter (the combobox pattern) or a click
            <li key={z.id} id={`${listId}-${z.id}`} role="option" aria-selected={z.id === current?.id} className={z.id === current?.id ? 'active' : undefined} onClick={() => pick(z.id)}>
              {z.properties.name[lang]}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
