/**
 * Bounds on the work and memory one import may cost, so that a hostile or broken file gets a
 * 400/413 naming the problem instead of a hang or an out-of-memory crash of the server (issue #9).
 *
 * The figures leave two orders of magnitude over real files: Bắc Kạn has 13 zones and 49 plots,
 * the whole country about 1,400 zones, and a zone layout a few hundred plots. Each guard runs
 * before the expensive step it protects (a scan of the bytes before JSON.parse or the XML DOM,
 * the zip's central directory before JSZip, the .shp record headers before the shapefile
 * library, the SQLite schema before a query), or counts as it goes and stops at the bound.
 */
import type { Position } from 'geojson';
import type JSZip from 'jszip';
import type { Reason } from '../../geodata/rules/reasons.ts';

export const IMPORT_LIMITS = {
  /** Features in one file (seven times the country's zones). */
  features: 10_000,
  /** Coordinates in one file (a 50 MB GeoJSON with 7 decimals could hold 2 million). */
  positions: 500_000,
  /** Rings or parts of one geometry. */
  parts: 10_000,
  /** Attribute values: features × columns (CSV, .dbf, GeoPackage). */
  cells: 2_000_000,
  /** Columns of a CSV, .dbf or GeoPackage table. */
  columns: 1_000,
  /** JSON nesting (a GeoJSON MultiPolygon in a FeatureCollection is 7 deep). */
  jsonDepth: 64,
  /** JSON objects, arrays and object members: each costs V8 about 100 bytes once parsed (a full zone is about 30). */
  jsonNodes: 2_000_000,
  /** XML tags of a KML: the DOM costs about 1 KB each (≈ 2,500 placemarks with a dozen attributes). */
  xmlTags: 150_000,
  /** Entries in a zip (a Shapefile has 3-6, a KMZ its .kml and icons). */
  zipEntries: 1_000,
  /** Issues listed in the report; the counts stay exact. */
  issuesListed: 1_000,
  /** Segment pairs compared when looking for self-intersections, over the whole file. */
  segmentPairs: 50_000_000,
  /** Pairs of areas clipped to measure overlaps, over the whole file (each takes turf 0.1-0.2 ms). */
  overlapClips: 5_000,
} as const;

/** Upload and CLI limit: IMPORT_MAX_BYTES, default 50 MB; also bounds what a zip may inflate to. */
export const importMaxBytes = (env: NodeJS.ProcessEnv = process.env) => {
  const n = Number(env.IMPORT_MAX_BYTES ?? 50 * 1024 * 1024);
  return Number.isFinite(n) && n > 0 ? n : 50 * 1024 * 1024;
};

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Depth and size of a JSON text, from its bytes, without parsing it: objects, arrays and object
 * members (colons) outside strings. Stops counting once either bound is passed.
 */
export function jsonShape(bytes: Uint8Array, maxDepth: number, maxNodes: number): { depth: number; nodes: number } {
  let depth = 0;
  let maxSeen = 0;
  let nodes = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (c === QUOTE) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      nodes++;
      if (++depth > maxSeen) maxSeen = depth;
    } else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x3a) nodes++;
    else continue;
    if (maxSeen > maxDepth || nodes > maxNodes) break;
  }
  return { depth: maxSeen, nodes };
}

/** Occurrences of a byte sequence (e.g. "<" in XML, a zip's central-directory signature). */
export function countBytes(bytes: Uint8Array, needle: readonly number[], stopAfter: number): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pattern = Buffer.from(needle);
  let n = 0;
  for (let at = buf.indexOf(pattern); at !== -1 && n <= stopAfter; at = buf.indexOf(pattern, at + pattern.length)) n++;
  return n;
}

/** Bytes that are one of `set`, counting up to stopAfter + 1. */
export function countAnyOf(bytes: Uint8Array, set: readonly number[], stopAfter: number): number {
  const hit = new Uint8Array(256);
  for (const b of set) hit[b] = 1;
  let n = 0;
  for (let i = 0; i < bytes.length && n <= stopAfter; i++) n += hit[bytes[i]!]!;
  return n;
}

/** "PK\1\2": one per entry of a zip's central directory, which JSZip parses in full on loading. */
export const zipEntriesAtMost = (bytes: Uint8Array, stopAfter: number) => countBytes(bytes, [0x50, 0x4b, 0x01, 0x02], stopAfter);

/**
 * A zip entry's content, inflating at most `budget.left` bytes (shared by the entries of one
 * file): null when it would pass the bound. A zip bomb thus costs at most the bound (plus one
 * inflated chunk), whatever its headers claim.
 */
export function inflateBounded(file: JSZip.JSZipObject, budget: { left: number }): Promise<Uint8Array | null> {
  // JSZip's stream (readable-stream 2) has events but no async iterator.
  const stream = file.nodeStream('nodebuffer') as NodeJS.ReadableStream;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    stream.on('data', (chunk: Buffer) => {
      if (settled) return;
      total += chunk.length;
      if (total > budget.left) {
        settled = true;
        stream.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', (err: Error) => {
      if (settled) return;
      settled = true;
      reject(err);
    });
    stream.on('end', () => {
      if (settled) return;
      settled = true;
      budget.left -= total;
      resolve(new Uint8Array(Buffer.concat(chunks, total)));
    });
  });
}

/**
 * What the record headers of a .shp say, read without parsing a shape: the record count, the
 * points and the most parts in one record. A record whose counts do not fit its length, or a
 * record running past the end, makes the file corrupt (the shapefile library would scan ahead
 * four bytes at a time).
 */
export function shpShape(shp: Uint8Array): { records: number; points: number; maxParts: number } | { corrupt: Reason } {
  if (shp.byteLength < 100) return { corrupt: { code: 'shpHeaderShort' } };
  const v = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  if (v.getInt32(0, false) !== 9994) return { corrupt: { code: 'shpNoFileCode' } };
  const shapeType = v.getInt32(32, true);
  let records = 0;
  let points = 0;
  let maxParts = 0;
  for (let at = 100; at < shp.byteLength; ) {
    const record = records + 1;
    if (at + 8 > shp.byteLength) return { corrupt: { code: 'shpRecordHeaderCut', params: { record } } };
    const length = v.getInt32(at + 4, false) * 2;
    const end = at + 8 + length;
    if (length < 4 || end > shp.byteLength) return { corrupt: { code: 'shpRecordPastEnd', params: { record, bytes: length, at } } };
    const type = v.getInt32(at + 8, true);
    if (type !== 0 && type !== shapeType) return { corrupt: { code: 'shpRecordType', params: { record, type, fileType: shapeType } } };
    let parts = 0;
    let pts = 0;
    let need = 4;
    if ([3, 5, 13, 15, 23, 25].includes(type)) {
      if (length < 44) return { corrupt: { code: 'shpRecordShort', params: { record } } };
      parts = v.getInt32(at + 8 + 36, true);
      pts = v.getInt32(at + 8 + 40, true);
      need = 44 + 4 * parts + 16 * pts;
    } else if ([8, 18, 28].includes(type)) {
      if (length < 40) return { corrupt: { code: 'shpRecordShort', params: { record } } };
      pts = v.getInt32(at + 8 + 36, true);
      need = 40 + 16 * pts;
    } else if ([1, 11, 21].includes(type)) {
      pts = 1;
      need = 20;
    }
    if (parts < 0 || pts < 0 || need > length) return { corrupt: { code: 'shpRecordPoints', params: { record, points: pts, parts, bytes: length } } };
    records++;
    points += pts;
    maxParts = Math.max(maxParts, parts);
    at = end;
  }
  return { records, points, maxParts };
}

/** Fields of a .dbf, from its header length (32 bytes per field descriptor). */
export const dbfFieldCount = (dbf: Uint8Array) => (dbf.byteLength >= 10 ? Math.max(0, Math.floor((new DataView(dbf.buffer, dbf.byteOffset).getUint16(8, true) - 33) / 32)) : 0);

const isPosition = (p: unknown): p is Position => Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number';
const isList = (x: unknown, depth: number): boolean => (depth === 0 ? isPosition(x) : Array.isArray(x) && x.every((y) => isList(y, depth - 1)));
const NESTING: Record<string, number> = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };

/**
 * A geometry from a file checked for shape before anything walks it: the GeoJSON type, arrays
 * of the right depth down to positions of two or more numbers, collections at most 4 deep.
 * Returns what is wrong (null when well-formed) and how many positions and parts it holds.
 */
export function geometryShape(g: unknown, depth = 0): { problem: Reason | null; positions: number; parts: number } {
  const bad = (problem: Reason) => ({ problem, positions: 0, parts: 0 });
  if (!g || typeof g !== 'object' || Array.isArray(g)) return bad({ code: 'importGeometryNotObject' });
  const { type, coordinates, geometries } = g as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  if (type === 'GeometryCollection') {
    if (depth >= 4) return bad({ code: 'importCollectionTooDeep', params: { max: 4 } });
    if (!Array.isArray(geometries)) return bad({ code: 'importCollectionNoList' });
    let positions = 0;
    let parts = 0;
    for (const x of geometries) {
      const s = geometryShape(x, depth + 1);
      if (s.problem) return s;
      positions += s.positions;
      parts += s.parts;
    }
    return { problem: null, positions, parts };
  }
  const nesting = typeof type === 'string' ? NESTING[type] : undefined;
  if (nesting === undefined) return bad({ code: 'importGeometryUnknownType', params: { type: String(JSON.stringify(type) ?? '').slice(0, 40) } });
  if (!isList(coordinates, nesting)) return bad({ code: 'importCoordinatesShape', params: { type: String(type) } });
  const c = coordinates as unknown[];
  const positions = nesting === 0 ? 1 : nesting === 1 ? c.length : nesting === 2 ? (c as unknown[][]).reduce((n, r) => n + r.length, 0) : (c as unknown[][][]).reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0);
  const parts = nesting < 2 ? 1 : nesting === 2 ? c.length : (c as unknown[][]).reduce((n, p) => n + p.length, 0);
  return { problem: null, positions, parts };
}

