// A cloud node (the ISP): a cloud outline with its id. Static: redrawn only on zoom or layout.

import { memo } from 'react';

export interface CloudGlyphProps {
  id: string;
  x: number;
  y: number;
  /** Scenario units per screen px. */
  unit: number;
  compact: boolean;
}

const CLOUD_PATH =
  'M-42 26 H44 A20 20 0 0 0 46 -12 A26 26 0 0 0 2 -26 A22 22 0 0 0 -36 -12 A20 20 0 0 0 -42 26 Z';

function CloudGlyphView({ id, x, y, unit, compact }: CloudGlyphProps) {
  const scale = compact ? unit * 0.6 : unit;
  return (
    <g
      className="topo-cloud"
      transform={`translate(${x} ${y}) scale(${scale})`}
      data-testid={`cloud.${id}`}
    >
      <title>{`${id} (cloud: the network between the routers)`}</title>
      <path d={CLOUD_PATH} />
      {/* Under the cloud: packets cross its middle. */}
      <text y={46} textAnchor="middle">
        {id}
      </text>
    </g>
  );
}

export const CloudGlyph = memo(CloudGlyphView);
