/**
 * `npm run geodata:admin`: rebuilds geodata/admin/ from ../shared/data/vn-admin-2025/ (see
 * admin-2025.ts for what is simplified how, and why). Same inputs, same bytes.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ADMIN_DIR, buildAdminFiles } from './admin-2025.ts';

const files = await buildAdminFiles();
await mkdir(ADMIN_DIR, { recursive: true });
for (const [file, text] of Object.entries(files)) {
  await writeFile(join(ADMIN_DIR, file), text);
  console.log(`${file}: ${Buffer.byteLength(text).toLocaleString('en')} bytes, ${gzipSync(text).length.toLocaleString('en')} gzipped`);
}
console.log(`wrote ${ADMIN_DIR}`);
