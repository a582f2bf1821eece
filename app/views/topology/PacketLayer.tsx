// Packets in flight at the cursor: each at its point along its path, drawn from the frame (a
// pure function of t, so pausing, scrubbing and reduced motion all show the same picture).
// Re-renders every frame, with work proportional to the packets in the air.

import type { Frame } from '../../sim/frame';
import { placePackets } from './frameLayout';
import { PacketShape } from './PacketShape';
import { staleSpiKeys } from './statusMemo';
import type { TopologyIndex } from './topologyIndex';

export interface PacketLayerProps {
  frame: Frame;
  index: TopologyIndex;
  /** Screen px per scenario unit (fit × zoom). */
  pxPerUnit: number;
}

export function PacketLayer({ frame, index, pxPerUnit }: PacketLayerProps) {
  const unit = 1 / pxPerUnit;
  const placed = placePackets(frame, index, staleSpiKeys(frame, index), pxPerUnit);
  return (
    <g className="topo-packets" aria-hidden={placed.length === 0 ? true : undefined}>
      {placed.map(({ sent, at, look, showLabel }) => (
        <g
          key={sent.packetId}
          className="topo-packet"
          transform={`translate(${at.x} ${at.y}) scale(${unit})`}
          data-testid={`packet.${sent.packetId}`}
          data-proto={sent.proto}
          data-msg={sent.msg ?? ''}
          data-spi={sent.spi ?? sent.deleteSpi ?? ''}
          data-stale={look.stale ? 'true' : undefined}
          data-label={showLabel ? look.label : undefined}
        >
          <title>{look.description}</title>
          <PacketShape
            shape={look.shape}
            label={look.label}
            fill={look.fill}
            stale={look.stale}
            showLabel={showLabel}
          />
        </g>
      ))}
    </g>
  );
}
