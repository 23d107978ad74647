import { useEffect, useRef } from 'react';

/**
 * Keyboard focus for what a control opens (a panel, a bar, a full-screen view, an editor): once
 * it is on screen the focus moves into it (`into`), so a keyboard user is where the new content
 * is and its Escape works at once; once it closes, the focus goes back to the control that opened
 * it, or to `fallback` when that control is gone or hidden. The focus is only given back when it
 * was lost with what closed (on the page's body): a user who has moved on keeps their place.
 */
export function useFocusWhileOpen(into: () => HTMLElement | null | undefined, fallback?: () => HTMLElement | null | undefined) {
  const back = useRef(fallback);
  back.current = fallback;
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    into()?.focus({ preventScroll: true });
    return () => {
      // After the closing render and its clean-ups: presentation mode hides the header, say,
      // until its own clean-up has run.
      setTimeout(() => {
        if (document.activeElement && document.activeElement !== document.body) return;
        const target = opener?.isConnected && opener.checkVisibility() ? opener : back.current?.();
        target?.focus({ preventScroll: true });
      });
    };
  }, []);
}
