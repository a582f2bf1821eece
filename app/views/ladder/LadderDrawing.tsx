// The ladder's SVG for one window of y: lifelines and their names, folded gaps with their length,
// arrows with their labels (a cross and the reason where a packet died) and marks on the
// lifelines. Colours and fonts are attributes, not CSS, so that an exported SVG looks the same.

import { type KeyboardEvent, memo, type ReactNode } from 'react';
import { formatTime } from '../../trace/formatText';
import { lasted } from '../health/durations';
import { type Box, labelBox, labelPlacer, labelSpot } from './ladderLabels';
import type { LadderGap, LadderLayout, LadderWindow } from './ladderLayout';
import { yAt } from './ladderLayout';
import type { LadderArrow, LadderMark } from './ladderModel';

export const MONO = 'DejaVu Sans Mono, Menlo, Consolas, monospace';
export const SANS = 'DejaVu Sans, Segoe UI, Roboto, sans-serif';
/** The left margin, where times are written (px). */
export const TIME_MARGIN_PX = 96;
/** Room beside the outer lifelines for their marks' labels (px): at most, and at least. */
const SIDE_MAX_PX = 150;
const SIDE_MIN_PX = 120;
/** Least distance between two lifelines (px): a DELETE's label fits between them. */
export const MIN_LANE_SPACING_PX = 170;
/** The band with the lifelines' names, at the top of the window (px). */
export const HEAD_PX = 30;
/** Two labels closer than this (px) in the same place: the later one is left to its tooltip. */
const LABEL_ROOM_PX = 13;

export interface LaneGeometry {
  x: Map<string, number>;
  widthPx: number;
}

/** Lifelines spread over the width, at least MIN_LANE_SPACING_PX apart (then it scrolls). */
export function laneGeometry(lanes: readonly string[], widthPx: number): LaneGeometry {
  const side = Math.max(
    SIDE_MIN_PX,
    Math.min(SIDE_MAX_PX, (widthPx - TIME_MARGIN_PX - MIN_LANE_SPACING_PX) / 2),
  );
  const inner = widthPx - TIME_MARGIN_PX - 2 * side;
  const spacing = lanes.length > 1 ? Math.max(MIN_LANE_SPACING_PX, inner / (lanes.length - 1)) : 0;
  const x = new Map<string, number>();
  lanes.forEach((lane, i) => {
    x.set(lane, lanes.length > 1 ? TIME_MARGIN_PX + side + i * spacing : widthPx / 2);
  });
  const used = TIME_MARGIN_PX + 2 * side + spacing * Math.max(0, lanes.length - 1);
  return { x, widthPx: Math.max(widthPx, used) };
}

function gapText(durationMs: number): string {
  return durationMs < 1000 ? `${Math.round(durationMs)} ms quiet` : `${lasted(durationMs)} quiet`;
}

function Gap({ gap, widthPx }: { gap: LadderGap; widthPx: number }) {
  const mid = (gap.y0 + gap.y1) / 2;
  return (
    <g data-testid="ladder.gap" data-from-ms={gap.fromMs} data-to-ms={gap.toMs}>
      <rect x={0} y={gap.y0 + 3} width={widthPx} height={gap.y1 - gap.y0 - 6} fill="#eef1f4" />
      <text x={8} y={mid + 4} fontSize={11} fontFamily={SANS} fill="#4b5866">
        {gapText(gap.toMs - gap.fromMs)}
      </text>
      <text x={8} y={gap.y1 + 13} fontSize={11} fontFamily={MONO} fill="#17202a">
        {formatTime(gap.toMs).slice(3)}
      </text>
    </g>
  );
}

/** Enter or Space on an arrow or a mark seeks, like a click. */
function pickOnKey(onPick: (atMs: number) => void, atMs: number) {
  return (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onPick(atMs);
  };
}

/** "invalid SPI 0x7C9A5035" for "invalid SPI 0x7C9A5035: no inbound SA": up to the colon. */
function shortReason(reason: string): string {
  const colon = reason.indexOf(':');
  const short = colon > 0 ? reason.slice(0, colon) : reason;
  return short.length > 30 ? `${short.slice(0, 29)}…` : short;
}

function arrowTitle(arrow: LadderArrow): string {
  const at = formatTime(arrow.atMs);
  const fate = arrow.dropped
    ? `, dropped at ${arrow.droppedAt ?? '?'} (${formatTime(arrow.endMs)}): ${arrow.dropped}`
    : `, arrives ${formatTime(arrow.endMs)}`;
  return `${at} ${arrow.look.description}${fate}`;
}

/** An arrow's label: as the topology labels it, with a cross when it was dropped; '' for none. */
function arrowText(arrow: LadderArrow): string {
  return arrow.dropped
    ? `${arrow.look.label || arrow.msg} ✕`
    : arrow.look.label || (arrow.msg === 'IP' ? '' : arrow.msg);
}

function Arrow({
  arrow,
  x0,
  x1,
  y0,
  y1,
  label,
  reasonSide,
  onPick,
}: {
  arrow: LadderArrow;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** Where the label goes (its centre and baseline), or null when it has no room on screen. */
  label: { x: number; y: number } | null;
  /** Where the drop's reason goes beside its cross, or null when there is no room for it. */
  reasonSide: 'left' | 'right' | null;
  onPick: (atMs: number) => void;
}) {
  const xEnd = x0 + (x1 - x0) * arrow.endFraction;
  const colour = arrow.look.fill;
  const length = Math.hypot(xEnd - x0, y1 - y0) || 1;
  const ux = (xEnd - x0) / length;
  const uy = (y1 - y0) / length;
  const head = 8;
  const text = arrowText(arrow);
  return (
    // biome-ignore lint/a11y/useSemanticElements: SVG has no <button>; this group acts as one
    <g
      className="ladder-arrow"
      data-msg={arrow.msg}
      data-src={arrow.src}
      data-dst={arrow.dst}
      data-at-ms={arrow.atMs}
      data-spi={arrow.spi ?? undefined}
      data-dropped={arrow.dropped ?? undefined}
      role="button"
      tabIndex={0}
      aria-label={arrowTitle(arrow)}
      onClick={() => onPick(arrow.atMs)}
      onKeyDown={pickOnKey(onPick, arrow.atMs)}
    >
      <title>{arrowTitle(arrow)}</title>
      <line x1={x0} y1={y0} x2={xEnd} y2={y1} stroke="transparent" strokeWidth={12} />
      <line
        x1={x0}
        y1={y0}
        x2={xEnd}
        y2={y1}
        stroke={colour}
        strokeWidth={arrow.msg === 'ESP' ? 1.4 : 2}
        strokeDasharray={arrow.dropped ? '5 3' : undefined}
      />
      {arrow.dropped ? (
        <path
          d={`M${xEnd - 6},${y1 - 6}L${xEnd + 6},${y1 + 6}M${xEnd - 6},${y1 + 6}L${xEnd + 6},${y1 - 6}`}
          stroke="#b3261e"
          strokeWidth={2.5}
        />
      ) : (
        <path
          d={`M${xEnd},${y1}L${xEnd - head * ux - (head / 2) * uy},${y1 - head * uy + (head / 2) * ux}L${xEnd - head * ux + (head / 2) * uy},${y1 - head * uy - (head / 2) * ux}Z`}
          fill={colour}
        />
      )}
      {label && text !== '' && (
        <text
          className="ladder-arrow-label"
          x={label.x}
          y={label.y}
          textAnchor="middle"
          fontSize={12}
          fontFamily={MONO}
          fontWeight={arrow.msg === 'ESP' ? 400 : 700}
          fill={arrow.dropped ? '#b3261e' : colour}
          stroke="#fff"
          strokeWidth={3.5}
          paintOrder="stroke"
        >
          {text}
        </text>
      )}
      {reasonSide && arrow.dropped && (
        <text
          x={xEnd + (reasonSide === 'right' ? 10 : -10)}
          y={y1 + 4}
          textAnchor={reasonSide === 'right' ? 'start' : 'end'}
          fontSize={11}
          fontFamily={SANS}
          fill="#b3261e"
          stroke="#fff"
          strokeWidth={3}
          paintOrder="stroke"
        >
          {shortReason(arrow.dropped)}
        </text>
      )}
    </g>
  );
}

const MARK_COLOUR: Record<LadderMark['kind'], string> = {
  warning: '#8a5a00',
  syslog: '#4b5866',
  state: '#4b5866',
  drop: '#b3261e',
};

function Mark({
  mark,
  x,
  y,
  side,
  label,
  onPick,
}: {
  mark: LadderMark;
  x: number;
  y: number;
  side: 'left' | 'right';
  label: boolean;
  onPick: (atMs: number) => void;
}) {
  const colour = MARK_COLOUR[mark.kind];
  let glyph: ReactNode;
  if (mark.kind === 'warning') {
    glyph = (
      <path
        d={`M${x},${y - 7}L${x + 7},${y + 5}L${x - 7},${y + 5}Z`}
        fill="#f2b233"
        stroke={colour}
      />
    );
  } else if (mark.kind === 'drop') {
    glyph = (
      <path
        d={`M${x - 5},${y - 5}L${x + 5},${y + 5}M${x - 5},${y + 5}L${x + 5},${y - 5}`}
        stroke={colour}
        strokeWidth={2.5}
      />
    );
  } else {
    glyph = <circle cx={x} cy={y} r={3.5} fill="#fff" stroke={colour} strokeWidth={1.5} />;
  }
  const title = `${formatTime(mark.atMs)} ${mark.node}: ${mark.text}`;
  return (
    // biome-ignore lint/a11y/useSemanticElements: SVG has no <button>; this group acts as one
    <g
      className="ladder-mark"
      data-mark={mark.kind}
      data-node={mark.node}
      data-at-ms={mark.atMs}
      role="button"
      tabIndex={0}
      aria-label={title}
      onClick={() => onPick(mark.atMs)}
      onKeyDown={pickOnKey(onPick, mark.atMs)}
    >
      <title>{title}</title>
      <rect x={x - 8} y={y - 8} width={16} height={16} fill="transparent" />
      {glyph}
      {label && (
        <text
          x={side === 'right' ? x + 10 : x - 10}
          y={y + 4}
          textAnchor={side === 'right' ? 'start' : 'end'}
          fontSize={11}
          fontFamily={SANS}
          fontWeight={mark.kind === 'warning' ? 700 : 400}
          fill={colour}
          stroke="#fff"
          strokeWidth={3}
          paintOrder="stroke"
        >
          {mark.label}
        </text>
      )}
    </g>
  );
}

/** A mark's label box beside its lifeline (11 px sans, about 6.5 px a character). */
function markLabelBox(mark: LadderMark, x: number, y: number, side: 'left' | 'right'): Box {
  const width = mark.label.length * 6.5 + 4;
  const x0 = side === 'right' ? x + 8 : x - 10 - width;
  return { x0, y0: y - 8, x1: x0 + width, y1: y + 6 };
}

/** Skips a label that would sit on the last one kept in the same place. */
function labelRoom(): (place: string, y: number) => boolean {
  const last = new Map<string, number>();
  return (place, y) => {
    const before = last.get(place);
    if (before !== undefined && Math.abs(y - before) < LABEL_ROOM_PX) return false;
    last.set(place, y);
    return true;
  };
}

export interface LadderDrawingProps {
  lanes: readonly string[];
  geometry: LaneGeometry;
  layout: LadderLayout;
  window: LadderWindow;
  /** The window's top (px in the layout) and its height. */
  topPx: number;
  heightPx: number;
  /** Where the viewport's top is (px in the layout): the lifelines' names stay there. */
  viewTopPx: number;
  /** The viewport's left edge (px in the layout) and its size: arrow labels stay inside it. */
  viewLeftPx: number;
  viewWidthPx: number;
  viewHeightPx: number;
  onPick: (atMs: number) => void;
}

/** The window's drawing, in layout coordinates (the viewBox starts at the window's top). */
export const LadderDrawing = memo(function LadderDrawing({
  lanes,
  geometry,
  layout,
  window,
  topPx,
  heightPx,
  viewTopPx,
  viewLeftPx,
  viewWidthPx,
  viewHeightPx,
  onPick,
}: LadderDrawingProps) {
  const markRoom = labelRoom();
  const placed = labelPlacer();
  const middle = geometry.widthPx / 2;
  // What the viewport shows below the lifelines' names: arrow labels go there or nowhere.
  const view: Box = {
    x0: viewLeftPx,
    x1: viewLeftPx + viewWidthPx,
    y0: viewTopPx + HEAD_PX,
    y1: viewTopPx + viewHeightPx,
  };
  // Marks' labels claim their room first: a warning outranks a drop's reason or an arrow's label.
  const marks = window.marks.flatMap((mark) => {
    const x = geometry.x.get(mark.node);
    if (x === undefined) return [];
    const y = yAt(layout, mark.atMs);
    const side = x < middle ? ('left' as const) : ('right' as const);
    const label = markRoom(mark.node, y);
    if (label) placed(markLabelBox(mark, x, y, side));
    return [{ mark, x, y, side, label }];
  });
  const arrows = window.arrows.flatMap((arrow) => {
    const x0 = geometry.x.get(arrow.src);
    const x1 = geometry.x.get(arrow.dst);
    if (x0 === undefined || x1 === undefined) return [];
    const y0 = yAt(layout, arrow.atMs);
    const y1 = yAt(layout, arrow.endMs);
    const pair = arrow.src < arrow.dst ? `${arrow.src}|${arrow.dst}` : `${arrow.dst}|${arrow.src}`;
    const xEnd = x0 + (x1 - x0) * arrow.endFraction;
    const text = arrowText(arrow);
    const spot = text === '' ? null : labelSpot(text, { x0, y0, x1: xEnd, y1 }, view);
    const label = spot && placed(labelBox(text, spot.x, spot.y)) ? spot : null;
    // A drop's reason sits beside the lifeline where it died, sharing the marks' room there.
    const reasonSide: 'left' | 'right' | null =
      arrow.dropped !== null && markRoom(arrow.droppedAt ?? pair, y1)
        ? xEnd < middle
          ? 'left'
          : 'right'
        : null;
    return [{ arrow, x0, x1, y0, y1, label, reasonSide }];
  });
  return (
    <svg
      className="ladder-svg"
      width={geometry.widthPx}
      height={heightPx}
      viewBox={`0 ${topPx} ${geometry.widthPx} ${heightPx}`}
      style={{ top: topPx }}
      role="img"
      aria-label="Ladder diagram: lifelines left to right, time running down"
    >
      {window.gaps.map((gap) => (
        <Gap key={gap.fromMs} gap={gap} widthPx={geometry.widthPx} />
      ))}
      {lanes.map((lane) => {
        const x = geometry.x.get(lane) ?? 0;
        return (
          <line
            key={lane}
            x1={x}
            x2={x}
            y1={topPx}
            y2={topPx + heightPx}
            stroke="#8a96a3"
            strokeWidth={1.5}
          />
        );
      })}
      {/* Labelled arrows last, so that no other arrow's line is painted over their labels. */}
      {[...arrows.filter((a) => a.label === null), ...arrows.filter((a) => a.label !== null)].map(
        (props) => (
          <Arrow key={props.arrow.packetId} {...props} onPick={onPick} />
        ),
      )}
      {marks.map(({ mark, x, y, side, label }) => (
        <Mark key={mark.id} mark={mark} x={x} y={y} side={side} label={label} onPick={onPick} />
      ))}
      <g className="ladder-heads">
        <rect x={0} y={viewTopPx} width={geometry.widthPx} height={HEAD_PX} fill="#ffffff" />
        {lanes.map((lane) => (
          <text
            key={lane}
            x={geometry.x.get(lane) ?? 0}
            y={viewTopPx + 20}
            textAnchor="middle"
            fontSize={14}
            fontWeight={700}
            fontFamily={SANS}
            fill="#17202a"
          >
            {lane}
          </text>
        ))}
      </g>
    </svg>
  );
});
