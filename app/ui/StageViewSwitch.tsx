// The stage's three views, one click apart: the switch in the stage's band, and the stage body
// that shows the chosen one. The ladder and the statechart load when first opened (the first
// load carries the topology only).

import { type ReactNode, useState } from 'react';
import { STAGE_VIEWS, type StageChart, type StageView } from '../scenario/linkHash';
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

/**
 * Shows `view` on the stage (the statechart on `chart`, else on the machine it showed last) and
 * says so in the address bar (`&view=`, none for the topology; `&chart=`, none for the IKE SA).
 */
export function showStageView(view: StageView, chart = useStageView.getState().chart): void {
  useStageView.setState({ view, chart });
  const { presetId, document } = useSimStore.getState();
  // An edited scenario's address needs the link codec, which the edit has loaded.
  const current =
    window.location.hash ||
    (document ? (addressHashWith(loadedLinkCodec(), presetId, document) ?? '') : '');
  replaceHash(hashWithView(current, view, chart) || null);
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

/**
 * A lesson step's stage: the ladder or the statechart (loaded when first shown), else
 * `topology`. The statechart opens on the step's `chart`; its tabs then choose within the step
 * (the address keeps the lesson's step, not the tab).
 */
export function LessonStageView({
  step,
  view,
  chart,
  topology,
}: {
  /** The step's index: a tab chosen at one step does not carry over to the next. */
  step: number;
  view: StageView;
  chart: StageChart;
  topology: ReactNode;
}) {
  const [chosen, setChosen] = useState<{ step: number; chart: StageChart } | null>(null);
  const shown = chosen?.step === step ? chosen.chart : chart;
  if (view === 'ladder') return <LadderView />;
  if (view === 'statechart') {
    return <StatechartView chart={shown} onChart={(id) => setChosen({ step, chart: id })} />;
  }
  return topology;
}

/** The studio stage's body: the chosen view, filling the room the stage leaves. */
export function StageBody() {
  const view = useStageView((s) => s.view);
  const chart = useStageView((s) => s.chart);
  if (view === 'ladder') return <LadderView />;
  if (view === 'statechart') {
    return <StatechartView chart={chart} onChart={(id) => showStageView('statechart', id)} />;
  }
  return <TopologyView fill compact />;
}
