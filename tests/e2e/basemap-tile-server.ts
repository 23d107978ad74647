/**
 * A raster tile service the basemap test starts on loopback: every /tiles/{z}/{x}/{y}.png is a
 * 256-pixel PNG of one known colour, and each request is counted, so the test can tell that the
 * app asked for tiles, drew them, and what happens once the service is gone.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync } from 'node:zlib';
import type { BasemapService } from '../../geodata/basemaps.ts';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A PNG of `size`² pixels of one RGB colour. */
export function solidPng([r, g, b]: [number, number, number], size = 256): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter method, no interlace
  const row = Buffer.alloc(1 + size * 3); // filter byte 0, then the pixels
  for (let i = 0; i < size; i++) row.set([r, g, b], 1 + i * 3);
  const raw = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export type TileServer = {
  origin: string;
  /** The URL template to configure, with {z}/{x}/{y}. */
  template: string;
  /** Tile requests answered so far. */
  requests(): number;
  /** Stops listening and drops open connections: from now on the service cannot be reached. */
  stop(): Promise<void>;
};

export async function startTileServer(rgb: [number, number, number]): Promise<TileServer> {
  const png = solidPng(rgb);
  let count = 0;
  const server = createServer((req, res) => {
    if (!/^\/tiles\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '')) {
      res.writeHead(404).end();
      return;
    }
    count++;
    // Cross-origin, as a real tile service: MapLibre fetches tiles with CORS.
    res.writeHead(200, { 'Content-Type': 'image/png', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' }).end(png);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    template: `${origin}/tiles/{z}/{x}/{y}.png`,
    requests: () => count,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The basemap service an operator would configure for this tile server. */
export function loopbackBasemap(tiles: TileServer): BasemapService {
  return {
    id: 'loopback',
    name: { vi: 'Bản đồ thử nghiệm', en: 'Test map' },
    kind: 'street',
    tiles: [tiles.template],
    tileSize: 256,
    minzoom: 0,
    maxzoom: 19,
    attribution: '© Loopback Tiles for the test',
    termsUrl: `${tiles.origin}/terms`,
  };
}
