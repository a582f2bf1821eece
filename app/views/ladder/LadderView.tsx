// The ladder (sequence) diagram on the stage (`&view=ladder`): the run's packets between
// lifelines, time running down, the cursor a line that follows the timeline. Only the scrolled-to
// window is drawn; ctrl+wheel (or the − + buttons) zooms with d3-zoom, keeping the moment under
// the pointer in place; a click on an arrow or a mark seeks there. A scenario of many routers
// opens on its busiest pair (openingFilter), saying so beside the pair's picker.

import { select } from 'd3-selection';
import { type ZoomBehavior, zoom } from 'd3-zoom';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { seek } from '../../store/actions';
import { useSimStore } from '../../store/simStore';
import { formatTime } from '../../trace/formatText';
import { useElementSize } from '../topology/useElementSize';
import { LadderDrawing, laneGeometry } from './LadderDrawing';
import { LadderToolbar } from './LadderToolbar';
import { downloadLadderSvg } from './ladderExport';
import { ladderLayout, ladderWindow, scaleAt, timeAtY, yAt } from './ladderLayout';
import { filteredLadder, type LadderFilter, type LadderModel, openingFilter } from './ladderModel';
import { usePreparedLadder } from './usePreparedLadder';
import './ladder.css';

const ZOOM_EXTENT: [number, number] = [0.02, 40];
const SCROLLBAR_PX = 16;
/** Drawn beyond the visible window above and below (px), so that a small scroll shows no edge. */
const OVERSCAN_PX = 200;

/** A moment to keep at a height of the viewport across a change of layout (a zoom). */
interface Anchor {
  atMs: number;
  offsetPx: number;
}

/**
 * The filter the ladder shows: the opening one (chosen once per scenario, from what is computed
 * when the ladder first shows it) until the student picks another. `opened` is true while it is
 * the opening one.
 */
function useLadderFilter(model: LadderModel | null) {
  const document = useSimStore((s) => s.document);
  const [state, setState] = useState<{
    document: unknown;
    filter: LadderFilter;
    opened: boolean;
  } | null>(null);
  let current = state;
  if (model && (current === null || current.document !== document)) {
    const selection = useSimStore.getState().selection;
    const selected = selection?.kind === 'router' ? selection.id : null;
    current = { document, filter: openingFilter(model, selected), opened: true };
    setState(current);
  }
  const choose = useCallback(
    (filter: LadderFilter) => setState({ document, filter, opened: false }),
    [document],
  );
  return { filter: current?.filter ?? null, opened: current?.opened ?? false, choose };
}

export function LadderView() {
  const run = useSimStore((s) => s.run);
  const [k, setK] = useState(1);
  const [scrollTop, setScrollTop] = useState(0);
  const [scrollLeft, setScrollLeft] = useState(0);
  const [sizeRef, size] = useElementSize<HTMLDivElement>({ width: 800, height: 600 });
  const scroller = useRef<HTMLDivElement | null>(null);
  const svgRef = useRef<HTMLDivElement | null>(null);
  const zoomRef = useRef<ZoomBehavior<HTMLDivElement, unknown> | null>(null);
  const anchor = useRef<Anchor | null>(null);

  const { model, fraction } = usePreparedLadder(run);
  const { filter, opened, choose } = useLadderFilter(model);
  const shown = useMemo(
    () => (model && filter ? filteredLadder(model, filter) : null),
    [model, filter],
  );
  const layout = useMemo(
    () => (shown && run ? ladderLayout(shown, 0, run.computedUntilMs, scaleAt(k)) : null),
    [shown, run, k],
  );
  const layoutRef = useRef(layout);
  layoutRef.current = layout;

  const setScroller = useCallback(
    (element: HTMLDivElement | null) => {
      scroller.current = element;
      sizeRef(element);
    },
    [sizeRef],
  );

  // ctrl+wheel (a trackpad pinch) zooms; a plain wheel scrolls as usual.
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const behaviour = zoom<HTMLDivElement, unknown>()
      .scaleExtent(ZOOM_EXTENT)
      .filter((event: Event) => event.type === 'wheel' && (event as WheelEvent).ctrlKey)
      .on('zoom', (event: { transform: { k: number }; sourceEvent: Event | null }) => {
        const current = layoutRef.current;
        if (current) {
          const source = event.sourceEvent as WheelEvent | null;
          const offsetPx = source
            ? source.clientY - element.getBoundingClientRect().top
            : element.clientHeight / 2;
          anchor.current = { atMs: timeAtY(current, element.scrollTop + offsetPx), offsetPx };
        }
        setK(event.transform.k);
      });
    select(element).call(behaviour);
    zoomRef.current = behaviour;
    return () => {
      select(element).on('.zoom', null);
    };
  }, []);

  useLayoutEffect(() => {
    const element = scroller.current;
    const kept = anchor.current;
    if (!element || !layout || !kept) return;
    anchor.current = null;
    element.scrollTop = Math.max(0, yAt(layout, kept.atMs) - kept.offsetPx);
    setScrollTop(element.scrollTop);
  }, [layout]);

  const zoomBy = useCallback((factor: number) => {
    const element = scroller.current;
    const behaviour = zoomRef.current;
    if (element && behaviour) behaviour.scaleBy(select(element), factor);
  }, []);

  const onPick = useCallback((atMs: number) => seek(atMs), []);

  // A new filter changes the layout: the moment a third of the way down stays there.
  const changeFilter = useCallback(
    (next: LadderFilter) => {
      const element = scroller.current;
      const current = layoutRef.current;
      if (element && current) {
        const offsetPx = element.clientHeight / 3;
        anchor.current = { atMs: timeAtY(current, element.scrollTop + offsetPx), offsetPx };
      }
      choose(next);
    },
    [choose],
  );

  const exportSvg = useCallback(() => {
    const svg = svgRef.current?.querySelector('svg');
    const element = scroller.current;
    const title = useSimStore.getState().document?.title ?? 'scenario';
    if (svg && element) downloadLadderSvg(svg, element.scrollTop, element.clientHeight, title);
  }, []);

  if (!run) return null;
  if (!model || !filter || !shown || !layout) return <PreparingLadder fraction={fraction} />;
  // The vertical scrollbar takes its width from the drawing's.
  const geometry = laneGeometry(shown.lanes, size.width - SCROLLBAR_PX);
  // A drawing wider than the viewport scrolls sideways: its scrollbar takes height.
  const viewWidthPx = size.width - SCROLLBAR_PX;
  const viewHeightPx = size.height - (geometry.widthPx > viewWidthPx ? SCROLLBAR_PX : 0);
  const topPx = Math.max(0, scrollTop - OVERSCAN_PX);
  const heightPx = size.height + 2 * OVERSCAN_PX;
  const window = ladderWindow(shown, layout, topPx, topPx + heightPx);

  return (
    <section className="ladder" data-testid="ladder" aria-label="Ladder diagram">
      <LadderToolbar
        model={model}
        filter={filter}
        opened={opened}
        onFilter={changeFilter}
        zoom={k}
        onZoom={zoomBy}
        onExport={exportSvg}
        counts={{ arrows: shown.arrows.length, gaps: layout.gaps.length }}
      />
      <div
        className="ladder-scroll"
        ref={setScroller}
        onScroll={(event) => {
          setScrollTop(event.currentTarget.scrollTop);
          setScrollLeft(event.currentTarget.scrollLeft);
        }}
      >
        <div
          className="ladder-canvas"
          ref={svgRef}
          style={{ height: layout.heightPx, width: geometry.widthPx }}
        >
          <LadderDrawing
            lanes={shown.lanes}
            geometry={geometry}
            layout={layout}
            window={window}
            topPx={topPx}
            heightPx={heightPx}
            viewTopPx={scrollTop}
            viewLeftPx={scrollLeft}
            viewWidthPx={viewWidthPx}
            viewHeightPx={viewHeightPx}
            onPick={onPick}
          />
          <LadderCursor layout={layout} scroller={scroller} />
        </div>
      </div>
    </section>
  );
}

/** What the ladder says while it reads a long run for the first time. */
function PreparingLadder({ fraction }: { fraction: number }) {
  const percent = Math.floor(fraction * 100);
  return (
    <section
      className="ladder ladder-preparing"
      data-testid="ladder"
      aria-label="Ladder diagram"
      aria-busy="true"
    >
      <p data-testid="ladder.preparing">Preparing the ladder… {percent}%</p>
      <progress max={100} value={percent} aria-label="Preparing the ladder" />
    </section>
  );
}

/**
 * The cursor: a line at the playback moment. When the moment moves (playing, stepping, a seek)
 * and the line would leave the view, the ladder scrolls to keep it a third of the way down; a
 * student's own scrolling while paused is left alone.
 */
function LadderCursor({
  layout,
  scroller,
}: {
  layout: ReturnType<typeof ladderLayout>;
  scroller: React.RefObject<HTMLDivElement | null>;
}) {
  const t = useSimStore((s) => s.t);
  const y = yAt(layout, t);
  const lastT = useRef<number | null>(null);
  useLayoutEffect(() => {
    const element = scroller.current;
    const moved = lastT.current !== t;
    lastT.current = t;
    if (!element || !moved) return;
    const top = element.scrollTop;
    const visible = element.clientHeight;
    if (y < top + 40 || y > top + visible - 20) {
      element.scrollTop = Math.max(0, y - visible / 3);
    }
  }, [t, y, scroller]);
  return (
    <div className="ladder-cursor" style={{ top: y }} data-testid="ladder.cursor" data-at-ms={t}>
      <span className="ladder-cursor-time">{formatTime(t)}</span>
    </div>
  );
}
