// The key to the packet shapes, drawn with the same PacketShape the stage uses.

import { memo } from 'react';
import { BURST_POINTS } from './DropLayer';
import { PacketShape, type PacketShapeProps } from './PacketShape';
import { HSRP_FILL } from './packetLook';
import { generationColour } from './spiGenerations';

interface Entry {
  key: string;
  shape: PacketShapeProps | 'drop';
  text: string;
  width: number;
}

const NAVY = '#15314f';

const ENTRIES: readonly Entry[] = [
  {
    key: 'esp',
    shape: { shape: 'esp', label: 'SPI', fill: generationColour(0), stale: false, labelDx: 0 },
    text: 'ESP with its SPI (new SA, new colour)',
    width: 52,
  },
  {
    key: 'stale',
    shape: {
      shape: 'esp',
      label: '⚠ SPI',
      fill: generationColour(0),
      stale: true,
      labelDx: 0,
    },
    text: 'stale SPI (peer has no such SA)',
    width: 70,
  },
  {
    key: 'mm',
    shape: { shape: 'main-mode', label: '', fill: NAVY, stale: false, labelDx: null },
    text: 'MM1–MM6 (+IC: INITIAL-CONTACT)',
    width: 28,
  },
  {
    key: 'qm',
    shape: { shape: 'quick-mode', label: '', fill: NAVY, stale: false, labelDx: null },
    text: 'QM1–QM3',
    width: 28,
  },
  {
    key: 'delete',
    shape: { shape: 'delete', label: '', fill: '#b3261e', stale: false, labelDx: null },
    text: 'DELETE',
    width: 30,
  },
  {
    key: 'dpd',
    shape: { shape: 'dpd', label: 'DPD?', fill: '#0b5f73', stale: false, labelDx: null },
    text: 'DPD? DPD✓ · KA? KA✓',
    width: 26,
  },
  {
    key: 'nhrp',
    shape: { shape: 'nhrp', label: '', fill: '#52606d', stale: false, labelDx: null },
    text: 'NHRP',
    width: 22,
  },
  {
    key: 'ip',
    shape: { shape: 'ip', label: '', fill: '#52606d', stale: false, labelDx: null },
    text: 'IP',
    width: 16,
  },
  { key: 'drop', shape: 'drop', text: 'dropped (hover: why)', width: 32 },
];

/** Shown only in scenarios with HSRP: the key stays short for the others. */
const HSRP_ENTRY: Entry = {
  key: 'hsrp',
  shape: { shape: 'hsrp', label: '', fill: HSRP_FILL, stale: false, labelDx: null },
  text: 'HSRP hello (the state it announces)',
  width: 24,
};

function TopologyLegendView({ hsrp }: { hsrp: boolean }) {
  const entries = hsrp ? [...ENTRIES.slice(0, -1), HSRP_ENTRY, ...ENTRIES.slice(-1)] : ENTRIES;
  return (
    <ul className="topo-legend" aria-label="Packet key">
      {entries.map((entry) => (
        <li key={entry.key}>
          <svg
            width={entry.width}
            height={30}
            viewBox={`${-entry.width / 2} -15 ${entry.width} 30`}
            aria-hidden="true"
          >
            {entry.shape === 'drop' ? (
              <g className="topo-drop">
                <polygon className="topo-drop-burst" points={BURST_POINTS} />
                <path className="topo-drop-x" d="M-4.5 -4.5 L4.5 4.5 M4.5 -4.5 L-4.5 4.5" />
              </g>
            ) : (
              <PacketShape {...entry.shape} />
            )}
          </svg>
          <span>{entry.text}</span>
        </li>
      ))}
    </ul>
  );
}

export const TopologyLegend = memo(TopologyLegendView);
