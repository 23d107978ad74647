import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { PlotApiFeature } from '../../geodata/api.ts';
import { mergeBody } from '../../geodata/requests.ts';
import { useZonePlots } from '../data/queries.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { touchingPlots } from '../lib/plot-neighbours.ts';
import type { MapTools } from '../map/use-map-tools.ts';
import { useSession } from '../session/session.tsx';
import { scrollIntoViewOnMount } from '../lib/scroll.ts';
import { useToolSubmit } from './use-tool-submit.ts';

type Props = {
  plot: PlotApiFeature;
  tools: MapTools;
  plotCode: (id: string) => string | null;
  /** The merged plot (it keeps the first id) and the ids that went into it. */
  onDone: (merged: PlotApiFeature, ids: string[]) => void;
  onCancel: () => void;
};

/**
 * Merge: the user clicks the neighbouring plot on the map, or chooses it from the list of plots
 * touching this one (the keyboard's way), checks the pair, then sends it.
 */
export function PlotMergeTool({ plot, tools, plotCode, onDone, onCancel }: Props) {
  const { t } = useI18n();
  const { editor } = useSession();
  const [attempt, setAttempt] = useState(0);
  const [other, setOther] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useToolSubmit('ids');

  const zonePlots = useZonePlots(plot.properties.zoneId);
  const neighbours = useMemo(() => touchingPlots(plot, zonePlots), [plot, zonePlots]);
  const choose = (id: string) => {
    setError(null);
    setOther(id);
    tools.setCandidate(id);
  };

  useEffect(() => {
    let live = true;
    setOther(null);
    tools.pickPlot().then((id) => {
      if (!live) return;
      if (!id) return onCancel();
      if (id === plot.id) {
        setError(t('pickAnotherPlot'));
        setAttempt((n) => n + 1);
        return;
      }
      choose(id);
    });
    return () => {
      live = false;
      tools.cancel();
    };
  }, [attempt]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!other || !editor) return;
    const body = mergeBody.parse({ ids: [plot.id, other], reason: reason.trim() || undefined });
    await run(async () => onDone(await editor.mergePlots(body.ids, body.reason), body.ids));
  }

  return (
    <form ref={scrollIntoViewOnMount} className="edit-form tool" data-testid="merge-tool" aria-label={t('merge')} onSubmit={submit}>
      <h3>
        {t('merge')} {plot.properties.code}
      </h3>
      {!other ? (
        <p className="tool-help" role="status">
          {t('mergeHelp')}
        </p>
      ) : (
        <>
          <p className="tool-help" role="status">
            {t('mergeReady', { a: plot.properties.code, b: plotCode(other) ?? neighbours.find((p) => p.id === other)?.properties.code ?? other })}
          </p>
          <label className="field">
            {t('reason')}
            <textarea rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
        </>
      )}
      {neighbours.length > 0 ? (
        <label className="field">
          {t('mergeNeighbour')}
          <select value={other ?? ''} disabled={busy} onChange={(e) => e.target.value && choose(e.target.value)}>
            <option value="">{t('mergeNeighbourNone')}</option>
            {neighbours.map((p) => (
              <option key={p.id} value={p.id}>
                {t('plot')} {p.properties.code}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <p className="hint">{t('mergeNoNeighbours')}</p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        {other && (
          <button type="submit" disabled={busy}>
            {busy ? t('saving') : t('merge')}
          </button>
        )}
        {other && (
          <button type="button" className="secondary" disabled={busy} onClick={() => setAttempt((n) => n + 1)}>
            {t('pickAgain')}
          </button>
        )}
        <button type="button" className="secondary" disabled={busy} onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
