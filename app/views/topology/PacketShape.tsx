// The shape of one packet, in screen px around (0, 0): the shape and the label say what it is
// (ESP pill with its SPI, diamond MM, hexagon QM, X badge DELETE, circle DPD/KA, square NHRP,
// triangle HSRP hello, dot IP). Memoised on its primitives: a packet's look does not change while it flies.

import { memo } from 'react';
import { labelWidthPx, type PacketShape as Shape } from './packetLook';

export interface PacketShapeProps {
  shape: Shape;
  label: string;
  fill: string;
  stale: boolean;
  showLabel: boolean;
}

const HEXAGON = 'M-12 0 L-6 -10.4 L6 -10.4 L12 0 L6 10.4 L-6 10.4 Z';
const DIAMOND = 'M0 -12 L12 0 L0 12 L-12 0 Z';
const TRIANGLE = 'M0 -10 L10 8 L-10 8 Z';

function Label({ text, className = '' }: { text: string; className?: string }) {
  return (
    <text className={`topo-packet-label ${className}`} y={-17} textAnchor="middle">
      {text}
    </text>
  );
}

function PacketShapeView({ shape, label, fill, stale, showLabel }: PacketShapeProps) {
  switch (shape) {
    case 'esp': {
      if (!showLabel) {
        return (
          <rect
            className={`topo-esp${stale ? ' is-stale' : ''}`}
            x={-12}
            y={-7}
            width={24}
            height={14}
            rx={7}
            fill={fill}
          />
        );
      }
      const width = labelWidthPx(label);
      return (
        <>
          <rect
            className={`topo-esp${stale ? ' is-stale' : ''}`}
            x={-width / 2}
            y={-12}
            width={width}
            height={24}
            rx={12}
            fill={fill}
          />
          <text className="topo-esp-label" y={5} textAnchor="middle">
            {label}
          </text>
        </>
      );
    }
    case 'main-mode':
    case 'quick-mode':
      return (
        <>
          <path
            className="topo-ike-shape"
            d={shape === 'main-mode' ? DIAMOND : HEXAGON}
            fill={fill}
          />
          {showLabel && <Label text={label} />}
        </>
      );
    case 'delete':
      return (
        <>
          <circle className="topo-delete-shape" r={13} fill={fill} />
          <path className="topo-delete-x" d="M-6 -6 L6 6 M6 -6 L-6 6" />
          {showLabel && <Label text={label} className="is-delete" />}
        </>
      );
    case 'dpd':
    case 'keepalive':
      return (
        <>
          <circle className="topo-probe-shape" r={10} fill={fill} />
          <text className="topo-probe-mark" y={4.5} textAnchor="middle">
            {label.includes('✓') ? '✓' : '?'}
          </text>
          {showLabel && <Label text={label} />}
        </>
      );
    case 'nhrp':
      return (
        <>
          <rect className="topo-nhrp-shape" x={-8} y={-8} width={16} height={16} fill={fill} />
          {showLabel && <Label text={label} />}
        </>
      );
    case 'hsrp':
      return (
        <>
          <path className="topo-hsrp-shape" d={TRIANGLE} fill={fill} />
          {showLabel && <Label text={label} />}
        </>
      );
    default:
      return <circle className="topo-ip-shape" r={5.5} fill={fill} />;
  }
}

export const PacketShape = memo(PacketShapeView);
