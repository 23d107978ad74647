/**
 * How many zones the bundled dataset holds: the 13 of the Bắc Kạn region (which many tests know by
 * name) and those of the Thái Nguyên region, read from its committed file so that adding a zone
 * there needs no test edit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BAC_KAN_GEODATA_DIR, GEODATA_FILES, THAI_NGUYEN_GEODATA_DIR } from '../../geodata/load.ts';

const count = (dir: string) => (JSON.parse(readFileSync(join(dir, GEODATA_FILES.zones), 'utf8')) as { features: unknown[] }).features.length;

export const BAC_KAN_ZONES = 13;
export const THAI_NGUYEN_ZONES = count(THAI_NGUYEN_GEODATA_DIR);
/** The whole province: both regions. */
export const BUNDLED_ZONES = count(BAC_KAN_GEODATA_DIR) + THAI_NGUYEN_ZONES;
