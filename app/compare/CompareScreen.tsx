// The compare screen (`#compare=<payload>`): the same scenario run twice with one difference,
// side by side on one clock, and what the difference bought, measured. Each side is drawn by the
// studio's own views over its run; one playback (one cursor, one loop, the studio's playback bar)
// drives both. It never touches the studio's store.
//
// Mount: render <CompareScreen payload={textAfterCompareEquals} /> in place of the studio's
// <main>; payload null (or blank) shows the picker. The screen renders its own <main>.

import { useMemo, useState } from 'react';
import { PlaybackBar } from '../controls/PlaybackBar';
import { PlaybackSourceContext } from '../controls/playbackSource';
import { usePlaybackLoop } from '../controls/usePlaybackLoop';
import { DEFAULT_PRESET_ID } from '../scenario/presets';
import { encodeShareHash } from '../scenario/scenarioUrl';
import { CompareColumn } from './CompareColumn';
import { CompareMoments } from './CompareMoments';
import { ComparePicker } from './ComparePicker';
import { OutcomeTable } from './OutcomeTable';
import { createPairPlayback, type PairPlayback } from './pairPlayback';
import { type PreparedCompare, prepareCompare } from './prepare';
import { useCompareKeys } from './useCompareKeys';
import type { Variant } from './variants';
import './compare.css';

export function CompareScreen({ payload }: { payload: string | null }) {
  const prepared = useMemo(() => prepareCompare(payload), [payload]);
  if (prepared.kind === 'ready') return <CompareView key={payload} compare={prepared.compare} />;
  return (
    <main className="cmp" data-testid="compare" data-state={prepared.kind}>
      <div className="cmp-top">
        <div>
          <p className="cmp-kicker">Compare</p>
          <h2 className="cmp-title">Run one scenario twice, with one difference</h2>
          <p className="cmp-lead">
            Both runs play on one clock, side by side, and the difference is measured: outage, pings
            lost, IKE messages spent, time to recovery.
          </p>
        </div>
        <a className="cmp-nav-link" href={`#preset=${DEFAULT_PRESET_ID}`}>
          ← Back to the studio
        </a>
      </div>
      {prepared.kind === 'error' && (
        <div className="cmp-alert" role="alert" data-testid="compare.error">
          <h3 className="cmp-alert-title">This comparison cannot be shown</h3>
          <ul>
            {prepared.errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
          <p>Choose another below.</p>
        </div>
      )}
      <ComparePicker current={prepared.kind === 'error' ? prepared.spec : null} />
    </main>
  );
}

function CompareView({ compare }: { compare: PreparedCompare }) {
  const { pair, runs, outcomes, comparison, markers, spec } = compare;
  const playback = useMemo(() => createPairPlayback(runs), [runs]);
  usePlaybackLoop(playback);
  useCompareKeys(playback);
  const [editing, setEditing] = useState(false);
  const baseId = spec.kind === 'feature' ? spec.base : spec.a;
  return (
    <PlaybackSourceContext.Provider value={playback}>
      <main className="cmp" data-testid="compare" data-state="ready">
        <div className="cmp-top">
          <div>
            <p className="cmp-kicker">Compare · one difference, one clock</p>
            <h2 className="cmp-title">{pair.heading}</h2>
          </div>
          <nav className="cmp-nav" aria-label="Compare">
            <button
              type="button"
              className="cmp-nav-button"
              aria-expanded={editing}
              onClick={() => setEditing((e) => !e)}
              data-testid="compare.change"
            >
              {editing ? 'Close' : 'Change comparison'}
            </button>
            <a className="cmp-nav-link" href={`#preset=${encodeURIComponent(baseId)}`}>
              ← Studio
            </a>
          </nav>
        </div>
        {editing && <ComparePicker current={spec} />}
        <p className="cmp-headline" data-testid="compare.headline">
          <strong className="cmp-headline-claim">{comparison.headlineSentences[0]}</strong>{' '}
          {comparison.headlineSentences.slice(1).join(' ')}
        </p>
        <section
          className="cmp-playback"
          aria-label="Playback of both runs"
          data-testid="compare.playback"
        >
          <PlaybackBar />
          <CompareMoments playback={playback} markers={markers} />
        </section>
        <div className="cmp-columns">
          <CompareColumn
            variant={pair.a}
            run={runs[0]}
            source={playback.sides[0]}
            axisMs={playback.durationMs()}
            flows={comparison.flows}
            hiddenFlows={comparison.hiddenFlows}
            studioLink={<StudioLink variant={pair.a} playback={playback} />}
          />
          <CompareColumn
            variant={pair.b}
            run={runs[1]}
            source={playback.sides[1]}
            axisMs={playback.durationMs()}
            flows={comparison.flows}
            hiddenFlows={comparison.hiddenFlows}
            studioLink={<StudioLink variant={pair.b} playback={playback} />}
          />
        </div>
        <OutcomeTable pair={pair} comparison={comparison} outcomes={outcomes} />
      </main>
    </PlaybackSourceContext.Provider>
  );
}

/** Opens one side in the studio as a share link, paused at the shared cursor. */
function StudioLink({ variant, playback }: { variant: Variant; playback: PairPlayback }) {
  const href = useMemo(
    () => encodeShareHash({ document: variant.document, paused: true }),
    [variant],
  );
  const side = variant.side.toUpperCase();
  return (
    <a
      className="cmp-open"
      href={href}
      onClick={(event) => {
        event.preventDefault();
        window.location.hash = encodeShareHash({
          document: variant.document,
          atMs: playback.getState().t,
          paused: true,
        });
      }}
      title={`Open side ${side} (${variant.title}) in the studio at this moment`}
      data-testid={`compare.open.${variant.side}`}
    >
      Open in studio<span className="visually-hidden"> (side {side})</span>
    </a>
  );
}
