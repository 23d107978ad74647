/**
 * Parts of the interface most visitors never open (sign-in, editing forms, the enquiry form, the
 * planners' and admins' panels) and the zod schemas they validate with, split out of the first
 * download: each is fetched the first time it is shown. A failed fetch (offline, say) shows a
 * message in place of the form instead of breaking the page.
 */
import { Component, lazy, Suspense, type ComponentType, type JSX, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

function Loading() {
  const { t } = useI18n();
  return <p className="form-notice" role="status">{t('loading')}</p>;
}

function LoadFailed() {
  const { t } = useI18n();
  return <p className="form-error" role="alert">{t('errorNetwork')}</p>;
}

class LoadBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <LoadFailed /> : this.props.children;
  }
}

/** A component loaded on first render, with its own loading and failure states. */
export function deferred<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() }));
  // biome-ignore lint/correctness/noComponentHookFactories: called once per lazy component at module level, never during render
  const Deferred = (props: P) => (
    <LoadBoundary>
      <Suspense fallback={<Loading />}>
        <Lazy {...(props as P & JSX.IntrinsicAttributes)} />
      </Suspense>
    </LoadBoundary>
  );
  return Deferred;
}
