/**
 * The investor's shortlist: up to four plots or zones, kept in this browser (localStorage) and
 * shared by every component through one small store, so the panels' "add" buttons, the dock's
 * count and the comparison always agree. Other tabs of the same browser follow ('storage' event).
 */
import { useSyncExternalStore } from 'react';

export type ShortItem = { kind: 'plot' | 'zone'; id: string };
export const SHORTLIST_MAX = 4;
export const SHORTLIST_KEY = 'iz-atlas.shortlist';

const valid = (x: unknown): x is ShortItem =>
  !!x && typeof x === 'object' && ((x as ShortItem).kind === 'plot' || (x as ShortItem).kind === 'zone') && /^[a-z0-9-]{1,80}$/.test(String((x as ShortItem).id));

/** Parses what localStorage holds; anything else (old format, hand edits) gives an empty list. */
export function parseShortlist(raw: string | null): ShortItem[] {
  try {
    const v: unknown = JSON.parse(raw ?? '[]');
    if (!Array.isArray(v)) return [];
    const seen = new Set<string>();
    return v.filter(valid).filter((i) => !seen.has(`${i.kind}:${i.id}`) && seen.add(`${i.kind}:${i.id}`)).slice(0, SHORTLIST_MAX);
  } catch {
    return [];
  }
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: the list lives for this page only
  }
}

let items: ShortItem[] = typeof window === 'undefined' ? [] : parseShortlist(storage()?.getItem(SHORTLIST_KEY) ?? null);
const listeners = new Set<() => void>();

function set(next: ShortItem[]) {
  items = next;
  try {
    storage()?.setItem(SHORTLIST_KEY, JSON.stringify(next));
  } catch {
    // Quota or privacy mode: keep the in-memory list.
  }
  for (const fn of listeners) fn();
}

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key !== SHORTLIST_KEY) return;
    items = parseShortlist(e.newValue);
    for (const fn of listeners) fn();
  });
}

const subscribe = (fn: () => void) => {
  listeners.add(fn);
  return () => void listeners.delete(fn);
};

export const sameItem = (a: ShortItem, b: ShortItem) => a.kind === b.kind && a.id === b.id;

export function useShortlist() {
  const list = useSyncExternalStore(subscribe, () => items, () => items);
  return {
    items: list,
    has: (item: ShortItem) => list.some((i) => sameItem(i, item)),
    /** Adds or removes; 'full' when a fifth item is refused. */
    toggle(item: ShortItem): 'added' | 'removed' | 'full' {
      if (items.some((i) => sameItem(i, item))) {
        set(items.filter((i) => !sameItem(i, item)));
        return 'removed';
      }
      if (items.length >= SHORTLIST_MAX) return 'full';
      set([...items, item]);
      return 'added';
    },
    remove: (item: ShortItem) => set(items.filter((i) => !sameItem(i, item))),
    clear: () => set([]),
  };
}
