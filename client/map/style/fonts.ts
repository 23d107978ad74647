import type { StyleSpecification } from 'maplibre-gl';
import latinUrl from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import vietnameseUrl from '@fontsource/noto-sans/files/noto-sans-vietnamese-400-normal.woff2?url';
import { LABEL_FONT } from './ids.ts';

/**
 * Label glyphs come from font files bundled with the app (style `font-faces`), not a glyphs
 * server: the map must label "Huyền Tụng" with no network. The ranges are those of the
 * @fontsource subsets, so each character is drawn from the file that has it.
 */
export function fontFaces(base: string): NonNullable<StyleSpecification['font-faces']> {
  return {
    [LABEL_FONT]: [
      {
        url: new URL(latinUrl, base).href,
        'unicode-range': ['U+0000-00FF', 'U+0131', 'U+0152-0153', 'U+02BB-02BC', 'U+02C6', 'U+02DA', 'U+02DC', 'U+2000-206F', 'U+20AC', 'U+2122', 'U+2212'],
      },
      {
        url: new URL(vietnameseUrl, base).href,
        'unicode-range': ['U+0102-0103', 'U+0110-0111', 'U+0128-0129', 'U+0168-0169', 'U+01A0-01A1', 'U+01AF-01B0', 'U+0300-0301', 'U+0303-0304', 'U+0308-0309', 'U+0323', 'U+0329', 'U+1EA0-1EF9', 'U+20AB'],
      },
    ],
  };
}
