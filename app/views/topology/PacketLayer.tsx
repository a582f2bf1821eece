// Packets in flight at the cursor: each at its point along its path, drawn from the frame (a
// pure function of t, so pausing, scrubbing and reduced motion all show the same picture), with
// its label where the moving layout placed it. Work proportional to the packets in the air.

import type { PlacedPacket } from './frameLayout';
import { PacketShape } from './PacketShape';

export interface PacketLayerProps {
  packets: readonly PlacedPacket[];
  /** Scenario units per glyph px. */
  unit: number;
}

export function PacketLayer({ packets, unit }: PacketLayerProps) {
  return (
    <g className="topo-packets" aria-hidden={packets.length === 0 ? true : undefined}>
      {packets.map(({ sent, at, look, label }) => (
        <g
          key={sent.packetId}
          className="topo-packet"
          transform={`translate(${at.x} ${at.y}) scale(${unit})`}
          data-testid={`packet.${sent.packetId}`}
          data-proto={sent.proto}
          data-msg={sent.msg ?? ''}
          data-spi={sent.spi ?? sent.deleteSpi ?? ''}
          data-stale={look.stale ? 'true' : undefined}
          data-shows-label={label ? look.label : undefined}
        >
          <title>{look.description}</title>
          <PacketShape
            shape={look.shape}
            label={look.label}
            fill={look.fill}
            stale={look.stale}
            labelDx={label ? label.dx : null}
            labelDy={label?.dy}
            leader={label?.leader}
          />
        </g>
      ))}
    </g>
  );
}
