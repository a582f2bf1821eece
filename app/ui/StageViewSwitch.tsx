// The stage's three views, one click apart: the switch in the stage's band, and the stage body
// that shows the chosen one. The ladder and the statechart load when first opened (the first
// load carries the topology only).

import type { ReactNode } from 'react';
import { STAGE_VIEWS, type StageView } from '../scenario/linkHash';
import { addressHashWith, loadedLinkCodec } from '../share/linkCodecStore';
import { replaceHash } from '../share/routeStore';
import { useSimStore } from '../store/simStore';
import { TopologyView } from '../views/topology/TopologyView';
import { lazyComponent } from './lazyComponent';
import { hashWithView, useStageView } from './stageView';

const LadderView = lazyComponent(() =>
  import('../views/ladder/LadderView').then((m) => m.LadderView),
);
const StatechartView = lazyComponent(() =>
  import('../views/statechart/StatechartView').then((m) => m.StatechartView),
);

const LABELS: Record<StageView, string> = {
  topology: 'Topology',
  ladder: 'Ladder',
  statechart: 'Statechart',
};

/** Shows `view` on the stage and says so in the address bar (`&view=`, none for the topology). */
export function showStageView(view: StageView): void {
  useStageView.setState({ view });
  const { presetId, document } = useSimStore.getState();
  // An edited scenario's address needs the link codec, which the edit has loaded.
  const current =
    window.location.hash ||
    (document ? (addressHashWith(loadedLinkCodec(), presetId, document) ?? '') : '');
  replaceHash(hashWithView(current, view) || null);
}

export function StageViewSwitch() {
  const view = useStageView((s) => s.view);
  return (
    <fieldset className="stage-view-switch" aria-label="Stage view">
      {STAGE_VIEWS.map((name) => (
        <button
          key={name}
          type="button"
          className="stage-view-button"
          aria-pressed={view === name}
          onClick={() => showStageView(name)}
        >
          {LABELS[name]}
        </button>
      ))}
    </fieldset>
  );
}

/** `view` on a stage: the ladder or the statechart (loaded when first shown), else `topology`. */
export function StageViewOf({ view, topology }: { view: StageView; topology: ReactNode }) {
  if (view === 'ladder') return <LadderView />;
  if (view === 'statechart') return <StatechartView />;
  return topology;
}

/** The studio stage's body: the chosen view, filling the room the stage leaves. */
export function StageBody() {
  const view = useStageView((s) => s.view);
  return <StageViewOf view={view} topology={<TopologyView fill compact />} />;
}
