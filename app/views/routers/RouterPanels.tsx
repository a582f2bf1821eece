// The router panels: every router's state machines and SA tables at the cursor, comparable at
// a glance (two or three routers stacked, so both ends of a tunnel show at once; a long list
// with the selected router expanded for a hub with many spokes), plus the selected router's
// commands, remedies, config and IOS output. Reads the store and the frame; changes go through
// the store's actions.

import { memo, useEffect, useId, useRef, useState } from 'react';
import { CRYPTO_STYLE_LABEL, cryptoStyles } from '../../scenario/features';
import { addressBookAt } from '../../sim/derived/addressBook';
import { runningRouterConfigAt } from '../../sim/derived/configAt';
import { negotiatingPeers } from '../../sim/derived/negotiations';
import { peersOf } from '../../sim/derived/peers';
import { spiMismatches } from '../../sim/derived/spiMismatches';
import type { RouterView } from '../../sim/snapshot';
import { select } from '../../store/actions';
import { useSimStore } from '../../store/simStore';
import { useViewFrame } from '../runContext';
import type { NotSimulatedLine } from './ConfigView';
import { CursorTime } from './CursorTime';
import { RouterDetails } from './lazyRouterDetails';
import { RouterSummary } from './RouterSummary';
import './routerPanels.css';

/** Up to this many routers are all shown in full, one above the other. */
const COMPARE_MAX = 3;
/** Up to this many routers get a tab each for their details; more get a drop-down list. */
const DETAIL_TABS_MAX = 8;

/**
 * Which part the panels show: `all` (states and SA tables, then the selected router's details),
 * `states` (every router's states and SA tables only) or `details` (the selected router's
 * commands, remedies, config and IOS output only), for a layout that puts them in two tabs.
 */
export type RouterPanelsPart = 'all' | 'states' | 'details';

/** One empty list for every router without unsimulated lines: the details stay memoised. */
const NO_NOTES: readonly NotSimulatedLine[] = [];

/**
 * Follows the cursor (the frame): the SA tables and state chips change with t. What does not
 * (the details with the remedies and config, the rows of a long list) is memoised, and the
 * cursor's time is a leaf of its own.
 */
export function RouterPanels({ part = 'all' }: { part?: RouterPanelsPart }) {
  const frame = useViewFrame();
  const run = useSimStore((s) => s.run);
  const loaded = useSimStore((s) => s.loaded);
  const scenarioDocument = useSimStore((s) => s.document);
  const baselines = useSimStore((s) => s.baselineConfigs);
  const selection = useSimStore((s) => s.selection);
  const headingId = useId();
  // The last router selected keeps its details open while a link or packet is selected.
  const [lastRouter, setLastRouter] = useState<{ of: object; id: string } | null>(null);
  useEffect(() => {
    if (selection?.kind === 'router') setLastRouter({ of: baselines, id: selection.id });
  }, [selection, baselines]);
  // A new scenario starts at the top of the panels, not where the last one was scrolled to.
  const scroller = useRef<HTMLElement>(null);
  useEffect(() => {
    if (baselines && scroller.current) scroller.current.scrollTop = 0;
  }, [baselines]);

  if (!frame || !run || !loaded) {
    return <section aria-label="Routers" className="router-panels" />;
  }

  const ids = frame.routers.map((view) => view.node);
  const selectedId =
    [
      selection?.kind === 'router' ? selection.id : null,
      lastRouter?.of === baselines ? lastRouter.id : null,
    ].find((id) => id !== null && id !== undefined && ids.includes(id)) ?? ids[0];

  const book = addressBookAt(frame);
  const mismatches = spiMismatches(run, frame);

  const stylesOf = (id: string): string[] => {
    const config = runningRouterConfigAt(run, id, frame.atMs);
    return config ? cryptoStyles(config).map((style) => CRYPTO_STYLE_LABEL[style]) : [];
  };
  const summary = (view: RouterView, inList = false) => (
    <RouterSummary
      inList={inList}
      key={view.node}
      view={view}
      styles={stylesOf(view.node)}
      book={book}
      negotiating={negotiatingPeers(run, view.node, frame.atMs)}
      mismatches={mismatches.filter((m) => m.router === view.node)}
      selected={view.node === selectedId}
    />
  );
  const details = (view: RouterView) => {
    const node = scenarioDocument?.nodes?.find((n) => n.id === view.node && n.kind === 'router');
    const configText = node && node.kind === 'router' ? node.config : '';
    return (
      <RouterDetails
        router={view.node}
        booting={view.power === 'booting'}
        running={runningRouterConfigAt(run, view.node, frame.atMs)}
        configText={configText}
        baselineText={baselines[view.node]}
        notSimulated={loaded.notSimulated[view.node] ?? NO_NOTES}
        warnings={loaded.warnings[view.node] ?? NO_NOTES}
      />
    );
  };
  const selectedView = frame.routers.find((view) => view.node === selectedId);
  const detailsBlock =
    selectedView &&
    (ids.length <= DETAIL_TABS_MAX ? (
      <div className="rp-details-block">
        <DetailTabs ids={ids} selectedId={selectedView.node} />
        <div
          role="tabpanel"
          id={`rp-tabpanel-${selectedView.node}`}
          aria-labelledby={`rp-tab-${selectedView.node}`}
        >
          {details(selectedView)}
        </div>
      </div>
    ) : (
      <div className="rp-details-block">
        <DetailPicker ids={ids} selectedId={selectedView.node} />
        {details(selectedView)}
      </div>
    ));

  return (
    <section
      ref={scroller}
      className={`router-panels rp-part-${part}`}
      aria-labelledby={headingId}
      data-testid="router-panels"
    >
      <div className="rp-heading-row">
        <h2 className="rp-heading" id={headingId}>
          {part === 'details' ? 'Config & remedies' : 'Routers'}
        </h2>
        <span className="rp-at">
          at <CursorTime />
        </span>
      </div>
      {part === 'details' ? (
        detailsBlock
      ) : frame.routers.length <= COMPARE_MAX ? (
        <>
          <div className="rp-compare">{frame.routers.map((view) => summary(view))}</div>
          {part === 'all' && detailsBlock}
        </>
      ) : (
        <ul className="rp-list">
          {frame.routers.map((view) => {
            const open = view.node === selectedId;
            const peers = peersOf(view);
            return (
              <li key={view.node} className={open ? 'rp-list-open' : undefined}>
                <RowButton
                  node={view.node}
                  hostname={view.hostname}
                  power={view.power}
                  open={open}
                  peerCount={peers.length}
                  upCount={peers.filter((peer) => peer.ike?.state === 'QM_IDLE').length}
                  mismatched={mismatches.some((m) => m.router === view.node)}
                />
                {open && (
                  <div className="rp-list-body">
                    {summary(view, true)}
                    {part === 'all' && details(view)}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** Which router's details show, for a hub with many spokes: a drop-down list. */
function DetailPicker({ ids, selectedId }: { ids: string[]; selectedId: string }) {
  return (
    <div className="rp-tabs-row">
      <label className="rp-tabs-label" htmlFor="rp-detail-picker">
        Commands, remedies and config of
      </label>
      <select
        id="rp-detail-picker"
        value={selectedId}
        data-testid="router-picker"
        onChange={(event) => select({ kind: 'router', id: event.target.value })}
      >
        {ids.map((id) => (
          <option key={id} value={id}>
            {id}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Which router's commands, remedies and config show below the comparison (ARIA tabs). */
function DetailTabs({ ids, selectedId }: { ids: string[]; selectedId: string }) {
  const move = (from: number, by: number) => {
    const id = ids[(from + by + ids.length) % ids.length];
    if (id === undefined) return;
    select({ kind: 'router', id });
    document.getElementById(`rp-tab-${id}`)?.focus();
  };
  return (
    <div className="rp-tabs-row">
      <h3 className="rp-tabs-label" id="rp-tabs-label">
        Commands, remedies and config of
      </h3>
      <div className="rp-tabs" role="tablist" aria-labelledby="rp-tabs-label">
        {ids.map((id, index) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`rp-tab-${id}`}
            aria-selected={id === selectedId}
            aria-controls={id === selectedId ? `rp-tabpanel-${id}` : undefined}
            tabIndex={id === selectedId ? 0 : -1}
            className="rp-tab"
            data-testid={`router-tab.${id}`}
            onClick={() => select({ kind: 'router', id })}
            onKeyDown={(event) => {
              if (event.key === 'ArrowRight' || event.key === 'ArrowDown') move(index, 1);
              else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') move(index, -1);
              else return;
              event.preventDefault();
            }}
          >
            {id}
          </button>
        ))}
      </div>
    </div>
  );
}

/**
 * One line per router in a long list, a button that opens it: name, power, how many peers have
 * an IKE SA up. Memoised on those few values: a hub's fifty rows rarely change during playback.
 */
const RowButton = memo(function RowButton({
  node,
  hostname,
  power,
  open,
  peerCount,
  upCount,
  mismatched,
}: {
  node: string;
  hostname: string;
  power: RouterView['power'];
  open: boolean;
  peerCount: number;
  upCount: number;
  mismatched: boolean;
}) {
  return (
    <button
      type="button"
      className="rp-list-row"
      data-power={power}
      aria-expanded={open}
      data-testid={`router-row.${node}`}
      onClick={() => select({ kind: 'router', id: node })}
    >
      <span className="rp-list-name">{hostname}</span>
      <span className={`rp-power power-${power}`}>
        <span aria-hidden="true">{power === 'booting' ? '⟳' : '●'} </span>
        {power === 'booting' ? 'reloading…' : 'up'}
      </span>
      <span className="rp-list-peers">
        {peerCount === 0
          ? 'no peers'
          : `IKE QM_IDLE with ${upCount} of ${peerCount} peer${peerCount === 1 ? '' : 's'}`}
      </span>
      {mismatched && (
        <span className="rp-list-flag">
          <span aria-hidden="true">⚠ </span>SPI unknown to peer
        </span>
      )}
    </button>
  );
});
