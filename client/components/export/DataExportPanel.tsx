import type { Region } from '../../../geodata/regions.ts';
import { useState } from 'react';
import type { ZoneApiFeature } from '../../../geodata/api.ts';
import { EXPORT_FORMATS, IMPORT_LAYERS, type ExportFormat, type ImportLayer } from '../../../geodata/exchange.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { StringKey } from '../../i18n/strings.ts';
import { exportUrl, MAX_EXPORT_IDS, type ExportScope } from '../../lib/export-url.ts';
import { CrsOptions } from '../CrsOptions.tsx';
import { SidePanel } from '../SidePanel.tsx';

type Props = {
  /** The zones of the region shown (all of them for the whole province). */
  zones: ZoneApiFeature[];
  region?: Region | undefined;
  /** The zone open in the panel, offered as the scope. */
  selectedZone: string | null;
  /** Plots the find-land search matches while it is open; null when it is closed. */
  foundPlots: string[] | null;
  onClose: () => void;
};

const LAYER_LABELS: Record<ImportLayer, StringKey> = { zones: 'dxLayerZones', plots: 'dxLayerPlots', context: 'dxLayerContext' };
const FORMAT_LABELS: Record<ExportFormat, StringKey> = { geojson: 'dxGeojson', csv: 'dxCsv', kml: 'dxKml', gpkg: 'dxGpkg', shp: 'dxShp' };

/**
 * Data back out, for planners' own GIS: a layer, everything or what is selected or found, in a
 * format and coordinate system (VN-2000 / TM-3 for cadastral work). The file is served by
 * GET /api/export with its as-of date and sources; the same address works in scripts.
 */
export function DataExportPanel({ zones, region, selectedZone, foundPlots, onClose }: Props) {
  const { t, lang } = useI18n();
  const [layer, setLayer] = useState<ImportLayer>('plots');
  const [format, setFormat] = useState<ExportFormat>('geojson');
  const [crs, setCrs] = useState('EPSG:4326');
  const [scopeKind, setScopeKind] = useState<ExportScope['kind']>(selectedZone ? 'zone' : foundPlots?.length ? 'ids' : 'all');

  const zoneName = selectedZone ? (zones.find((z) => z.id === selectedZone)?.properties.name[lang] ?? selectedZone) : null;
  const canZone = !!selectedZone && layer !== 'context';
  const canFound = !!foundPlots && foundPlots.length > 0 && foundPlots.length <= MAX_EXPORT_IDS && layer === 'plots';
  const kind = (scopeKind === 'zone' && !canZone) || (scopeKind === 'ids' && !canFound) ? 'all' : scopeKind;
  const scope: ExportScope = kind === 'zone' ? { kind, zone: selectedZone! } : kind === 'ids' ? { kind, ids: foundPlots! } : { kind: 'all' };
  const url = exportUrl({ layer, format, crs, scope, region });

  return (
    <SidePanel title={t('dxTitle')} className="data-export" testId="data-export" onClose={onClose}>
      <p className="help">{t('dxIntro')}</p>
      <form className="edit-form" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('dxLayer')}
          <select value={layer} onChange={(e) => setLayer(e.target.value as ImportLayer)} data-testid="export-layer">
            {IMPORT_LAYERS.map((l) => (
              <option key={l} value={l}>
                {t(LAYER_LABELS[l])}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="checks">
          <legend>{t('dxScope')}</legend>
          <label>
            <input type="radio" name="dx-scope" checked={kind === 'all'} onChange={() => setScopeKind('all')} /> {t('dxAll')}
          </label>
          <label>
            <input type="radio" name="dx-scope" checked={kind === 'zone'} disabled={!canZone} onChange={() => setScopeKind('zone')} data-testid="export-scope-zone" />{' '}
            {zoneName ? t('dxZone', { name: zoneName }) : t('dxNoZone')}
          </label>
          <label>
            <input type="radio" name="dx-scope" checked={kind === 'ids'} disabled={!canFound} onChange={() => setScopeKind('ids')} />{' '}
            {foundPlots === null ? t('dxNoSearch') : foundPlots.length > MAX_EXPORT_IDS ? t('dxTooMany', { n: foundPlots.length, max: MAX_EXPORT_IDS }) : t('dxFound', { n: foundPlots.length })}
          </label>
        </fieldset>
        <label>
          {t('dxFormat')}
          <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)} data-testid="export-format">
            {EXPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(FORMAT_LABELS[f])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('imCrs')}
          <select value={format === 'kml' ? 'EPSG:4326' : crs} disabled={format === 'kml'} onChange={(e) => setCrs(e.target.value)} data-testid="export-crs" aria-describedby="dx-crs-help">
            <CrsOptions />
          </select>
        </label>
        <p className="help" id="dx-crs-help">
          {format === 'kml' ? t('dxKmlWgs') : t('dxCrsHelp')}
        </p>
        <div className="actions">
          <a className="button-link" href={url} download data-testid="export-download">
            {t('dxDownload')}
          </a>
        </div>
        <p className="help">
          {t('dxLink')} <code className="export-url">{url}</code>
        </p>
      </form>
    </SidePanel>
  );
}
