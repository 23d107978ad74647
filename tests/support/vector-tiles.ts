/** Reading vector tiles in the API tests: which tile holds a point, and a response's tile decoded. */
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { gunzipSync } from 'node:zlib';

/** The XYZ tile holding lon/lat at zoom z. */
export function tileAt([lon, lat]: number[], z: number): [number, number, number] {
  const n = 2 ** z;
  const r = (lat! * Math.PI) / 180;
  return [z, Math.floor(((lon! + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)];
}

/** A tile response decoded, gzipped or not. */
export async function decode(res: Response): Promise<VectorTile> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  const raw = res.headers.get('content-encoding') === 'gzip' ? new Uint8Array(gunzipSync(bytes)) : bytes;
  return new VectorTile(new PbfReader(raw));
}
