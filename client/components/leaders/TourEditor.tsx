import { useEffect, useState } from 'react';
import type { ZoneApiFeature } from '../../../geodata/api.ts';
import type { Tour } from '../../../geodata/targets.ts';
import { ApiError } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { useSession } from '../../session/session.tsx';

const FIGURES = ['occupancy', 'progress', 'area', 'tenants', 'status', 'kcn-occupancy', 'ccn-occupancy'];

/** Checks the shape the server will check, so most mistakes are named before the PUT. */
function check(value: unknown, zoneIds: Set<string>): string | null {
  const v = value as Partial<Tour> | null;
  if (!v || typeof v !== 'object') return 'not an object';
  if (!v.title || typeof v.title.vi !== 'string' || typeof v.title.en !== 'string') return 'title: needs "vi" and "en"';
  if (!Array.isArray(v.stops) || v.stops.length < 1 || v.stops.length > 40) return 'stops: 1 to 40 stops';
  for (const [i, s] of v.stops.entries()) {
    if (!s || typeof s.target !== 'string' || (s.target !== 'province' && !zoneIds.has(s.target))) return `stops.${i}.target: a zone id or "province"`;
    if (!s.caption || typeof s.caption.vi !== 'string' || typeof s.caption.en !== 'string' || !s.caption.vi || !s.caption.en) return `stops.${i}.caption: needs "vi" and "en"`;
    if (!Array.isArray(s.figures) || s.figures.length > 6 || s.figures.some((f) => !FIGURES.includes(f))) return `stops.${i}.figures: up to 6 of ${FIGURES.join(', ')}`;
  }
  return null;
}

/** Planners edit the tour as JSON; PUT /api/tour with the session's CSRF token. */
export function TourEditor({ tour, zones, onSaved }: { tour: Tour; zones: ZoneApiFeature[]; onSaved: (t: Tour) => void }) {
  const { t } = useI18n();
  const session = useSession();
  const [text, setText] = useState(() => JSON.stringify(tour, null, 2));
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => setText(JSON.stringify(tour, null, 2)), [tour]);
  if (!session.editor) return null;
  const editor = session.editor;

  const save = async () => {
    setError(null);
    setNotice(null);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      setError(t('ldTourBadJson', { msg: (e as Error).message }));
      return;
    }
    const problem = check(value, new Set(zones.map((z) => z.id)));
    if (problem) {
      setError(t('ldTourBadJson', { msg: problem }));
      return;
    }
    setSaving(true);
    try {
      const saved = await editor.putTour(value as Tour);
      onSaved(saved);
      setNotice(t('ldTourSaved'));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) session.expired();
      const params = e instanceof ApiError ? (e.problem?.['invalid-params'] ?? []).map((p) => `${p.name}: ${p.reason}`).join('; ') : '';
      setError(errorMessage(e, t) + (params ? ` ${params}` : ''));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="edit-form tour-editor" data-testid="tour-editor">
      <label className="field">
        {t('ldTourJson')}
        <textarea rows={14} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />
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
        <button type="button" className="secondary" onClick={() => setText(JSON.stringify(tour, null, 2))}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
