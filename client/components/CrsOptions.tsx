import { CRS_TABLE } from '../../geodata/crs/table.ts';

/** Every coordinate system iz-atlas reads and writes, as <option>s: "EPSG:9213 · VN-2000 / TM-3 106-30". */
export function CrsOptions() {
  return (
    <>
      {CRS_TABLE.map((c) => (
        <option key={c.code} value={c.code}>
          {c.code} · {c.name}
        </option>
      ))}
    </>
  );
}
