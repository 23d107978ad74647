/**
 * The short names the map writes beside a zone or a bubble of zones, in both languages. Pure: no
 * map here. A reader at the first view sees every zone named ("KCN Thanh Bình I, II; Chợ Mới 3")
 * with its figure, not a bare "5 · 74,5 %": a bubble lists the zones it holds, grouped by kind and
 * by place, so that a bubble of seven zones still fits in three short lines.
 */
import { ZONE_STATUS_LABELS, type ZoneKind, type ZoneStatus } from '../../geodata/vocabulary.ts';
import type { Lang } from '../i18n/strings.ts';
import { VI_ORDER } from '../lib/vi-order.ts';

/** What a zone label needs to know of each zone it names. */
export type NamedZone = { id: string; kind: ZoneKind; status: ZoneStatus; preLeasing: boolean; nameVi: string; areaHa: number };

/** The label properties of a zone point or a bubble: the style reads them, per language. */
export type ZoneLabelProps = {
  /** Comma-separated ids of the zones named, so a reader (and the tests) can tell which zones a label covers. */
  zoneIds: string;
  labelVi: string;
  labelEn: string;
  /** Every zone named is planned or revoked: its figure line gives the status instead of a rate. */
  allPreLeasing: boolean;
  preLeasingVi: string;
  preLeasingEn: string;
};

/** Bubbles naming more places than this say how many more instead of a longer list. */
const MAX_PLACES = 8;
/** In a bubble of both kinds too large to name in full, the places each kind keeps at least. */
const MIN_PLACES_PER_KIND = 3;

const KIND_PREFIX = /^(KCN|CCN|Khu công nghiệp|Cụm công nghiệp)\s+/i;
const PHASE = /\s*\(giai đoạn\s+([^)]+)\)\s*/i;
/** A trailing phase or number ("I", "II", "3") that places of one name share. */
const SUFFIX = /^(.*\S)\s+([IVX]+|\d+[A-Za-z]?)$/;

/** "KCN Thanh Bình (giai đoạn I)" → "Thanh Bình I". Vietnamese place names are the same in English. */
export function zonePlace(nameVi: string): string {
  return nameVi.replace(KIND_PREFIX, '').replace(PHASE, ' $1').replace(/\s+/g, ' ').trim();
}

/** "Thanh Bình I", "Thanh Bình II", "Chợ Mới 3" → "Thanh Bình I, II; Chợ Mới 3". */
export function groupPlaces(places: string[]): string {
  const groups: { base: string; parts: string[] }[] = [];
  for (const place of places) {
    const m = SUFFIX.exec(place);
    const base = m ? m[1]! : place;
    const last = groups.at(-1);
    if (m && last && last.base === base && last.parts.length) last.parts.push(m[2]!);
    else groups.push({ base, parts: m ? [m[2]!] : [] });
  }
  return groups.map((g) => (g.parts.length ? `${g.base} ${g.parts.join(', ')}` : g.base)).join('; ');
}

const KINDS: ZoneKind[] = ['KCN', 'CCN'];

/** A kind's places with their total area, largest first (so a long list keeps the parks a reader looks for). */
function placesOf(zones: NamedZone[], kind: ZoneKind): string[] {
  const area = new Map<string, number>();
  for (const z of zones) if (z.kind === kind) area.set(zonePlace(z.nameVi), (area.get(zonePlace(z.nameVi)) ?? 0) + z.areaHa);
  return [...area.keys()].sort((a, b) => area.get(b)! - area.get(a)! || VI_ORDER.compare(a, b));
}

/**
 * How many places of each kind a label names: all when they fit in MAX_PLACES; otherwise each kind
 * keeps at least MIN_PLACES_PER_KIND (a bubble of 13 KCN and 22 CCN still names its clusters) and
 * the parks take the rest first.
 */
function placeQuota(counts: number[]): number[] {
  if (counts.reduce((a, b) => a + b, 0) <= MAX_PLACES) return counts;
  const floor = counts.map((n) => Math.min(n, MIN_PLACES_PER_KIND));
  let left = MAX_PLACES - floor.reduce((a, b) => a + b, 0);
  return counts.map((n, i) => {
    const extra = Math.min(n - floor[i]!, left);
    left -= extra;
    return floor[i]! + extra;
  });
}

/**
 * One line per kind: "KCN Thanh Bình I, II" in Vietnamese, "Thanh Bình I, II (KCN)" in English.
 * A long list keeps the largest places, written in alphabetical order so phases stay together.
 */
function namesLine(zones: NamedZone[], lang: Lang): string {
  const places = KINDS.map((kind) => placesOf(zones, kind));
  const quota = placeQuota(places.map((p) => p.length));
  const lines: string[] = [];
  for (const [i, kind] of KINDS.entries()) {
    const all = places[i]!;
    if (!all.length) continue;
    const kept = all.slice(0, quota[i]).sort(VI_ORDER.compare);
    const more = all.length - kept.length;
    const text = groupPlaces(kept) + (more ? (lang === 'vi' ? ` và ${more} nơi khác` : ` and ${more} more`) : '');
    lines.push(lang === 'vi' ? `${kind} ${text}` : `${text} (${kind})`);
  }
  return lines.join('\n');
}

/** "Quy hoạch", or "Quy hoạch, đã thu hồi" for a bubble of both. */
function statusText(zones: NamedZone[], lang: Lang): string {
  const statuses = [...new Set(zones.map((z) => z.status))];
  return statuses.map((s, i) => (i ? ZONE_STATUS_LABELS[s][lang].toLowerCase() : ZONE_STATUS_LABELS[s][lang])).join(', ');
}

export function zoneLabelProps(zones: NamedZone[]): ZoneLabelProps {
  const allPreLeasing = zones.length > 0 && zones.every((z) => z.preLeasing);
  return {
    zoneIds: zones.map((z) => z.id).join(','),
    labelVi: namesLine(zones, 'vi'),
    labelEn: namesLine(zones, 'en'),
    allPreLeasing,
    preLeasingVi: allPreLeasing ? statusText(zones, 'vi') : '',
    preLeasingEn: allPreLeasing ? statusText(zones, 'en') : '',
  };
}
