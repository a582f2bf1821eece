// The shape of one packet, in screen px around (0, 0): the shape and the label say what it is
// (ESP pill with its SPI, diamond MM, hexagon QM, X badge DELETE, circle DPD/KA, square NHRP,
// triangle HSRP hello, dot IP). The label goes where the label placement put it: above the shape
// by default, elsewhere when that is taken (with a line back to the shape when it is far), on
// the pill itself for ESP. Memoised on its primitives.

import { memo } from 'react';
import { leaderEnd } from './labelPlacement';
import { labelBoxSize, type PacketShape as Shape } from './packetLook';

export interface PacketShapeProps {
  shape: Shape;
  label: string;
  fill: string;
  stale: boolean;
  /** Centre of the label (px from the shape), or null for no label. */
  labelDx: number | null;
  labelDy?: number;
  /** The label is far from its shape: draw a line between them. */
  leader?: boolean;
}

const HEXAGON = 'M-12 0 L-6 -10.4 L6 -10.4 L12 0 L6 10.4 L-6 10.4 Z';
const DIAMOND = 'M0 -12 L12 0 L0 12 L-12 0 Z';
const TRIANGLE = 'M0 -10 L10 8 L-10 8 Z';
/** From a 14 px label's box centre to its baseline. */
const BASELINE_PX = 5;

function Leader({ shape, label, dx, dy }: { shape: Shape; label: string; dx: number; dy: number }) {
  const { width, height } = labelBoxSize({ shape, label });
  const end = leaderEnd(dx, dy, width, height);
  return <line className="topo-leader" x1={0} y1={0} x2={end.x} y2={end.y} />;
}

function EspPill(props: { label: string; fill: string; stale: boolean; dx: number; dy: number }) {
  const width = labelBoxSize({ shape: 'esp', label: props.label }).width;
  return (
    <g transform={`translate(${props.dx} ${props.dy})`} data-label="packet">
      <rect
        className={`topo-esp${props.stale ? ' is-stale' : ''}`}
        x={-width / 2}
        y={-12}
        width={width}
        height={24}
        rx={12}
        fill={props.fill}
      />
      <text className="topo-esp-label" y={BASELINE_PX} textAnchor="middle">
        {props.label}
      </text>
    </g>
  );
}

function Mark({ shape, label, fill }: { shape: Shape; label: string; fill: string }) {
  switch (shape) {
    case 'main-mode':
    case 'quick-mode':
      return (
        <path
          className="topo-ike-shape"
          d={shape === 'main-mode' ? DIAMOND : HEXAGON}
          fill={fill}
        />
      );
    case 'delete':
      return (
        <>
          <circle className="topo-delete-shape" r={13} fill={fill} />
          <path className="topo-delete-x" d="M-6 -6 L6 6 M6 -6 L-6 6" />
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
        </>
      );
    case 'nhrp':
      return <rect className="topo-nhrp-shape" x={-8} y={-8} width={16} height={16} fill={fill} />;
    case 'hsrp':
      return <path className="topo-hsrp-shape" d={TRIANGLE} fill={fill} />;
    default:
      return <circle className="topo-ip-shape" r={5.5} fill={fill} />;
  }
}

function PacketShapeView(props: PacketShapeProps) {
  const { shape, label, fill, stale, labelDx, labelDy = 0, leader = false } = props;
  const labelled = labelDx !== null;
  const line = labelled && leader && (
    <Leader shape={shape} label={label} dx={labelDx} dy={labelDy} />
  );
  if (shape === 'esp') {
    // The SPI on the pill itself when that is where the label went.
    if (labelled && labelDx === 0 && labelDy === 0)
      return <EspPill label={label} fill={fill} stale={stale} dx={0} dy={0} />;
    return (
      <>
        {line}
        <rect
          className={`topo-esp${stale ? ' is-stale' : ''}`}
          x={-12}
          y={-7}
          width={24}
          height={14}
          rx={7}
          fill={fill}
        />
        {labelled && <EspPill label={label} fill={fill} stale={stale} dx={labelDx} dy={labelDy} />}
      </>
    );
  }
  return (
    <>
      {line}
      <Mark shape={shape} label={label} fill={fill} />
      {labelled && (
        <text
          className={`topo-packet-label${shape === 'delete' ? ' is-delete' : ''}`}
          x={labelDx}
          y={labelDy + BASELINE_PX}
          textAnchor="middle"
          data-label="packet"
        >
          {label}
        </text>
      )}
    </>
  );
}

export const PacketShape = memo(PacketShapeView);
