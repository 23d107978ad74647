import { useEffect, useState, type FormEvent } from 'react';
import type { ZoneApiFeature } from '../../../geodata/api.ts';
import type { ImportFileErrorKind, ImportLayer, ImportResult } from '../../../geodata/exchange.ts';
import { useDataUpdates } from '../../data/updates.ts';
import { ApiError, type ImportQuery } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { StringKey } from '../../i18n/strings.ts';
import { errorMessage } from '../../lib/error-message.ts';
import type { MapController } from '../../map/map-controller.ts';
import { useSession } from '../../session/session.tsx';
import { panelPadding } from '../find-land/layout.ts';
import { CrsOptions } from '../CrsOptions.tsx';
import { SidePanel } from '../SidePanel.tsx';
import { ImportReportView } from './ImportReportView.tsx';

type Props = {
  /** Opened from a zone's panel: its plot layout. */
  initialZone: string | null;
  zones: ZoneApiFeature[];
  controller: MapController | null;
  onClose: () => void;
  /** Leaves the import for the zone it changed, to see its recomputed figures. */
  onOpenZone: (id: string) => void;
};

const LAYER_LABELS: Record<ImportLayer, StringKey> = { plots: 'imLayerPlots', zones: 'imLayerZones', context: 'imLayerContext' };
const ACCEPT = '.zip,.geojson,.json,.kml,.kmz,.gpkg,.csv';

/** A file the server could not read: the reason in the interface language, its detail after. */
function fileErrorText(err: unknown, t: (k: StringKey) => string): string {
  const reason = err instanceof ApiError ? (err.problem as { reason?: ImportFileErrorKind } | null)?.reason : undefined;
  if (!reason) return errorMessage(err, t);
  const detail = err instanceof ApiError && err.problem?.detail ? ` (${err.problem.detail})` : '';
  return t(`imReason_${reason}` as StringKey) + detail;
}

/**
 * Planners' upload: pick a layer, a zone and (only if the file does not say) a CRS; "Check" runs
 * the import as a dry run and draws what would be stored over the map with the report; "Import"
 * sends the same file again to be committed, all or nothing.
 */
export function ImportPanel({ initialZone, zones, controller, onClose, onOpenZone }: Props) {
  const updates = useDataUpdates();
  const { t, lang } = useI18n();
  const session = useSession();
  const [layer, setLayer] = useState<ImportLayer>('plots');
  const [zone, setZone] = useState<string>(initialZone ?? '');
  const [crs, setCrs] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<'check' | 'commit' | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const zoneName = (id: string) => zones.find((z) => z.id === id)?.properties.name[lang] ?? null;
  const showing = result && !result.report.committed ? result.preview : null;

  // The preview stays on the map while it is the thing being looked at, and leaves with the panel.
  useEffect(() => {
    controller?.setImportPreview(showing);
    if (showing && showing.features.length > 0) controller?.fitTo(showing, panelPadding(false));
  }, [controller, showing]);
  useEffect(() => () => controller?.setImportPreview(null), [controller]);

  /** Any change to what would be sent makes the last check stale. */
  const changed = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setResult(null);
    setError(null);
    setDone(null);
  };

  const send = async (dryRun: boolean) => {
    if (!file || !session.editor) return;
    const q: ImportQuery = { layer, dryRun, filename: file.name, zone: layer === 'plots' ? zone || null : null, crs: crs || null };
    setBusy(dryRun ? 'check' : 'commit');
    setError(null);
    setDone(null);
    try {
      const r = await session.editor.importFile(file, q);
      setResult(r);
      if (r.report.committed) {
        setDone(t('imDone', { n: r.report.counts.accepted, name: file.name }));
        updates.imported();
      }
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) session.expired();
      setResult(null);
      setError(fileErrorText(e, t));
    } finally {
      setBusy(null);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void send(true);
  };

  const report = result?.report;
  const canCommit = !!report && report.ok && !report.committed && !busy;

  return (
    <SidePanel title={t('imTitle')} className="import-panel" testId="import-panel" onClose={onClose}>
      <p className="help">{t('imIntro')}</p>
      <form className="edit-form" onSubmit={onSubmit}>
        <label>
          {t('imLayer')}
          <select value={layer} onChange={(e) => changed(setLayer)(e.target.value as ImportLayer)} data-testid="import-layer">
            {(Object.keys(LAYER_LABELS) as ImportLayer[]).map((l) => (
              <option key={l} value={l}>
                {t(LAYER_LABELS[l])}
              </option>
            ))}
          </select>
        </label>
        {layer === 'plots' && (
          <label>
            {t('imZone')}
            <select value={zone} onChange={(e) => changed(setZone)(e.target.value)} data-testid="import-zone">
              <option value="">{t('imZoneFromFile')}</option>
              {zones.map((z) => (
                <option key={z.id} value={z.id}>
                  {z.properties.name[lang]}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('imCrs')}
          <select value={crs} onChange={(e) => changed(setCrs)(e.target.value)} data-testid="import-crs-choice" aria-describedby="import-crs-help">
            <option value="">{t('imCrsFromFile')}</option>
            <CrsOptions />
          </select>
        </label>
        <p className="help" id="import-crs-help">
          {t('imCrsHelp')}
        </p>
        <label>
          {t('imFile')}
          <input type="file" accept={ACCEPT} data-testid="import-file" aria-describedby="import-formats" onChange={(e) => changed(setFile)(e.target.files?.[0] ?? null)} />
        </label>
        <p className="help" id="import-formats">
          {t('imFormats')}
        </p>
        <div className="actions">
          <button type="submit" disabled={!file || !!busy} data-testid="import-check">
            {busy === 'check' ? t('imChecking') : t('imCheck')}
          </button>
          {report && !report.committed && (
            <button type="button" className="primary" disabled={!canCommit} onClick={() => void send(false)} data-testid="import-commit">
              {busy === 'commit' ? t('imCommitting') : t('imCommit', { n: report.counts.accepted })}
            </button>
          )}
        </div>
      </form>
      {error && (
        <p className="form-error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
      {done && (
        <div className="form-notice success" role="status" data-testid="import-done">
          <p>{done}</p>
          {report?.changes.map(
            (c) =>
              c.zoneId && (
                <button key={c.zoneId} type="button" className="link" onClick={() => onOpenZone(c.zoneId!)}>
                  {zoneName(c.zoneId) ?? c.zoneId} →
                </button>
              ),
          )}
        </div>
      )}
      {report && !report.committed && !report.ok && (
        <p className="form-error" role="alert">
          {report.counts.errors > 0 ? t('imBlocked') : t('imNothing')}
        </p>
      )}
      {showing && <p className="help">{t('imPreviewLegend')}</p>}
      {result && (
        <ImportReportView
          report={result.report}
          preview={result.preview}
          zoneName={zoneName}
          onShow={(id) => {
            const f = result.preview.features.find((x) => String(x.id) === id);
            controller?.focusImportFeature(id);
            if (f) controller?.fitTo(f, panelPadding(false));
          }}
        />
      )}
    </SidePanel>
  );
}
