// The studio: one screen that fills the window and never scrolls. The stage (the scenario's
// title, the view switch and the topology, ladder or statechart, fitted to the room it gets) beside the side panels; under both, the
// bottom dock with the health strip, the transport and the timeline, always in view.

import { PlaybackBar } from '../controls/PlaybackBar';
import { TimelineBar } from '../controls/TimelineBar';
import type { HashRoute } from '../share/hashRoute';
import { LinkErrorBanner } from '../share/lazyLinkErrorBanner';
import { ScenarioHeading } from '../share/ScenarioHeading';
import { useSimStore } from '../store/simStore';
import { HealthStrip } from '../views/health/HealthStrip';
import { ErrorAlert } from './ErrorAlert';
import { dockSizes } from './layout/dockSizes';
import { useLayoutStore } from './layout/layoutStore';
import { SideDock } from './SideDock';
import { StageBody, StageViewSwitch } from './StageViewSwitch';
import { useWindowWidth } from './useWindowWidth';
import './shell.css';

export function Studio({ route }: { route: HashRoute }) {
  const errors = useSimStore((s) => s.errors);
  const hasRun = useSimStore((s) => s.run !== null);
  const layout = useLayoutStore();
  const sizes = dockSizes(layout, useWindowWidth());

  return (
    <main className="studio" data-panels={sizes.panels}>
      <div className="studio-notices">
        <LinkErrorBanner route={route} />
        <ErrorAlert errors={errors} />
      </div>
      {hasRun ? (
        <>
          <div className="studio-work">
            <div className="stage">
              <div className="stage-band">
                <ScenarioHeading />
                <StageViewSwitch />
              </div>
              <StageBody />
            </div>
            <SideDock sizes={sizes} />
          </div>
          <div className="dock-bottom" data-testid="dock.bottom">
            <HealthStrip />
            <div className="dock-bottom-row">
              <PlaybackBar />
              <TimelineBar />
            </div>
          </div>
        </>
      ) : (
        <div className="stage-band">
          <ScenarioHeading />
        </div>
      )}
    </main>
  );
}
