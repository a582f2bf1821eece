// A compact, read-only topology for one compare column: nodes where the scenario puts them,
// links up or down, packets in flight and fresh drops, all drawn from the frame at the shared
// cursor. (The studio's TopologyView reads the global store, so the compare screen draws its own.)
// Routers are boxes with their name and state; in a crowded scenario (a DMVPN ring) they are
// small discs carrying the same state mark, named in a tooltip.

import { useMemo, useRef } from 'react';
import type { Frame } from '../sim/frame';
import type { Run } from '../sim/run';
import { useElementWidth } from '../views/health/useElementWidth';
import {
  CLOUD_HALF_PX,
  COMPACT_CLOUD_HALF_PX,
  COMPACT_ROUTER_R_PX,
  edgePoint,
  glyphScale,
  lerp,
  type MiniLayout,
  miniLayout,
  type NodePlace,
  ROUTER_HALF_PX,
} from './miniLayout';
import type { RouterSummary, RouterTone } from './routerSummary';

const BOX = { width: ROUTER_HALF_PX.x * 2, height: ROUTER_HALF_PX.y * 2 };
const FALLBACK_WIDTH_PX = 560;

const TONE_MARK: Record<RouterTone, string> = {
  up: '●',
  negotiating: '◐',
  none: '○',
  booting: '↻',
};

interface Props {
  run: Run;
  frame: Frame;
  summaries: ReadonlyMap<string, RouterSummary>;
  /** Prefix of test ids: "compare.a". */
  testId: string;
  label: string;
}

/** What every layer needs to draw at the right place and size. */
interface Stage {
  layout: MiniLayout;
  /** Glyph scale (glyphScale of the column width). */
  k: number;
}

export function MiniTopology({ run, frame, summaries, testId, label }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const measured = useElementWidth(ref);
  const width = measured > 0 ? measured : FALLBACK_WIDTH_PX;
  const nodes = run.loaded.scenario.nodes;
  const stage = useMemo<Stage>(
    () => ({ layout: miniLayout(nodes, width), k: glyphScale(width) }),
    [nodes, width],
  );
  const { layout } = stage;
  return (
    <div
      ref={ref}
      className="cmp-topo"
      data-testid={`${testId}.topology`}
      data-compact={layout.compact}
    >
      <svg width={layout.width} height={layout.height} role="img" aria-label={label}>
        <Links run={run} frame={frame} stage={stage} />
        {[...layout.places.values()].map((place) =>
          place.kind === 'cloud' ? (
            <Cloud key={place.id} place={place} stage={stage} />
          ) : (
            <RouterGlyph
              key={place.id}
              place={place}
              stage={stage}
              summary={summaries.get(place.id)}
              testId={testId}
            />
          ),
        )}
        <Packets frame={frame} stage={stage} />
        <Drops frame={frame} stage={stage} />
      </svg>
    </div>
  );
}

function Links({ run, frame, stage }: { run: Run; frame: Frame; stage: Stage }) {
  const { layout, k } = stage;
  return (
    <g>
      {run.loaded.scenario.links.map((link) => {
        const a = layout.places.get(link.a);
        const b = layout.places.get(link.b);
        if (!a || !b) return null;
        const up = frame.linksUp[link.id] ?? true;
        const mid = lerp(a, b, 0.5);
        return (
          <g key={link.id} data-link={link.id} data-up={up}>
            <line
              x1={a.x}
              y1={a.y}
              x2={b.x}
              y2={b.y}
              className={up ? 'cmp-link' : 'cmp-link cmp-link-down'}
            />
            {!up && (
              <g transform={`translate(${mid.x},${mid.y}) scale(${k})`}>
                <rect x={-34} y={-13} width={68} height={26} rx={5} className="cmp-link-down-tag" />
                <text className="cmp-link-down-text" textAnchor="middle" dy="0.35em">
                  ✕ down
                </text>
              </g>
            )}
          </g>
        );
      })}
    </g>
  );
}

function Cloud({ place, stage }: { place: NodePlace; stage: Stage }) {
  const half = stage.layout.compact ? COMPACT_CLOUD_HALF_PX : CLOUD_HALF_PX;
  return (
    <g transform={`translate(${place.x},${place.y}) scale(${stage.k})`}>
      <ellipse rx={half.x} ry={half.y} className="cmp-cloud" />
      <text
        className={
          stage.layout.compact ? 'cmp-cloud-name cmp-cloud-name-compact' : 'cmp-cloud-name'
        }
        textAnchor="middle"
        dy="0.35em"
      >
        {place.id}
      </text>
    </g>
  );
}

function RouterGlyph({
  place,
  stage,
  summary,
  testId,
}: {
  place: NodePlace;
  stage: Stage;
  summary: RouterSummary | undefined;
  testId: string;
}) {
  const tone = summary?.tone ?? 'none';
  const state = summary?.state ?? '';
  const stale = (summary?.staleOutbound ?? 0) > 0;
  const { compact, showNames } = stage.layout;
  return (
    <g
      transform={`translate(${place.x},${place.y}) scale(${stage.k})`}
      className={`cmp-router cmp-tone-${tone}`}
      data-testid={`${testId}.node.${place.id}`}
      data-tone={tone}
      data-state={state}
    >
      <title>{`${place.id}: ${state}${stale ? ', encrypts with an SPI its peer does not have' : ''}`}</title>
      {compact ? (
        <>
          <circle r={COMPACT_ROUTER_R_PX} className="cmp-router-box" />
          <text className="cmp-router-mark" textAnchor="middle" dy="0.35em">
            {TONE_MARK[tone]}
          </text>
          {showNames && (
            <text
              className="cmp-router-name-compact"
              textAnchor="middle"
              y={COMPACT_ROUTER_R_PX + 13}
            >
              {place.id}
            </text>
          )}
          {stale && (
            <circle
              r={4}
              cx={COMPACT_ROUTER_R_PX}
              cy={-COMPACT_ROUTER_R_PX}
              className="cmp-badge-alert"
            />
          )}
        </>
      ) : (
        <>
          <rect
            x={-BOX.width / 2}
            y={-BOX.height / 2}
            width={BOX.width}
            height={BOX.height}
            rx={8}
            className="cmp-router-box"
          />
          <text className="cmp-router-name" textAnchor="middle" y={-5}>
            {place.id}
          </text>
          <text className="cmp-router-state" textAnchor="middle" y={15}>
            {TONE_MARK[tone]} {state}
          </text>
          {stale && (
            <g transform={`translate(${BOX.width / 2 - 4},${-BOX.height / 2 + 2})`}>
              <circle r={11} className="cmp-badge-alert" />
              <text className="cmp-badge-text" textAnchor="middle" dy="0.35em">
                !
              </text>
            </g>
          )}
        </>
      )}
    </g>
  );
}

function Packets({ frame, stage }: { frame: Frame; stage: Stage }) {
  const { layout, k } = stage;
  const size = layout.compact ? 0.7 : 1;
  return (
    <g>
      {frame.inFlight.map(({ sent, hop, hopProgress }) => {
        const path = sent.path ?? [];
        const from = layout.places.get(path[hop] ?? '');
        const to = layout.places.get(path[hop + 1] ?? '');
        if (!from || !to) return null;
        const at = lerp(
          edgePoint(from, to, k, layout.compact),
          edgePoint(to, from, k, layout.compact),
          hopProgress,
        );
        const kind = sent.proto;
        return (
          <g
            key={sent.packetId}
            transform={`translate(${at.x},${at.y}) scale(${k * size})`}
            className={`cmp-packet cmp-packet-${kind}`}
          >
            {kind === 'isakmp' ? (
              <>
                <rect x={-7} y={-7} width={14} height={14} transform="rotate(45)" />
                {sent.msg && !layout.compact && (
                  <text className="cmp-packet-label" textAnchor="middle" y={-13}>
                    {sent.msg}
                  </text>
                )}
              </>
            ) : kind === 'esp' ? (
              <circle r={6.5} />
            ) : (
              <rect x={-6} y={-6} width={12} height={12} />
            )}
          </g>
        );
      })}
    </g>
  );
}

/** Fresh drops, under the router that dropped them (drawn above the routers). */
function Drops({ frame, stage }: { frame: Frame; stage: Stage }) {
  const { layout, k } = stage;
  const below = layout.compact ? COMPACT_ROUTER_R_PX + 10 : BOX.height / 2 + 12;
  const seen = new Set<string>();
  return (
    <g>
      {frame.recentDrops.map(({ drop, sent }) => {
        const node = drop.node ?? sent?.node ?? '';
        const place = layout.places.get(node);
        // One mark per router: several drops at once read as one "drop" there.
        if (!place || seen.has(node)) return null;
        seen.add(node);
        return (
          <g
            key={`drop-${drop.packetId}`}
            transform={`translate(${place.x},${place.y + below * k}) scale(${k})`}
            className="cmp-drop"
          >
            <text textAnchor="middle" dy="0.35em">
              {layout.compact ? '✕' : '✕ drop'}
            </text>
          </g>
        );
      })}
    </g>
  );
}
