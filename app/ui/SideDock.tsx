// The studio's side panels: tabs for the routers' states and SA tables, the selected router's
// config and remedies, its console, and the log. One panel on a laptop or projector, two side by
// side on a wide window; each resizes with its splitter and folds away into a rail.

import { type KeyboardEvent, lazy, type ReactNode, Suspense, useId } from 'react';
import { LogView } from '../views/log/LogView';
import { RouterPanels } from '../views/routers/RouterPanels';
import type { DockSizes } from './layout/dockSizes';
import {
  setSecondCollapsed,
  setSecondWidth,
  setSideCollapsed,
  setSideWidth,
  showSecondTab,
  showTab,
  useLayoutStore,
} from './layout/layoutStore';
import { DOCK_TAB_LABELS, DOCK_TABS, type DockTab } from './layout/studioLayout';
import { Splitter } from './Splitter';

const ConsolePanel = lazy(() =>
  import('../views/console/ConsolePanel').then((m) => ({ default: m.ConsolePanel })),
);

const FIRST_ID = 'side-panel';
const SECOND_ID = 'side-panel-second';

export function SideDock({ sizes }: { sizes: DockSizes }) {
  const tab = useLayoutStore((s) => s.tab);
  const secondTab = useLayoutStore((s) => s.secondTab);
  if (sizes.panels === 0) return <DockRail />;
  const two = sizes.panels === 2;
  const { first, second } = sizes;
  return (
    <>
      <Splitter
        label="Resize the side panel"
        controls={FIRST_ID}
        valuePx={first.px}
        minPx={first.minPx}
        maxPx={first.maxPx}
        onResize={setSideWidth}
        onCollapse={() => setSideCollapsed(true)}
        testId="splitter.side"
      />
      <DockPanel
        id={FIRST_ID}
        widthPx={first.px}
        tab={tab}
        tabs={two ? DOCK_TABS.filter((t) => t !== secondTab) : DOCK_TABS}
        onTab={showTab}
        label="Side panel"
        actions={
          <>
            {sizes.twoPanelsFit && !two && (
              <DockButton
                label="Show two panels side by side"
                onClick={() => setSecondCollapsed(false)}
                testId="dock.two-panels"
              >
                ◫
              </DockButton>
            )}
            <DockButton
              label="Hide the side panels"
              onClick={() => setSideCollapsed(true)}
              testId="dock.collapse"
            >
              »
            </DockButton>
          </>
        }
      />
      {two && (
        <>
          <Splitter
            label="Resize the second side panel"
            controls={SECOND_ID}
            valuePx={second.px}
            minPx={second.minPx}
            maxPx={second.maxPx}
            onResize={setSecondWidth}
            onCollapse={() => setSecondCollapsed(true)}
            testId="splitter.second"
          />
          <DockPanel
            id={SECOND_ID}
            widthPx={second.px}
            tab={secondTab}
            tabs={DOCK_TABS.filter((t) => t !== tab)}
            onTab={showSecondTab}
            label="Second side panel"
            actions={
              <DockButton
                label="One side panel instead of two"
                onClick={() => setSecondCollapsed(true)}
                testId="dock.one-panel"
              >
                ×
              </DockButton>
            }
          />
        </>
      )}
    </>
  );
}

function DockPanel({
  id,
  widthPx,
  tab,
  tabs,
  onTab,
  label,
  actions,
}: {
  id: string;
  widthPx: number;
  tab: DockTab;
  tabs: readonly DockTab[];
  onTab: (tab: DockTab) => void;
  label: string;
  actions: ReactNode;
}) {
  const prefix = useId();
  const tabId = (t: DockTab) => `${prefix}-tab-${t}`;
  const move = (by: number) => {
    const index = tabs.indexOf(tab);
    const next = tabs[(index + by + tabs.length) % tabs.length];
    if (next === undefined) return;
    onTab(next);
    document.getElementById(tabId(next))?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'ArrowRight') move(1);
    else if (event.key === 'ArrowLeft') move(-1);
    else return;
    event.preventDefault();
  };
  return (
    <section
      id={id}
      className="dock-panel"
      style={{ width: widthPx }}
      aria-label={label}
      data-testid={id === FIRST_ID ? 'dock' : 'dock.second'}
      data-tab={tab}
    >
      <div className="dock-head">
        <div
          className="dock-tabs"
          role="tablist"
          aria-label={`${label} tabs`}
          onKeyDown={onKeyDown}
        >
          {tabs.map((t) => (
            <button
              key={t}
              id={tabId(t)}
              type="button"
              role="tab"
              className="dock-tab"
              aria-selected={t === tab}
              aria-controls={t === tab ? `${prefix}-panel` : undefined}
              tabIndex={t === tab ? 0 : -1}
              onClick={() => onTab(t)}
              data-testid={`dock.tab.${t}`}
            >
              {DOCK_TAB_LABELS[t]}
            </button>
          ))}
        </div>
        <div className="dock-actions">{actions}</div>
      </div>
      <div
        id={`${prefix}-panel`}
        role="tabpanel"
        aria-labelledby={tabId(tab)}
        className={`dock-body dock-body-${tab}`}
      >
        <DockContent tab={tab} />
      </div>
    </section>
  );
}

/** Only the tab shown is mounted: hidden panels cost nothing while the run plays. */
function DockContent({ tab }: { tab: DockTab }) {
  switch (tab) {
    case 'routers':
      return <RouterPanels part="states" />;
    case 'config':
      return <RouterPanels part="details" />;
    case 'console':
      return (
        <Suspense fallback={<p className="loading">Loading…</p>}>
          <ConsolePanel />
        </Suspense>
      );
    case 'log':
      return <LogView />;
  }
}

/** The folded side panels: a rail with a button per tab, each unfolding the panels at it. */
function DockRail() {
  return (
    <nav className="dock-rail" aria-label="Side panels (hidden)" data-testid="dock.rail">
      <DockButton
        label="Show the side panels"
        onClick={() => setSideCollapsed(false)}
        testId="dock.expand"
      >
        «
      </DockButton>
      {DOCK_TABS.map((t) => (
        <button
          key={t}
          type="button"
          className="dock-rail-tab"
          onClick={() => showTab(t)}
          data-testid={`dock.rail.${t}`}
        >
          {DOCK_TAB_LABELS[t]}
        </button>
      ))}
    </nav>
  );
}

function DockButton({
  label,
  onClick,
  testId,
  children,
}: {
  label: string;
  onClick: () => void;
  testId: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="dock-button"
      aria-label={label}
      title={label}
      onClick={onClick}
      data-testid={testId}
    >
      <span aria-hidden="true">{children}</span>
    </button>
  );
}
