import { useEffect, useState, type FormEvent } from 'react';
import type { LineString } from 'geojson';
import type { PlotApiFeature } from '../../geodata/api.ts';
import { splitBody } from '../../geodata/requests.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { fromZod } from '../lib/form-errors.ts';
import type { MapTools } from '../map/use-map-tools.ts';
import { useSession } from '../session/session.tsx';
import { scrollIntoViewOnMount } from '../lib/scroll.ts';
import { useToolSubmit } from './use-tool-submit.ts';

type Props = { plot: PlotApiFeature; tools: MapTools; onDone: (created: PlotApiFeature[]) => void; onCancel: () => void };

/** Split: the user draws a line across the plot on the map, checks it, then sends it. */
export function PlotSplitTool({ plot, tools, onDone, onCancel }: Props) {
  const { t, explain } = useI18n();
  const { editor } = useSession();
  const [attempt, setAttempt] = useState(0);
  const [line, setLine] = useState<LineString | null>(null);
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useToolSubmit('line');

  // Each attempt asks the map for a line; leaving (or redrawing) cancels the open request.
  useEffect(() => {
    let live = true;
    setLine(null);
    tools.drawLine().then((l) => {
      if (!live) return;
      if (l) setLine(l);
      else onCancel();
    });
    return () => {
      live = false;
      tools.cancel();
    };
  }, [attempt]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!line || !editor) return;
    const body = splitBody.safeParse({ line, reason: reason.trim() || undefined });
    if (!body.success) {
      setError(Object.values(fromZod(body.error)).map(explain).join('; '));
      return;
    }
    await run(async () => onDone((await editor.splitPlot(plot.id, body.data.line, body.data.reason)).features));
  }

  return (
    <form ref={scrollIntoViewOnMount} className="edit-form tool" data-testid="split-tool" aria-label={t('split')} onSubmit={submit}>
      <h3>
        {t('split')} {plot.properties.code}
      </h3>
      {!line ? (
        <>
          <p className="tool-help" role="status">
            {t('splitHelp')}
          </p>
          <p className="tool-help">{t('keyboardDrawHelp')}</p>
        </>
      ) : (
        <>
          <p className="tool-help" role="status">
            {t('splitReady', { n: line.coordinates.length })}
          </p>
          <label className="field">
            {t('reason')}
            <textarea rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
        </>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        {!line && (
          <button type="button" className="secondary" aria-label={t('addPointAtCentreLabel')} onClick={tools.addPoint}>
            {t('addPointAtCentre')}
          </button>
        )}
        {!line && (
          <button type="button" onClick={tools.finishLine}>
            {t('finishLine')}
          </button>
        )}
        {line && (
          <button type="submit" disabled={busy}>
            {busy ? t('saving') : t('split')}
          </button>
        )}
        {line && (
          <button type="button" className="secondary" disabled={busy} onClick={() => setAttempt((n) => n + 1)}>
            {t('redraw')}
          </button>
        )}
        <button type="button" className="secondary" disabled={busy} onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
