/** Where the panels sit, so the map can frame a plot in the part of the screen left free. */
export const PHONE_QUERY = '(max-width: 700px)';

export function isPhone(): boolean {
  return typeof window !== 'undefined' && window.matchMedia(PHONE_QUERY).matches;
}

/**
 * Map padding that keeps a fitted feature clear of the panels: the investor dock on the left and
 * the plot or zone panel on the right (desktop), or the bottom sheet (phone).
 */
export function panelPadding(dockOpen: boolean): { top: number; right: number; bottom: number; left: number } {
  if (isPhone()) return { top: 40, right: 30, bottom: Math.round(window.innerHeight * 0.6), left: 30 };
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 15;
  return { top: 60, right: Math.round(26 * rem + 40), bottom: 60, left: dockOpen ? Math.round(24 * rem + 40) : 60 };
}
