import { useEffect, useRef } from 'react';
import { presetEntry } from '../scenario/presets/catalog';
import { ErrorList } from './ErrorList';
import type { HashRoute } from './hashRoute';
import { dismissLinkError, openDefaultScenario } from './routeStore';
import './share.css';

/**
 * A link that could not be opened (damaged, cut short, hostile or from a newer TunnelScope): what
 * is wrong, place by place, over the default scenario that loaded behind it.
 */
export function LinkErrorBanner({ route }: { route: HashRoute }) {
  const openRef = useRef<HTMLButtonElement>(null);
  const isError = route.kind === 'error';
  useEffect(() => {
    if (isError) openRef.current?.focus({ preventScroll: true });
  }, [isError]);
  if (route.kind !== 'error') return null;
  const fallbackTitle =
    route.fallback.presetId === null
      ? route.fallback.document.title
      : (presetEntry(route.fallback.presetId)?.title ?? route.fallback.document.title);
  return (
    <section
      className="share-banner"
      role="alert"
      aria-labelledby="link-error-title"
      data-testid="link-error"
    >
      <h2 id="link-error-title" className="share-banner-title">
        <span aria-hidden="true">⚠ </span>This link cannot be opened
      </h2>
      <p className="share-banner-lead">
        It may be damaged, cut short, or made by a newer TunnelScope. What is wrong:
      </p>
      <ErrorList errors={route.errors} />
      <p className="share-banner-fallback">
        Showing the default scenario instead: <strong>{fallbackTitle}</strong>.
      </p>
      <div className="share-banner-actions">
        <button
          ref={openRef}
          type="button"
          className="share-button share-button-primary"
          onClick={openDefaultScenario}
          data-testid="link-error.open-default"
        >
          Open the default scenario
        </button>
        <button
          type="button"
          className="share-button"
          onClick={dismissLinkError}
          data-testid="link-error.dismiss"
        >
          Dismiss
        </button>
      </div>
    </section>
  );
}
