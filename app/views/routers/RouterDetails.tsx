// The hands-on part of one router's panel: commands at the cursor, the three remedies, the
// startup-config with what changed, and the real IOS output.

import { memo } from 'react';
import type { RouterConfig } from '../../ios/types';
import { featureState } from '../../scenario/features';
import { ConfigView, type NotSimulatedLine } from './ConfigView';
import { IosOutput } from './IosOutput';
import { RemedyControls } from './RemedyControls';
import { RouterActions } from './RouterActions';

export interface RouterDetailsProps {
  router: string;
  /** The router is reloading: its commands wait until it is up. */
  booting: boolean;
  /**
   * The running-config at the cursor, parsed (the same object while it does not change);
   * undefined when it could not be read.
   */
  running: RouterConfig | undefined;
  /** Startup-config text in the document now, and as first loaded. */
  configText: string;
  baselineText: string | undefined;
  notSimulated: readonly NotSimulatedLine[];
  /** Lines with a warning (an address another router has). */
  warnings: readonly NotSimulatedLine[];
}

/**
 * Memoised: its props change only when the router's configuration does, not with every frame,
 * so playback does not re-render the remedies' form controls or the config (their own leaves
 * show the cursor's time and the IOS output).
 */
export const RouterDetails = memo(function RouterDetails({
  router,
  booting,
  running,
  configText,
  baselineText,
  notSimulated,
  warnings,
}: RouterDetailsProps) {
  return (
    <div className="rp-details" data-testid={`details.${router}`}>
      <RouterActions router={router} booting={booting} />
      <section className="rp-section" aria-labelledby={`rp-remedies-${router}`}>
        <h4 className="rp-section-title" id={`rp-remedies-${router}`}>
          Remedies{' '}
          <span className="rp-muted">
            (as {router} is configured at the cursor; a change edits its startup-config, the run is
            recomputed and the cursor stays)
          </span>
        </h4>
        {running ? (
          <RemedyControls
            key={`${router}|${JSON.stringify(featureState(running))}`}
            router={router}
            config={running}
          />
        ) : (
          <p className="rp-empty">The config could not be read, so the remedies are unavailable.</p>
        )}
      </section>
      <section className="rp-section" aria-labelledby={`rp-config-${router}`}>
        <h4 className="rp-section-title" id={`rp-config-${router}`}>
          startup-config
        </h4>
        <ConfigView
          router={router}
          baseline={baselineText}
          current={configText}
          notSimulated={notSimulated}
          warnings={warnings}
        />
      </section>
      <IosOutput router={router} />
    </div>
  );
});
