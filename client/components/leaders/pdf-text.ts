/**
 * Vietnamese text in jsPDF. jsPDF's built-in fonts have no Vietnamese letters, so the brief embeds
 * the Noto Sans the app already bundles. Fontsource ships it as two subsets (Latin, Vietnamese) in
 * WOFF; jsPDF reads TrueType, so each WOFF is unpacked into a plain TTF here (its tables are only
 * zlib-compressed), and every string is drawn in runs, each in the subset that has its letters.
 */
import type { jsPDF } from 'jspdf';
import { api } from '../../api.ts';
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff?url';
import latin700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff?url';
import viet400 from '@fontsource/noto-sans/files/noto-sans-vietnamese-400-normal.woff?url';
import viet700 from '@fontsource/noto-sans/files/noto-sans-vietnamese-700-normal.woff?url';

/** Code points of the Vietnamese subset (the @fontsource unicode-range, as in map/style/fonts.ts). */
const VIET_RANGES: [number, number][] = [
  [0x0102, 0x0103], [0x0110, 0x0111], [0x0128, 0x0129], [0x0168, 0x0169], [0x01a0, 0x01a1], [0x01af, 0x01b0],
  [0x0300, 0x0301], [0x0303, 0x0304], [0x0308, 0x0309], [0x0323, 0x0323], [0x0329, 0x0329], [0x1ea0, 0x1ef9], [0x20ab, 0x20ab],
];
const isViet = (cp: number) => VIET_RANGES.some(([a, b]) => cp >= a && cp <= b);

async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** WOFF 1.0 → TrueType (sfnt), per the WOFF spec: same tables, decompressed, 4-byte aligned. */
export async function woffToTtf(woff: ArrayBuffer): Promise<Uint8Array> {
  const v = new DataView(woff);
  if (v.getUint32(0) !== 0x774f4646) throw new Error('not a WOFF file');
  const flavor = v.getUint32(4);
  const n = v.getUint16(12);
  const tables: { tag: number; checksum: number; data: Uint8Array }[] = [];
  for (let i = 0; i < n; i++) {
    const e = 44 + i * 20;
    const tag = v.getUint32(e);
    const offset = v.getUint32(e + 4);
    const compLength = v.getUint32(e + 8);
    const origLength = v.getUint32(e + 12);
    const checksum = v.getUint32(e + 16);
    const raw = new Uint8Array(woff, offset, compLength);
    tables.push({ tag, checksum, data: compLength < origLength ? await inflate(raw) : raw.slice() });
  }
  tables.sort((a, b) => a.tag - b.tag);
  const pad4 = (x: number) => (x + 3) & ~3;
  const size = 12 + 16 * n + tables.reduce((s, t) => s + pad4(t.data.length), 0);
  const out = new Uint8Array(size);
  const o = new DataView(out.buffer);
  const log = Math.floor(Math.log2(n));
  o.setUint32(0, flavor);
  o.setUint16(4, n);
  o.setUint16(6, 2 ** log * 16);
  o.setUint16(8, log);
  o.setUint16(10, n * 16 - 2 ** log * 16);
  let at = 12 + 16 * n;
  tables.forEach((t, i) => {
    const r = 12 + i * 16;
    o.setUint32(r, t.tag);
    o.setUint32(r + 4, t.checksum);
    o.setUint32(r + 8, at);
    o.setUint32(r + 12, t.data.length);
    out.set(t.data, at);
    at += pad4(t.data.length);
  });
  return out;
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

const FILES = { L: { normal: latin400, bold: latin700 }, V: { normal: viet400, bold: viet700 } } as const;
const FAMILY = { L: 'NotoSansLatin', V: 'NotoSansViet' } as const;
let cache: Promise<Record<string, string>> | null = null;

/** Registers the four font files with a document (fetched and converted once per page load). */
export async function addNotoSans(doc: jsPDF) {
  cache ??= (async () => {
    const out: Record<string, string> = {};
    for (const subset of ['L', 'V'] as const) {
      for (const style of ['normal', 'bold'] as const) {
        out[`${subset}-${style}`] = base64(await woffToTtf(await api.asset(FILES[subset][style])));
      }
    }
    return out;
  })();
  const files = await cache;
  for (const subset of ['L', 'V'] as const) {
    for (const style of ['normal', 'bold'] as const) {
      const name = `${FAMILY[subset]}-${style}.ttf`;
      doc.addFileToVFS(name, files[`${subset}-${style}`]!);
      doc.addFont(name, FAMILY[subset], style, undefined, 'Identity-H');
    }
  }
}

type Run = { subset: 'L' | 'V'; text: string };

function runs(text: string): Run[] {
  const out: Run[] = [];
  for (const ch of text.normalize('NFC')) {
    const subset = isViet(ch.codePointAt(0)!) ? 'V' : 'L';
    const last = out.at(-1);
    if (last && last.subset === subset) last.text += ch;
    else out.push({ subset, text: ch });
  }
  return out;
}

export type TextStyle = { size: number; bold?: boolean; color?: [number, number, number] };

/** Writes and measures mixed Latin/Vietnamese text on a jsPDF page (units: mm). */
export class PdfText {
  constructor(private readonly doc: jsPDF) {}

  private use(subset: 'L' | 'V', st: TextStyle) {
    this.doc.setFont(FAMILY[subset], st.bold ? 'bold' : 'normal');
    this.doc.setFontSize(st.size);
  }

  width(text: string, st: TextStyle): number {
    let w = 0;
    for (const r of runs(text)) {
      this.use(r.subset, st);
      w += this.doc.getTextWidth(r.text);
    }
    return w;
  }

  /** One line at (x, y baseline); returns its width. */
  line(x: number, y: number, text: string, st: TextStyle): number {
    const [r, g, b] = st.color ?? [20, 20, 20];
    this.doc.setTextColor(r, g, b);
    let cx = x;
    for (const run of runs(text)) {
      this.use(run.subset, st);
      this.doc.text(run.text, cx, y);
      cx += this.doc.getTextWidth(run.text);
    }
    return cx - x;
  }

  /** Greedy word wrap to `maxWidth`. */
  wrap(text: string, maxWidth: number, st: TextStyle): string[] {
    const lines: string[] = [];
    for (const para of text.split('\n')) {
      let cur = '';
      for (const word of para.split(/\s+/).filter(Boolean)) {
        const next = cur ? `${cur} ${word}` : word;
        if (cur && this.width(next, st) > maxWidth) {
          lines.push(cur);
          cur = word;
        } else cur = next;
      }
      lines.push(cur);
    }
    return lines;
  }

  /**
   * A heading that stays on the page: one line at the largest size from st.size down that fits,
   * else two lines from twoLineSize down to minSize, else two lines at minSize with the second cut
   * short by an ellipsis. A zone's name can be long (planners type it), and the page edge would
   * otherwise cut it off.
   */
  fit(text: string, maxWidth: number, st: TextStyle, twoLineSize: number, minSize: number): { lines: string[]; style: TextStyle } {
    const fits = (lines: string[], style: TextStyle) => lines.every((l) => this.width(l, style) <= maxWidth);
    for (let size = st.size; size >= minSize; size--) {
      const style = { ...st, size };
      const lines = this.wrap(text, maxWidth, style);
      if ((lines.length === 1 || (lines.length === 2 && size <= twoLineSize)) && fits(lines, style)) return { lines, style };
    }
    const style = { ...st, size: minSize };
    const lines = this.wrap(text, maxWidth, style).map((l) => this.cut(l, maxWidth, style, false));
    return { lines: lines.length <= 2 ? lines : [lines[0]!, this.cut(lines[1]!, maxWidth, style, true)], style };
  }

  /** The line, or (too wide, or `more` follows it) its longest start that fits with an ellipsis. */
  private cut(line: string, maxWidth: number, st: TextStyle, more: boolean): string {
    if (!more && this.width(line, st) <= maxWidth) return line;
    const chars = [...line];
    while (chars.length > 1 && this.width(`${chars.join('')}…`, st) > maxWidth) chars.pop();
    return `${chars.join('').trimEnd()}…`;
  }

  /** A wrapped paragraph from baseline y; returns the baseline after it. Stops at maxY. */
  paragraph(x: number, y: number, text: string, maxWidth: number, st: TextStyle, maxY = Infinity): number {
    const lh = st.size * 0.3528 * 1.35;
    for (const l of this.wrap(text, maxWidth, st)) {
      if (y > maxY) break;
      this.line(x, y, l, st);
      y += lh;
    }
    return y;
  }
}
