// The whole run on one horizontal strip: lanes of markers (faults, IKE messages, SA installs
// and deletes, syslog, lost pings), a time axis, and a scrubber to seek (drag, click, or the
// keyboard as a slider). A zoom shows a window around the cursor down to ±200 ms.

import { scaleLinear } from 'd3-scale';
import {
  type KeyboardEvent,
  memo,
  type PointerEvent,
  useCallback,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { isComplete } from '../sim/run';
import { useRunSource, useView, useViewRun } from '../views/runContext';
import { MARKER_TEXT, MarkerGlyph } from './MarkerGlyph';
import { scrubberKeyFor } from './shortcuts';
import {
  LANE_LABELS,
  LANES,
  type Lane,
  MAJOR_KINDS,
  type MarkerKind,
  type TimelineMarker,
  timelineMarkers,
} from './timelineMarkers';
import {
  type DrawnMarker,
  followWindow,
  formatTick,
  placeLabels,
  scrubberValueText,
  snapToMarker,
  timeTicks,
  visibleMarkers,
} from './timelineView';
import { setZoomLevel, useTimelineZoom, ZOOM_LEVELS, zoomIn, zoomOut } from './timelineZoom';
import { useElementWidth } from './useElementWidth';
import './timeline.css';

/** Geometry of the strip, CSS px. */
const LABEL_WIDTH_PX = 76;
const RIGHT_PAD_PX = 14;
const TOP_PAD_PX = 4;
const LANE_HEIGHT_PX = 28;
const LANES_HEIGHT_PX = LANES.length * LANE_HEIGHT_PX;
const AXIS_HEIGHT_PX = 24;
const HEIGHT_PX = TOP_PAD_PX + LANES_HEIGHT_PX + AXIS_HEIGHT_PX;
/** A click this close to a marker lands on it. */
const SNAP_PX = 6;
/** Hovering this close to a marker shows its tooltip. */
const HOVER_PX = 8;

const laneMidY = (lane: Lane) =>
  TOP_PAD_PX + LANES.indexOf(lane) * LANE_HEIGHT_PX + LANE_HEIGHT_PX / 2;

type Scale = (atMs: number) => number;

function makeScale(startMs: number, endMs: number, widthPx: number) {
  return scaleLinear()
    .domain([startMs, Math.max(endMs, startMs + 1)])
    .range([LABEL_WIDTH_PX, Math.max(LABEL_WIDTH_PX + 1, widthPx - RIGHT_PAD_PX)])
    .clamp(true);
}

function markerLabel(drawn: DrawnMarker): string {
  return drawn.hidden > 0
    ? `${drawn.marker.label} (and ${drawn.hidden} more nearby)`
    : drawn.marker.label;
}

/** How much a marker's short text matters when there is room for only some. */
function labelPriority(kind: MarkerKind): number {
  if (MAJOR_KINDS.has(kind)) return 0;
  if (kind === 'config' || kind === 'exec' || kind === 'ike') return 1;
  return 2;
}

const CHAR_PX = 7.6;
const TICK_CHAR_PX = 7.9;

/** Short texts of a lane: beside the event markers, above the IKE ticks. */
function shortLabels(drawn: readonly DrawnMarker[], x: Scale, lane: Lane, widthPx: number) {
  const inLane = drawn.filter((d) => d.marker.lane === lane && d.marker.short);
  const placed = placeLabels(
    inLane.map((d, i) => ({
      id: String(i),
      x: x(d.marker.atMs),
      text: d.marker.short ?? '',
      priority: labelPriority(d.marker.kind),
    })),
    lane === 'ike' ? 'above' : 'side',
    CHAR_PX,
    { minLeftPx: LABEL_WIDTH_PX - 4, maxRightPx: widthPx - 2 },
  );
  const y = lane === 'ike' ? laneMidY(lane) - 7 : laneMidY(lane);
  return placed.map((p) => ({ key: `${lane}-${p.x}`, x: p.x, y, text: p.text }));
}

interface LayerProps {
  drawn: readonly DrawnMarker[];
  startMs: number;
  endMs: number;
  widthPx: number;
}

const markerKey = (m: TimelineMarker) => `${m.kind}|${m.atMs}|${m.untilMs ?? ''}|${m.label}`;

/**
 * Lanes, axis, markers and their short texts, as three stacked SVGs: the decoration and the
 * texts hidden from screen readers, the markers between them as labelled images. Redrawn when
 * the window or the width changes, not every frame.
 */
const MarkerLayer = memo(function MarkerLayer({ drawn, startMs, endMs, widthPx }: LayerProps) {
  const x = makeScale(startMs, endMs, widthPx);
  const ticks = timeTicks(startMs, endMs, Math.max(2, Math.floor((widthPx - LABEL_WIDTH_PX) / 90)));
  const spanMs = endMs - startMs;
  const labelled = [
    ...shortLabels(drawn, x, 'events', widthPx),
    ...shortLabels(drawn, x, 'ike', widthPx),
  ];
  const size = { width: widthPx, height: HEIGHT_PX };
  return (
    <>
      <svg className="tl-svg" {...size} aria-hidden="true">
        {LANES.map((lane, i) => (
          <g key={lane} className="tl-lane">
            <rect
              className={i % 2 === 0 ? 'tl-lane-bg' : 'tl-lane-bg tl-lane-bg-alt'}
              x={0}
              y={TOP_PAD_PX + i * LANE_HEIGHT_PX}
              width={widthPx}
              height={LANE_HEIGHT_PX}
            />
            <text className="tl-lane-label" x={8} y={laneMidY(lane)} dominantBaseline="central">
              {LANE_LABELS[lane]}
            </text>
          </g>
        ))}
        {ticks.map((tick) => {
          const text = formatTick(tick, spanMs);
          const halfPx = (text.length * TICK_CHAR_PX) / 2;
          // Kept inside the strip: the last label ends at the right edge.
          const anchor = x(tick) + halfPx > widthPx ? 'end' : 'middle';
          return (
            <g key={tick} transform={`translate(${x(tick)},0)`}>
              <line className="tl-grid" y1={TOP_PAD_PX} y2={TOP_PAD_PX + LANES_HEIGHT_PX} />
              <text
                className="tl-tick"
                x={anchor === 'end' ? widthPx - x(tick) - 1 : 0}
                y={TOP_PAD_PX + LANES_HEIGHT_PX + 17}
                textAnchor={anchor}
              >
                {text}
              </text>
            </g>
          );
        })}
        {drawn
          .filter((d) => MAJOR_KINDS.has(d.marker.kind))
          .map((d) => (
            <line
              key={markerKey(d.marker)}
              className={`tl-major tl-major-${d.marker.kind}`}
              x1={x(d.marker.atMs)}
              x2={x(d.marker.atMs)}
              y1={TOP_PAD_PX}
              y2={TOP_PAD_PX + LANES_HEIGHT_PX}
            />
          ))}
      </svg>
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG group of labelled markers; no HTML element fits. */}
      <svg className="tl-svg tl-layer" {...size} role="group" aria-label="Events of the run">
        {drawn.map((d) => {
          const { marker } = d;
          const y = laneMidY(marker.lane);
          const label = markerLabel(d);
          const common = {
            'data-testid': `marker.${marker.kind}`,
            'data-at-ms': marker.atMs,
            role: 'img',
            'aria-label': label,
          };
          if (marker.untilMs !== undefined) {
            const x0 = x(marker.atMs);
            const w = Math.max(4, x(marker.untilMs) - x0);
            return (
              <g key={markerKey(marker)} {...common} data-until-ms={marker.untilMs}>
                <title>{label}</title>
                <rect
                  className={`glyph glyph-${marker.kind}`}
                  x={x0 - (w === 4 ? 2 : 0)}
                  y={y - 5}
                  width={w}
                  height={10}
                />
              </g>
            );
          }
          return (
            <g key={markerKey(marker)} {...common} transform={`translate(${x(marker.atMs)},${y})`}>
              <title>{label}</title>
              <MarkerGlyph kind={marker.kind} />
            </g>
          );
        })}
      </svg>
      <svg className="tl-svg tl-layer tl-texts" {...size} aria-hidden="true">
        {labelled.map((l) => (
          <text key={l.key} className="tl-short" x={l.x} y={l.y} dominantBaseline="central">
            {l.text}
          </text>
        ))}
      </svg>
    </>
  );
});

const LEGEND: readonly MarkerKind[] = [
  'reload',
  'boot',
  'link-down',
  'link-up',
  'config',
  'ike',
  'sa-installed',
  'sa-deleted',
  'syslog-warning',
  'syslog-error',
  'syslog-notice',
  'ping-loss',
];

/**
 * The shapes of the kinds this run has (a run without link changes needs no "link down").
 * Memoised on the run's markers: a hub run has thousands, not to be walked at every frame.
 */
const Legend = memo(function Legend({ markers }: { markers: readonly TimelineMarker[] }) {
  const present = new Set<MarkerKind>(markers.map((m) => (m.kind === 'exec' ? 'config' : m.kind)));
  return (
    <ul className="tl-legend" aria-label="Marker shapes">
      {LEGEND.filter((kind) => present.has(kind)).map((kind) => (
        <li key={kind}>
          <svg width="18" height="18" viewBox="-9 -9 18 18" aria-hidden="true">
            <MarkerGlyph kind={kind} />
          </svg>
          {MARKER_TEXT[kind]}
        </li>
      ))}
    </ul>
  );
});

/** Ctrl (or ⌘) + wheel zooms; a plain wheel keeps scrolling the page. */
function zoomOnCtrlWheel(event: WheelEvent): void {
  if (!event.ctrlKey && !event.metaKey) return;
  event.preventDefault();
  if (event.deltaY < 0) zoomIn();
  else if (event.deltaY > 0) zoomOut();
}

interface WindowState {
  runKey: object | null;
  level: number;
  startMs: number;
}

export function TimelineBar() {
  const run = useViewRun();
  const t = useView((s) => s.t);
  const { seek } = useRunSource();
  const level = useTimelineZoom((s) => s.level);
  const markers = useMemo<TimelineMarker[]>(() => (run ? timelineMarkers(run) : []), [run]);
  const [measureRef, widthPx] = useElementWidth<HTMLDivElement>();
  const trackRef = useCallback(
    (element: HTMLDivElement | null) => {
      if (!element) return;
      const stopMeasuring = measureRef(element);
      element.addEventListener('wheel', zoomOnCtrlWheel, { passive: false });
      return () => {
        element.removeEventListener('wheel', zoomOnCtrlWheel);
        if (typeof stopMeasuring === 'function') stopMeasuring();
      };
    },
    [measureRef],
  );
  const thumbRef = useRef<HTMLDivElement>(null);
  const [dragging, setDragging] = useState(false);
  const [hover, setHover] = useState<DrawnMarker | null>(null);
  const titleId = useId();

  const durationMs = run?.durationMs ?? 0;
  const windowMs = Math.min(durationMs, ZOOM_LEVELS[level]?.windowMs ?? durationMs);

  // The zoomed window: recentred on the cursor when the run or the zoom changes, then paged to
  // follow it (not while dragging). State adjusted during render, as React recommends for state
  // derived from props and previous state.
  const [win, setWin] = useState<WindowState>({ runKey: null, level: -1, startMs: 0 });
  let startMs = win.startMs;
  // Keyed on the scenario, not the Run: a run still being computed is a new Run every showing.
  const runKey = run?.loaded ?? null;
  if (win.runKey !== runKey || win.level !== level) {
    startMs = followWindow(Number.NEGATIVE_INFINITY, t, windowMs, durationMs);
  } else if (!dragging) {
    startMs = followWindow(win.startMs, t, windowMs, durationMs);
  }
  if (startMs !== win.startMs || win.runKey !== runKey || win.level !== level) {
    setWin({ runKey, level, startMs });
  }
  const endMs = startMs + windowMs;
  const plotWidthPx = Math.max(1, widthPx - LABEL_WIDTH_PX - RIGHT_PAD_PX);
  const drawn = useMemo(
    () => visibleMarkers(markers, { startMs, endMs }, plotWidthPx),
    [markers, startMs, endMs, plotWidthPx],
  );
  // Built when the window or the width changes, not at every frame.
  const x = useMemo(() => makeScale(startMs, endMs, widthPx), [startMs, endMs, widthPx]);
  const msPerPx = windowMs / plotWidthPx;

  if (!run) return null;

  const timeAt = (clientX: number, element: HTMLElement) =>
    x.invert(clientX - element.getBoundingClientRect().left);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    setDragging(true);
    setHover(null);
    seek(snapToMarker(markers, timeAt(event.clientX, event.currentTarget), SNAP_PX * msPerPx));
    thumbRef.current?.focus({ preventScroll: true });
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (dragging) {
      seek(timeAt(event.clientX, event.currentTarget));
      return;
    }
    const at = timeAt(event.clientX, event.currentTarget);
    const y = event.clientY - event.currentTarget.getBoundingClientRect().top;
    const lane = LANES[Math.floor((y - TOP_PAD_PX) / LANE_HEIGHT_PX)];
    let best: DrawnMarker | null = null;
    let bestPx = HOVER_PX;
    for (const d of drawn) {
      if (d.marker.lane !== lane) continue;
      const until = d.marker.untilMs ?? d.marker.atMs;
      const distancePx =
        at >= d.marker.atMs && at <= until
          ? 0
          : Math.min(Math.abs(at - d.marker.atMs), Math.abs(at - until)) / msPerPx;
      if (distancePx <= bestPx) {
        best = d;
        bestPx = distancePx;
      }
    }
    setHover(best);
  };
  const endDrag = (event: PointerEvent<HTMLDivElement>) => {
    if (event.currentTarget.hasPointerCapture(event.pointerId))
      event.currentTarget.releasePointerCapture(event.pointerId);
    setDragging(false);
  };
  const onThumbKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const key = scrubberKeyFor(event.key);
    if (!key) return;
    event.preventDefault();
    seek(key.target(t, durationMs));
  };

  const cursorX = x(t);
  const zoomed = windowMs < durationMs;
  const hoverX = hover ? x(hover.marker.atMs) : 0;

  return (
    <section
      className="timeline"
      aria-labelledby={titleId}
      data-testid="timeline"
      data-run-complete={isComplete(run) ? 'true' : 'false'}
    >
      <div className="tl-header">
        <h2 id={titleId} className="tl-title">
          Timeline
        </h2>
        <fieldset className="tl-zoom">
          <legend className="visually-hidden">Timeline zoom around the cursor</legend>
          {ZOOM_LEVELS.map((z, i) => (
            <button
              key={z.id}
              type="button"
              className="tl-zoom-button"
              aria-pressed={i === level}
              onClick={() => setZoomLevel(i)}
              data-testid={`timeline.zoom.${z.id}`}
            >
              {z.label}
            </button>
          ))}
        </fieldset>
      </div>
      <div
        ref={trackRef}
        className={dragging ? 'tl-track tl-dragging' : 'tl-track'}
        style={{ height: HEIGHT_PX }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        onPointerLeave={() => setHover(null)}
        data-testid="timeline.track"
      >
        {widthPx > 0 && (
          <MarkerLayer drawn={drawn} startMs={startMs} endMs={endMs} widthPx={widthPx} />
        )}
        {widthPx > 0 && run.computedUntilMs < endMs && (
          <div
            className="tl-computing"
            style={{
              left: x(Math.max(startMs, run.computedUntilMs)),
              width: x(endMs) - x(Math.max(startMs, run.computedUntilMs)),
              height: TOP_PAD_PX + LANES_HEIGHT_PX,
            }}
            data-testid="timeline.computing"
            data-computed-until-ms={run.computedUntilMs}
          >
            <span className="tl-computing-label">Simulating…</span>
          </div>
        )}
        <div
          ref={thumbRef}
          className="tl-thumb"
          style={{ left: cursorX, height: TOP_PAD_PX + LANES_HEIGHT_PX }}
          role="slider"
          tabIndex={0}
          aria-label="Playback position"
          aria-valuemin={0}
          aria-valuemax={durationMs}
          aria-valuenow={Math.round(t)}
          aria-valuetext={scrubberValueText(t, markers)}
          onKeyDown={onThumbKeyDown}
          data-testid="timeline.scrubber"
        >
          <span className="tl-thumb-line" />
          <span className="tl-thumb-handle" />
        </div>
        {hover && (
          <div
            className="tl-tooltip"
            role="tooltip"
            style={{
              left: Math.max(140, Math.min(widthPx - 140, hoverX)),
              top: laneMidY(hover.marker.lane) - 14,
            }}
          >
            {markerLabel(hover)}
          </div>
        )}
      </div>
      <div className="tl-footer">
        <Legend markers={markers} />
        <span
          className="tl-window"
          data-testid="timeline.window"
          data-start-ms={Math.round(startMs)}
          data-end-ms={Math.round(endMs)}
        >
          {zoomed
            ? `Showing ${formatTick(startMs, windowMs)} – ${formatTick(endMs, windowMs)}`
            : `Whole run, 00:00 – ${formatTick(durationMs, durationMs)}`}
        </span>
      </div>
    </section>
  );
}
