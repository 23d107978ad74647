import { loadDataset, DEFAULT_GEODATA_DIR } from '../geodata/load.ts';
import { deriveCommune } from '../geodata/admin/derive-commune.ts';
import { checkCommuneContradiction, communesFormedFrom } from '../geodata/admin/commune-rules.ts';
import { english } from '../geodata/rules/reasons.ts';
const ds = await loadDataset(DEFAULT_GEODATA_DIR);
let t = Date.now();
for (const z of ds.zones) {
  const d = deriveCommune(z.geometry);
  const c = checkCommuneContradiction(z as any);
  const o = z.properties.addressOld;
  console.log(z.properties.id, o?.commune, o?.district, '→ formed', o?.commune ? communesFormedFrom(o.commune, o.province).map((x) => x.fullName) : '-', '| derived', d?.fullName, c ? c.severity + ' ' + english(c.reason.code, c.reason.params) : '');
}
console.log('zones ms', Date.now() - t); t = Date.now();
for (const p of ds.plots) deriveCommune(p.geometry);
console.log('plots', ds.plots.length, 'ms', Date.now() - t);
