import type { ZoneApiFeature } from '../../../geodata/api.ts';
import { infraItemCaveats, progressCaveats } from '../../../geodata/caveats.ts';
import { ConfidenceBadge } from '../ConfidenceBadge.tsx';
import { INFRA_LABELS, INFRA_STATE_LABELS, type InfraItem } from '../../../geodata/vocabulary.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { markedFigure } from '../../lib/confidence-text.ts';
import { PROGRESS_RAMP, rampColor } from '../../map/style/symbology.ts';
import { deferred } from '../deferred.tsx';
import { SourceRef } from '../SourceRef.tsx';
import { InlineCaveats, useReferenceDate } from './Caveats.tsx';
import type { Cited } from './cited-sources.ts';

// Planners only: not in the first download.
const InfraEditForm = deferred(() => import('../InfraEditForm.tsx').then((m) => m.InfraEditForm));

type Props = {
  zone: ZoneApiFeature;
  cited: Cited;
  editable: boolean;
  /** The item whose form is open, if any. */
  editing: InfraItem | null;
  onEdit: (item: InfraItem | null) => void;
  onSaved: (zone: ZoneApiFeature) => void;
};

/** Overall infrastructure progress and each item's, with its source; planners edit an item in place. */
export function InfrastructureSection({ zone, cited, editable, editing, onEdit, onSaved }: Props) {
  const { t, lang, pct } = useI18n();
  const p = zone.properties;
  const today = useReferenceDate();
  return (
    <section className="infra" aria-label={t('infrastructure')}>
      <h3>{t('infrastructure')}</h3>
      <p data-testid="zone-progress">
        {t('overall')}: <strong data-confidence={p.confidence.progress.code}>{markedFigure(lang, pct(p.progress.progressPct), p.confidence.progress)}</strong>
        <InlineCaveats caveats={progressCaveats(p.progress, today)} />
        <ConfidenceBadge confidence={p.confidence.progress} value={pct(p.progress.progressPct)} />
      </p>
      <ul>
        {p.infrastructure.map((it) => (
          <li key={it.item} className={editable ? 'editable' : undefined}>
            <span className="label">{INFRA_LABELS[it.item][lang]}</span>
            {it.progressPct === null && it.state ? (
              <span className="value" data-testid={`infra-state-${it.item}`}>
                {INFRA_STATE_LABELS[it.state][lang]} <SourceRef id={it.sourceId} sources={cited} asOf={it.asOf} />
                <InlineCaveats caveats={infraItemCaveats(it, today)} />
              </span>
            ) : it.progressPct === null ? (
              <span className="nodata">
                {t('noData')}
                <InlineCaveats caveats={infraItemCaveats(it, today)} />
              </span>
            ) : (
              <>
                <span
                  className="bar"
                  role="progressbar"
                  aria-valuenow={it.progressPct}
                  aria-valuemin={0}
                  aria-valuemax={100}
                >
                  <span style={{ width: `${it.progressPct}%`, background: rampColor(PROGRESS_RAMP, it.progressPct) }} />
                </span>
                <span className="value">
                  {pct(it.progressPct)} <SourceRef id={it.sourceId} sources={cited} asOf={it.asOf} />
                  <InlineCaveats caveats={infraItemCaveats(it, today)} />
                </span>
              </>
            )}
            {/* A planner's source note for an item they edited: their words, shown as given. The bundled research notes never reach the database (geodata/user-facing.ts). */}
            {it.sourceId === 'iz-atlas-edits' && it.note && (
              <small className="infra-note">
                {t('sourceNoteOfEdit')}: {it.note}
              </small>
            )}
            {editable && editing !== it.item && (
              <button
                type="button"
                className="link edit-item"
                onClick={() => onEdit(it.item)}
                aria-label={`${t('edit')}: ${INFRA_LABELS[it.item][lang]}`}
              >
                {t('edit')}
              </button>
            )}
            {editable && editing === it.item && (
              <InfraEditForm
                key={`${zone.id}-${it.item}`}
                zoneId={zone.id}
                item={it.item}
                onSaved={onSaved}
                onCancel={() => onEdit(null)}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
