import { useEffect, useRef, useState } from 'react';
import { useFocusWhileOpen } from '../../lib/focus-while-open.ts';
import type { ZoneApiFeature } from '../../../geodata/api.ts';
import { tourProblems } from '../../../geodata/rules/tour-rules.ts';
import { jsonSyntaxReason } from '../../../geodata/json-syntax.ts';
import type { Tour } from '../../../geodata/targets.ts';
import { ApiError, type Versioned } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { fromProblem } from '../../lib/form-errors.ts';
import { useSession } from '../../session/session.tsx';
import { captionFor, changedFigures, FIGURE_NAMES, stopFigures, type CaptionData } from './tour-captions.ts';

/** The stored figures are the app's business, not the planner's: the text shows the tour without them. */
const editable = (tour: Tour) => JSON.stringify({ ...tour, stops: tour.stops.map(({ figuresAtSave: _, ...s }) => s) }, null, 2);

/** Which stops the data changed since the tour was saved: the planner sees them before presenting. */
function ChangedStops({ tour, data }: { tour: Tour; data: CaptionData }) {
  const { t, lang } = useI18n();
  if (!tour.stops.some((s) => s.figuresAtSave)) return <p className="hint" data-testid="tour-never-saved">{t('ldTourNeverSaved')}</p>;
  const changed = tour.stops.map((s, i) => ({ i, stop: s, what: changedFigures(s, data) })).filter((c) => c.what.length > 0);
  if (!changed.length) return <p className="hint" data-testid="tour-unchanged">{t('ldTourUnchanged')}</p>;
  return (
    <div className="tour-changed" data-testid="tour-changed" role="status">
      <p>
        <strong>{t('ldTourChangedCount', { n: changed.length })}</strong>
      </p>
      <ul>
        {changed.map((c) => (
          <li key={c.i} data-testid="tour-changed-stop" data-stop={c.i + 1}>
            {t('ldStopOf', { n: c.i + 1, total: tour.stops.length })}: {captionFor(c.stop, data, lang)}
            <br />
            <small>{t('ldTourChanged', { what: c.what.map((k) => (FIGURE_NAMES[k] ? t(FIGURE_NAMES[k]) : k)).join(', ') })}</small>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Planners edit the tour as JSON; PUT /api/tour with the session's CSRF token and, in If-Match,
 * the version the text was loaded from, so a tour someone saved meanwhile is not overwritten (412).
 * Each stop is saved with the figures it describes as they are now, so later edits show up here.
 */
export function TourEditor({ tour, etag, zones, data, onSaved, onClose }: {
  tour: Tour;
  etag: string | null;
  zones: ZoneApiFeature[];
  data: CaptionData;
  onSaved: (t: Versioned<Tour>) => void;
  /** Escape with nothing changed: the editor folds away. */
  onClose: () => void;
}) {
  const { t, explain } = useI18n();
  const session = useSession();
  const [text, setText] = useState(() => editable(tour));
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => setText(editable(tour)), [tour]);
  // Opened, the focus is in the text; closed, back on the button that opened it.
  const textarea = useRef<HTMLTextAreaElement>(null);
  useFocusWhileOpen(() => textarea.current, () => document.querySelector<HTMLElement>('[data-testid="edit-tour"]'));
  if (!session.editor) return null;
  const editor = session.editor;

  const save = async () => {
    setError(null);
    setNotice(null);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      setError(t('ldTourBadJson', { msg: explain(jsonSyntaxReason(e, text)) }));
      return;
    }
    // The same rule the server applies, so most mistakes are named before the PUT.
    const problems = tourProblems(value, new Set(zones.map((z) => z.id)));
    if (problems.length) {
      setError(t('ldTourBadJson', { msg: problems.map((p) => `${p.field}: ${explain(p.reason)}`).join('; ') }));
      return;
    }
    setSaving(true);
    try {
      const typed = value as Tour;
      const stamped: Tour = { ...typed, stops: typed.stops.map((s) => ({ ...s, figuresAtSave: stopFigures(s, data) })) };
      const saved = await editor.putTour(stamped, etag);
      onSaved(saved);
      setNotice(t('ldTourSaved'));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) session.expired();
      const params = Object.entries(fromProblem(e))
        .map(([name, reason]) => `${name}: ${explain(reason)}`)
        .join('; ');
      setError(errorMessage(e, t) + (params ? ` ${params}` : ''));
    } finally {
      setSaving(false);
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape closes the editor when nothing was changed (typed text is never lost to a key); its controls are a text area and buttons
    <div
      className="edit-form tour-editor"
      data-testid="tour-editor"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        // Handled either way: the dashboard around it stays open.
        e.preventDefault();
        if (text === editable(tour)) onClose();
      }}
    >
      <ChangedStops tour={tour} data={data} />
      <label className="field">
        {t('ldTourJson')}
        <textarea ref={textarea} rows={14} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <p className="hint">{t('ldTourHelp')}</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p className="form-notice success" role="status">
          {notice}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={save} disabled={saving}>
          {saving ? t('saving') : t('save')}
        </button>
        <button type="button" className="secondary" onClick={() => setText(editable(tour))}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
