/**
 * The edit cycle every form shares: load the record with its ETag, check the form on the client,
 * PATCH with If-Match, and on 412 hold the newer record as a conflict for the user to resolve.
 * A save never retries on its own: overwriting someone's change is always the user's choice.
 */
import { useEffect, useRef, useState } from 'react';
import { ApiError, type Versioned } from '../api.ts';
import { useSession } from '../session/session.tsx';
import { fromProblem, type FieldErrors } from './form-errors.ts';

export type Built<B> = { ok: true; body: B | null } | { ok: false; errors: FieldErrors };

type Options<T, V, B> = {
  load: () => Promise<Versioned<T>>;
  toForm: (record: T) => V;
  /** The body to send (only the changed fields), null when nothing changed, or the errors. */
  build: (values: V, record: T) => Built<B>;
  save: (etag: string, body: B) => Promise<Versioned<T>>;
  onSaved: (record: T) => void;
};

type Versionable = { properties: { version: number } };

export type Conflict<T> = { current: T; etag: string | null };

export function useVersionedForm<T extends Versionable, V, B>(opts: Options<T, V, B>) {
  const { expired } = useSession();
  const [record, setRecord] = useState<Versioned<T> | null>(null);
  const [values, setValues] = useState<V | null>(null);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [unchanged, setUnchanged] = useState(false);
  const [conflict, setConflict] = useState<Conflict<T> | null>(null);
  const live = useRef(true);
  const o = useRef(opts);
  o.current = opts;

  const load = () =>
    o.current.load().then(
      (r) => {
        if (!live.current) return;
        setRecord(r);
        setValues(o.current.toForm(r.value));
        setConflict(null);
        setError(null);
      },
      (e: unknown) => live.current && setError(e),
    );

  useEffect(() => {
    live.current = true;
    void load();
    return () => {
      live.current = false;
    };
    // Loaded once: the parent keys the form by the record it edits.
  }, []);

  /** The record as it is now, paired with its own ETag: the GET wins when it is newer than the 412 body. */
  async function resolveConflict(fromBody: T | undefined): Promise<Conflict<T> | null> {
    const fresh = await o.current.load().catch(() => null);
    if (fresh && (!fromBody || fresh.value.properties.version >= fromBody.properties.version)) return { current: fresh.value, etag: fresh.etag };
    return fromBody ? { current: fromBody, etag: null } : null;
  }

  async function submit() {
    if (!record || !values || saving) return;
    setUnchanged(false);
    setError(null);
    const built = o.current.build(values, record.value);
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    setErrors({});
    if (!built.body) {
      setUnchanged(true);
      return;
    }
    setSaving(true);
    try {
      const saved = await o.current.save(record.etag, built.body);
      if (!live.current) return;
      setRecord(saved);
      setValues(o.current.toForm(saved.value));
      o.current.onSaved(saved.value);
    } catch (e) {
      if (!live.current) return;
      if (e instanceof ApiError && e.status === 412) {
        const c = await resolveConflict(e.problem?.current as T | undefined);
        if (!live.current) return;
        if (c) setConflict(c);
        else setError(e);
      } else {
        if (e instanceof ApiError && e.status === 401) expired();
        setErrors(fromProblem(e));
        setError(e);
      }
    } finally {
      if (live.current) setSaving(false);
    }
  }

  /** The user changed these fields: their old errors no longer apply. */
  function clearErrors(...names: string[]) {
    setErrors((e) => {
      const left = Object.fromEntries(Object.entries(e).filter(([k]) => !names.some((n) => k === n || k.startsWith(`${n}.`))));
      return Object.keys(left).length === Object.keys(e).length ? e : left;
    });
  }

  /** Drops the user's values and starts again from the record as it is now. */
  function takeCurrent() {
    if (!conflict) return;
    if (!conflict.etag) {
      void load();
      return;
    }
    setRecord({ value: conflict.current, etag: conflict.etag });
    setValues(o.current.toForm(conflict.current));
    setConflict(null);
  }

  /** Keeps the user's values over the newer record; they still have to press Save to overwrite it. */
  function keepMine() {
    if (!conflict?.etag) return;
    setRecord({ value: conflict.current, etag: conflict.etag });
    setConflict(null);
  }

  return { record: record?.value ?? null, values, setValues, saving, errors, error, unchanged, conflict, submit, takeCurrent, keepMine, clearErrors };
}
