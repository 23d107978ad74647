/**
 * A ref callback that brings a just-opened form into view: in a long panel (and in the phone's
 * bottom sheet) a form opened below the fold would otherwise look like nothing happened.
 * Module-level, so React calls it once per mount rather than on every render.
 */
export function scrollIntoViewOnMount(el: HTMLElement | null) {
  el?.scrollIntoView({ block: 'start' });
}
