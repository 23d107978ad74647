import { useEffect, useState } from 'react';
import type { ZoneApiFeature } from '../../../geodata/api.ts';
import { tourProblems } from '../../../geodata/rules/tour-rules.ts';
import type { Tour } from '../../../geodata/targets.ts';
import { ApiError, type Versioned } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { fromProblem } from '../../lib/form-errors.ts';
import { useSession } from '../../session/session.tsx';

/**
 * Planners edit the tour as JSON; PUT /api/tour with the session's CSRF token and, in If-Match,
 * the version the text was loaded from, so a tour someone saved meanwhile is not overwritten (412).
 */
export function TourEditor({ tour, etag, zones, onSaved }: { tour: Tour; etag: string | null; zones: ZoneApiFeature[]; onSaved: (t: Versioned<Tour>) => void }) {
  const { t, explain } = useI18n();
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
    // The same rule the server applies, so most mistakes are named before the PUT.
    const problems = tourProblems(value, new Set(zones.map((z) => z.id)));
    if (problems.length) {
      setError(t('ldTourBadJson', { msg: problems.map((p) => `${p.field}: ${explain(p.reason)}`).join('; ') }));
      return;
    }
    setSaving(true);
    try {
      const saved = await editor.putTour(value as Tour, etag);
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
