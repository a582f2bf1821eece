// The hands-on part of one router's panel: commands at the cursor, the three remedies, the
// startup-config with what changed, and the real IOS output.

import type { RouterConfig } from '../../ios/types';
import { featureState } from '../../scenario/features';
import type { RouterView } from '../../sim/snapshot';
import { ConfigView, type NotSimulatedLine } from './ConfigView';
import { IosOutput } from './IosOutput';
import { RemedyControls } from './RemedyControls';
import { RouterActions } from './RouterActions';

export interface RouterDetailsProps {
  view: RouterView;
  /** Parsed startup-config (current document); undefined when it could not be parsed. */
  config: RouterConfig | undefined;
  /** Startup-config text in the document now, and as first loaded. */
  configText: string;
  baselineText: string | undefined;
  notSimulated: readonly NotSimulatedLine[];
  atText: string;
}

export function RouterDetails({
  view,
  config,
  configText,
  baselineText,
  notSimulated,
  atText,
}: RouterDetailsProps) {
  const router = view.node;
  return (
    <div className="rp-details" data-testid={`details.${router}`}>
      <RouterActions router={router} booting={view.power === 'booting'} atText={atText} />
      <section className="rp-section" aria-labelledby={`rp-remedies-${router}`}>
        <h4 className="rp-section-title" id={`rp-remedies-${router}`}>
          Remedies{' '}
          <span className="rp-muted">
            (they edit {router}’s startup-config; the run is recomputed and the cursor stays)
          </span>
        </h4>
        {config ? (
          <RemedyControls
            key={`${router}|${JSON.stringify(featureState(config))}`}
            router={router}
            config={config}
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
        />
      </section>
      <IosOutput view={view} />
    </div>
  );
}
