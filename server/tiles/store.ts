/**
 * What the vector tiles are cut from: every zone (outline and the flat properties the map style
 * reads) held in memory with a bounding-box grid, and each zone's plots, read from the database
 * the first time a tile needs them.
 *
 * The database is the only authority: several server processes may share one PostgreSQL, so this
 * is a cache, checked against a data stamp read from the database at most once per `checkMs`.
 * The stamp is cheap (the append-only audit log, which every edit and import writes in the same
 * transaction, and the small zones table). When it moves, only the zones named by the new audit
 * entries or whose row changed are reloaded, and only the tiles over them are dropped.
 */
import { createHash } from 'node:crypto';
import { dataStamp } from '../domain/data-stamp.ts';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { regionOfCommune } from '../../geodata/admin/zone-region.ts';
import { tileZoneProps, type TileZoneProps } from '../../geodata/map-props.ts';
import type { ZoneProperties } from '../../geodata/schema.ts';
import type { Database } from '../db/database.ts';
import { occupancyContext, zoneMetrics, type AreaRow, type OccupancyContext } from '../domain/zones-repo.ts';
import { SCHEMATIC_PLOT } from '../domain/plots-repo.ts';
import { PlotSet, type PlotRow } from './plot-set.ts';
import { bboxesIntersect, type BBox } from './tile-math.ts';
import { geometryBBox, ZoneGrid } from './zone-grid.ts';

export type ZoneEntry = {
  id: string;
  bbox: BBox;
  feature: Feature<Polygon | MultiPolygon, TileZoneProps>;
  plotCount: number;
  /** null until a tile needs them, and again when memory is needed for others. */
  plots: PlotSet | null;
};

/** What changed: the areas whose tiles are stale, or everything. */
export type Invalidation = BBox[] | 'all';

type Stamp = { audits: number; lastAudit: string; zones: string };
type ZoneRow = { id: string; props: ZoneProperties; geometry: Polygon | MultiPolygon; version: number; at: string };

export type TileStoreOptions = {
  /** How often, at most, the data stamp is read from the database. Default 1000 ms. */
  checkMs?: number;
  /** Plots kept in memory at most; the zones used longest ago are read again when needed. Default 150,000. */
  maxPlots?: number;
  /**
   * On PostgreSQL, how often a full stamp of the plots table (count, versions, latest update) is
   * also compared, to catch writes that bypassed the audit log (hand-written SQL). Default 60 s;
   * never on PGlite, where this process is the only writer and the scan would block requests.
   */
  deepCheckMs?: number;
};

export class TileStore {
  private zones = new Map<string, ZoneEntry>();
  private grid = new ZoneGrid<ZoneEntry>();
  private versions = new Map<string, string>();
  private stamp: Stamp | null = null;
  private plotStamp: string | null = null;
  private checkedAt = 0;
  private deepCheckedAt = 0;
  private loading: Promise<void> | null = null;
  private checking: Promise<void> | null = null;
  private plotLoads = new Map<string, Promise<void>>();
  /** Zones whose plots are in memory, least recently used first. */
  private loadedZones = new Map<string, ZoneEntry>();
  private loadedPlots = 0;
  private readonly maxPlots: number;
  private listeners: ((what: Invalidation) => void)[] = [];
  private readonly checkMs: number;
  private readonly deepCheckMs: number;
  /** Bumped on every change, so a tile cut while data changed under it is not cached. */
  epoch = 0;
  /** Changes seen since start-up: full reloads and zones reloaded one by one. */
  readonly stats = { fullLoads: 0, zoneReloads: 0, checks: 0, plotLoads: 0, plotEvictions: 0 };

  constructor(
    private readonly db: Database,
    opts: TileStoreOptions = {},
  ) {
    this.checkMs = opts.checkMs ?? 1000;
    this.deepCheckMs = opts.deepCheckMs ?? 60_000;
    this.maxPlots = opts.maxPlots ?? 150_000;
  }

  onInvalidate(fn: (what: Invalidation) => void) {
    this.listeners.push(fn);
  }

  /** A version string for the data as a whole: the same in every process reading the same database. */
  get version(): string {
    const s = this.stamp;
    return s ? createHash('sha1').update(`${s.audits}|${s.lastAudit}|${s.zones}`).digest('base64url').slice(0, 12) : '0';
  }

  get zoneCount() {
    return this.zones.size;
  }

  get plotCount() {
    let n = 0;
    for (const z of this.zones.values()) n += z.plotCount;
    return n;
  }

  /** [west, south, east, north] of all zones. */
  get bbox(): BBox | null {
    let b: BBox | null = null;
    for (const z of this.zones.values()) {
      b = b ? [Math.min(b[0], z.bbox[0]), Math.min(b[1], z.bbox[1]), Math.max(b[2], z.bbox[2]), Math.max(b[3], z.bbox[3])] : [...z.bbox];
    }
    return b;
  }

  /** Loads on first use, then re-reads the stamp when the last read is older than checkMs (or now, with `now`). */
  async fresh(now = false): Promise<void> {
    if (!this.loading) {
      this.loading = this.fullLoad().catch((err: unknown) => {
        this.loading = null;
        throw err;
      });
    }
    await this.loading;
    if (!now && Date.now() - this.checkedAt < this.checkMs) return;
    // A check already under way may have read the stamp before the change the caller knows of.
    if (now && this.checking) await this.checking.catch(() => {});
    if (!this.checking) this.checking = this.check().finally(() => (this.checking = null));
    await this.checking;
  }

  private readStamp(): Promise<Stamp> {
    return dataStamp(this.db);
  }

  private async readPlotStamp(): Promise<string> {
    const [row] = await this.db.query<{ s: string }>(
      `SELECT count(*) || '.' || coalesce(sum(version), 0) || '.' || coalesce(max(updated_at)::text, '') AS s FROM plots`,
    );
    return row!.s;
  }

  private async fullLoad(): Promise<void> {
    // The stamp first: a change made during the load then shows up at the next check.
    const stamp = await this.readStamp();
    const plotStamp = this.db.kind === 'postgres' ? await this.readPlotStamp() : null;
    const [rows, areas, ctx] = await Promise.all([
      this.db.query<ZoneRow>('SELECT id, props, geometry, version, updated_at::text AS at FROM zones'),
      this.areasOf(null),
      occupancyContext(this.db),
    ]);
    this.zones = new Map();
    this.grid = new ZoneGrid<ZoneEntry>();
    this.versions = new Map();
    this.plotLoads.clear();
    this.loadedZones.clear();
    this.loadedPlots = 0;
    for (const r of rows) this.put(r, areas.get(r.id) ?? [], ctx);
    this.stamp = stamp;
    this.plotStamp = plotStamp;
    this.checkedAt = this.deepCheckedAt = Date.now();
    this.epoch++;
    this.stats.fullLoads++;
    for (const fn of this.listeners) fn('all');
  }

  private async areasOf(ids: string[] | null): Promise<Map<string, AreaRow[]>> {
    // The same sums as plotAreas in zones-repo.ts, for any set of zones in one query.
    const rows = await this.db.query<AreaRow>(
      `SELECT zone_id, land_use AS "landUse", status, sum(area_ha)::float8 AS "areaHa", count(*)::int AS n
         FROM plots ${ids ? 'WHERE zone_id = ANY($1)' : ''} GROUP BY zone_id, land_use, status`,
      ids ? [ids] : [],
    );
    const byZone = new Map<string, AreaRow[]>();
    for (const r of rows) {
      const list = byZone.get(r.zone_id);
      if (list) list.push(r);
      else byZone.set(r.zone_id, [r]);
    }
    return byZone;
  }

  private put(r: ZoneRow, areas: AreaRow[], ctx: OccupancyContext) {
    const entry: ZoneEntry = {
      id: r.id,
      bbox: geometryBBox(r.geometry),
      feature: { type: 'Feature', geometry: r.geometry, properties: tileZoneProps({ ...r.props, region: regionOfCommune(r.props.communeCode), ...zoneMetrics(r.id, r.props, areas, ctx) }) },
      plotCount: areas.reduce((n, a) => n + a.n, 0),
      plots: null,
    };
    this.zones.set(r.id, entry);
    this.grid.add(entry);
    this.versions.set(r.id, `${r.version}@${r.at}`);
  }

  private drop(id: string) {
    const old = this.zones.get(id);
    if (!old) return;
    this.grid.remove(old);
    this.zones.delete(id);
    this.versions.delete(id);
    this.forgetPlots(old);
  }

  private forgetPlots(z: ZoneEntry) {
    this.plotLoads.delete(z.id);
    if (this.loadedZones.get(z.id) === z) {
      this.loadedZones.delete(z.id);
      this.loadedPlots -= z.plots?.size ?? 0;
    }
    z.plots = null;
  }

  /** Forgets the plots of the zones used longest ago until at most maxPlots are held, sparing `keep`. */
  private trimPlots(keep: Set<ZoneEntry>) {
    for (const z of this.loadedZones.values()) {
      if (this.loadedPlots <= this.maxPlots) break;
      if (keep.has(z)) continue;
      this.forgetPlots(z);
      this.stats.plotEvictions++;
    }
  }

  private async check(): Promise<void> {
    this.stats.checks++;
    const prev = this.stamp!;
    const now = await this.readStamp();
    this.checkedAt = Date.now();
    if (this.plotStamp !== null && this.checkedAt - this.deepCheckedAt >= this.deepCheckMs) {
      this.deepCheckedAt = this.checkedAt;
      const plotStamp = await this.readPlotStamp();
      if (plotStamp !== this.plotStamp && now.audits === prev.audits) {
        // Plots changed without an audit entry: nothing says where, so everything is reloaded.
        return this.fullLoad();
      }
      this.plotStamp = plotStamp;
    }
    if (now.audits === prev.audits && now.lastAudit === prev.lastAudit && now.zones === prev.zones) return;

    const audits = await this.db.query<{ zone_id: string | null }>(
      'SELECT zone_id FROM audit_log WHERE id > $1 AND id <= $2 ORDER BY id',
      [prev.lastAudit, now.lastAudit],
    );
    if (audits.length !== now.audits - prev.audits) {
      // An entry with a lower id committed late: the new ones cannot be told apart, so start over.
      return this.fullLoad();
    }
    const affected = new Set<string>();
    for (const a of audits) if (a.zone_id) affected.add(a.zone_id);
    if (now.zones !== prev.zones) {
      const rows = await this.db.query<{ id: string; version: number; at: string }>('SELECT id, version, updated_at::text AS at FROM zones');
      const seen = new Set<string>();
      for (const r of rows) {
        seen.add(r.id);
        if (this.versions.get(r.id) !== `${r.version}@${r.at}`) affected.add(r.id);
      }
      for (const id of this.versions.keys()) if (!seen.has(id)) affected.add(id);
    }
    await this.reloadZones([...affected]);
    this.stamp = now;
  }

  /** Re-reads these zones (outline, properties, plot sums), forgets their plots and drops their tiles. */
  async reloadZones(ids: string[]): Promise<void> {
    if (!ids.length) return;
    const [rows, areas, ctx] = await Promise.all([
      this.db.query<ZoneRow>('SELECT id, props, geometry, version, updated_at::text AS at FROM zones WHERE id = ANY($1)', [ids]),
      this.areasOf(ids),
      occupancyContext(this.db),
    ]);
    const stale: BBox[] = [];
    for (const id of ids) {
      const old = this.zones.get(id);
      if (old) stale.push(old.bbox);
      this.drop(id);
    }
    for (const r of rows) {
      this.put(r, areas.get(r.id) ?? [], ctx);
      stale.push(this.zones.get(r.id)!.bbox);
    }
    this.epoch++;
    this.stats.zoneReloads += ids.length;
    for (const fn of this.listeners) fn(stale);
  }

  /** Zones whose bounding box meets `b`. */
  zonesIn(b: BBox): ZoneEntry[] {
    const hit = this.grid.query(b, Math.max(64, this.zones.size));
    if (hit) return hit;
    const all: ZoneEntry[] = [];
    for (const z of this.zones.values()) if (bboxesIntersect(z.bbox, b)) all.push(z);
    return all;
  }

  /** The plots of these zones, read from the database for the zones not in memory yet. */
  async plotsOf(zones: ZoneEntry[]): Promise<PlotSet[]> {
    const missing = zones.filter((z) => z.plots === null && z.plotCount > 0 && !this.plotLoads.has(z.id));
    if (missing.length) {
      const load = this.loadPlots(missing);
      for (const z of missing) this.plotLoads.set(z.id, load);
      load.catch(() => {
        for (const z of missing) if (this.plotLoads.get(z.id) === load) this.plotLoads.delete(z.id);
      });
    }
    await Promise.all(zones.map((z) => this.plotLoads.get(z.id)));
    const sets: PlotSet[] = [];
    for (const z of zones) {
      if (!z.plots) continue;
      sets.push(z.plots);
      // Most recently used last.
      this.loadedZones.delete(z.id);
      this.loadedZones.set(z.id, z);
    }
    return sets;
  }

  private async loadPlots(zones: ZoneEntry[]): Promise<void> {
    const rows = await this.db.query<PlotRow>(
      `SELECT id, zone_id, status, land_use, geometry, ${SCHEMATIC_PLOT} AS schematic FROM plots WHERE zone_id = ANY($1) ORDER BY id`,
      [zones.map((z) => z.id)],
    );
    const byZone = new Map<string, PlotRow[]>(zones.map((z) => [z.id, []]));
    for (const r of rows) byZone.get(r.zone_id)?.push(r);
    this.stats.plotLoads += zones.length;
    for (const z of zones) {
      // A zone reloaded meanwhile has a new entry: its plots will be read again when asked for.
      if (this.zones.get(z.id) !== z) continue;
      z.plots = new PlotSet(z.id, byZone.get(z.id)!);
      this.loadedZones.set(z.id, z);
      this.loadedPlots += z.plots.size;
    }
    this.trimPlots(new Set(zones));
  }
}
