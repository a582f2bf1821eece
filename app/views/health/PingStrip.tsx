import { type ScaleLinear, scaleLinear } from 'd3-scale';
import { symbol, symbolTriangle } from 'd3-shape';
import { memo, type ReactNode, useId, useMemo, useRef } from 'react';
import { useViewCursor } from '../runContext';
import type { PingSegment } from './pingHealth';
import { useElementWidth } from './useElementWidth';

const HEIGHT_PX = 26;
const BAR_TOP_PX = 7;
const BAR_PX = HEIGHT_PX - BAR_TOP_PX;
/** The cursor's head: a small downward triangle above the bar. */
const CURSOR_HEAD = symbol(symbolTriangle, 42)() ?? '';

interface Props {
  flow: string;
  segments: readonly PingSegment[];
  durationMs: number;
}

/**
 * A flow's pings along the whole run: green where they came back, red and hatched where they
 * were lost, revealed up to the cursor (the rest is still to come). The stretches are drawn
 * once per run and width; only the reveal and the cursor line follow t, and only when they move
 * by a device pixel.
 */
export const PingStrip = memo(function PingStrip({ flow, segments, durationMs }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useElementWidth(ref);
  const ids = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const hatchId = `hatch-${ids}`;
  const clipId = `clip-${ids}`;
  const x = useMemo(
    () =>
      scaleLinear()
        .domain([0, Math.max(1, durationMs)])
        .range([0, width])
        .clamp(true),
    [durationMs, width],
  );
  const stretches = useMemo(
    () =>
      segments.map((segment) => {
        const left = x(segment.fromMs);
        const barWidth = Math.max(1, x(segment.toMs) - left);
        return (
          <rect
            key={segment.fromMs}
            x={left}
            y={BAR_TOP_PX}
            width={barWidth}
            height={BAR_PX}
            className={segment.ok ? 'health-ok' : 'health-lost'}
            fill={segment.ok ? undefined : `url(#${hatchId})`}
          />
        );
      }),
    [segments, x, hatchId],
  );
  return (
    <div ref={ref} className="health-strip">
      {width > 0 && (
        <svg
          width={width}
          height={HEIGHT_PX}
          role="img"
          aria-label={`Pings of ${flow} over the run: green came back, red hatched were lost`}
        >
          <defs>
            <pattern
              id={hatchId}
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="6" height="6" className="health-lost-fill" />
              <rect width="2.5" height="6" className="health-lost-stripe" />
            </pattern>
          </defs>
          <rect x={0} y={BAR_TOP_PX} width={width} height={BAR_PX} className="health-track" />
          <RevealedAtCursor x={x} clipId={clipId}>
            {stretches}
          </RevealedAtCursor>
        </svg>
      )}
    </div>
  );
});

/** x(t) rounded to the device pixel: the cursor redraws only when it visibly moves. */
function pixelAt(x: ScaleLinear<number, number>, t: number): number {
  const dpr = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  return Math.round(x(t) * dpr) / dpr;
}

interface RevealProps {
  clipId: string;
  /** The stretches, memoised by the strip: the same elements at every cursor move. */
  children: ReactNode;
}

/** The strip's only part that follows the cursor, re-rendered when it moves a pixel. */
function RevealedAtCursor({ x, ...props }: RevealProps & { x: ScaleLinear<number, number> }) {
  const cursorX = useViewCursor((t) => pixelAt(x, t));
  return <Revealed cursorX={cursorX} {...props} />;
}

/** The stretches up to the cursor, and the cursor. */
function Revealed({ cursorX, clipId, children }: RevealProps & { cursorX: number }) {
  return (
    <>
      <clipPath id={clipId}>
        <rect x={0} y={0} width={cursorX} height={HEIGHT_PX} />
      </clipPath>
      <g clipPath={`url(#${clipId})`}>{children}</g>
      <line
        x1={cursorX}
        x2={cursorX}
        y1={BAR_TOP_PX - 2}
        y2={HEIGHT_PX}
        className="health-cursor"
      />
      <path
        d={CURSOR_HEAD}
        transform={`translate(${cursorX},${BAR_TOP_PX - 3}) rotate(180)`}
        className="health-cursor-head"
      />
    </>
  );
}
