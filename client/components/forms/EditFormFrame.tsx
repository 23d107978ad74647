import type { FormEvent, ReactNode } from 'react';
import { scrollIntoViewOnMount } from '../../lib/scroll.ts';
import { ConflictBox, type ConflictRow } from './ConflictBox.tsx';

/** What the frame needs of useVersionedForm. */
type VersionedForm = { submit(): Promise<void>; conflict: { etag: string | null } | null; takeCurrent(): void; keepMine(): void };

/**
 * The frame every edit form shares: a form that submits through useVersionedForm (no browser
 * validation: the fields show the schema's errors), scrolled into view when it opens, with the
 * conflict box above the fields when someone else saved first.
 */
export function EditFormFrame(props: {
  form: VersionedForm;
  testId: string;
  label: string;
  title?: string;
  className?: string;
  /** Their values next to the user's; asked for only while there is a conflict. */
  conflictRows: () => ConflictRow[];
  children: ReactNode;
}) {
  const { form } = props;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit();
  };
  return (
    <form ref={scrollIntoViewOnMount} className={['edit-form', props.className].filter(Boolean).join(' ')} data-testid={props.testId} aria-label={props.label} onSubmit={submit} noValidate>
      {props.title && <h3>{props.title}</h3>}
      {form.conflict && <ConflictBox rows={props.conflictRows()} onUseCurrent={form.takeCurrent} onKeepMine={form.keepMine} canKeep={!!form.conflict.etag} />}
      {props.children}
    </form>
  );
}

/** Conflict rows from one "label → shown value" function applied to their values and the user's. */
export function rowsFrom<V>(show: (x: V) => Record<string, string>, current: V, yours: V): ConflictRow[] {
  const mine = show(yours);
  return Object.entries(show(current)).map(([label, value]) => ({ label, current: value, yours: mine[label]! }));
}
