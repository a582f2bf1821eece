import { scaleLinear } from 'd3-scale';
import { useMemo, useRef } from 'react';
import { stopwatch } from './durations';
import { useElementWidth } from './useElementWidth';

const HEIGHT_PX = 22;

/** The run's time under the ping strips: a few round minute marks, labelled m:ss. */
export function TimeAxis({ durationMs }: { durationMs: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useElementWidth(ref);
  const ticks = useMemo(() => {
    const x = scaleLinear()
      .domain([0, Math.max(1, durationMs)])
      .range([0, width]);
    const count = Math.max(2, Math.floor(width / 70));
    const minuteMs = 60_000;
    // Whole minutes when the run is long enough, else whatever d3 finds round.
    const step = Math.max(1, Math.ceil(durationMs / minuteMs / count)) * minuteMs;
    const values =
      durationMs >= 2 * minuteMs
        ? Array.from({ length: Math.floor(durationMs / step) + 1 }, (_, i) => i * step)
        : x.ticks(count);
    return values.map((value) => ({ value, at: x(value) }));
  }, [durationMs, width]);
  return (
    <div ref={ref} className="health-axis" aria-hidden="true">
      {width > 0 && (
        <svg width={width} height={HEIGHT_PX} aria-hidden="true">
          {ticks.map(({ value, at }, i) => (
            <g key={value} transform={`translate(${at},0)`}>
              <line y1={0} y2={5} className="health-tick" />
              <text
                y={18}
                textAnchor={i === 0 ? 'start' : at > width - 20 ? 'end' : 'middle'}
                className="health-tick-label"
              >
                {stopwatch(value)}
              </text>
            </g>
          ))}
        </svg>
      )}
    </div>
  );
}
