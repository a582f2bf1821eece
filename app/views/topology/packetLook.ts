// How a packet in flight and a dropped packet are drawn: the shape and the label carry the kind
// (never colour alone), ESP is coloured by SA generation and marked when its SPI is stale.
// Pure: from trace records to plain drawing data.

import type { RecentDrop } from '../../sim/frame';
import type { PacketRecord } from '../../sim/trace';
import { generationColour, spiKey } from './spiGenerations';

export type PacketShape =
  | 'esp'
  | 'main-mode'
  | 'quick-mode'
  | 'delete'
  | 'dpd'
  | 'keepalive'
  | 'nhrp'
  | 'hsrp'
  | 'ip';

export interface PacketLook {
  shape: PacketShape;
  /** Visible label ('' for plain IP: a dot says enough). */
  label: string;
  /** Fill of the shape. */
  fill: string;
  /** ESP sent with an SPI the receiver no longer has. */
  stale: boolean;
  /** Label culling order: lower is kept first. */
  priority: number;
  /** Full description for the tooltip. */
  description: string;
}

const ISAKMP_FILL = '#15314f';
const DELETE_FILL = '#b3261e';
const DPD_FILL = '#0b5f73';
const KEEPALIVE_FILL = '#5a4a8a';
const NHRP_FILL = '#52606d';
const IP_FILL = '#52606d';
export const HSRP_FILL = '#7a5c00';

/** DPD and keepalive sequence numbers are 32-bit: the label shows the last four digits. */
export function shortSeq(seq: number | undefined): string {
  if (seq === undefined) return '';
  return ` #${String(seq % 10_000).padStart(4, '0')}`;
}

function dstNode(sent: PacketRecord): string {
  return sent.path?.[sent.path.length - 1] ?? sent.dst;
}

function describePacket(sent: PacketRecord): string {
  const what =
    sent.proto === 'esp'
      ? `ESP spi ${sent.spi ?? '?'}`
      : sent.proto === 'isakmp'
        ? `ISAKMP ${sent.msg ?? ''}${sent.initialContact ? ' INITIAL-CONTACT' : ''}${sent.deleteSpi ? ` spi ${sent.deleteSpi}` : ''}${sent.seq !== undefined ? ` seq ${sent.seq}` : ''}`
        : 'IP';
  const inner = sent.inner ? ` (${sent.inner})` : '';
  return `${sent.node ?? sent.src} → ${dstNode(sent)}: ${what}${inner}`;
}

/**
 * The look of a packet in flight.
 * @param generations spiKey(node, spi) → SA generation (spiGenerations)
 * @param staleSpis spiKey(node, spi) of SPIs whose receiver has no matching inbound SA now
 */
export function packetLook(
  sent: PacketRecord,
  generations: ReadonlyMap<string, number>,
  staleSpis: ReadonlySet<string>,
): PacketLook {
  const description = describePacket(sent);
  if (sent.proto === 'esp') {
    const key = spiKey(sent.node ?? '', sent.spi ?? '');
    const stale = staleSpis.has(key);
    const nhrp = sent.inner?.startsWith('NHRP') ? 'NHRP ' : '';
    return {
      shape: 'esp',
      label: `${stale ? '⚠ ' : ''}${nhrp}${sent.spi ?? 'ESP'}`,
      fill: generationColour(generations.get(key) ?? 0),
      stale,
      priority: stale ? 3 : 5,
      description: stale ? `${description}, stale SPI: the receiver has no such SA` : description,
    };
  }
  if (sent.proto === 'ip' && sent.inner?.startsWith('HSRP ')) {
    // "HSRP Hello grp 1 Active pri 110 vIP 20.1.1.10": the label names the state it announces.
    const state = sent.inner.split(' ')[4] ?? '';
    const label = `HSRP ${state}`.trim();
    return { shape: 'hsrp', label, fill: HSRP_FILL, stale: false, priority: 8, description };
  }
  if (sent.proto === 'ip') {
    return { shape: 'ip', label: '', fill: IP_FILL, stale: false, priority: 9, description };
  }
  const msg = sent.msg ?? '';
  const base = { stale: false, description };
  // Phase 1: main mode, aggressive mode, and an Easy VPN client's mode config after it.
  if (msg.startsWith('MM') || msg.startsWith('AM') || msg.startsWith('CFG-')) {
    const ic = sent.initialContact === true;
    return {
      ...base,
      shape: 'main-mode',
      label: ic ? `${msg} +IC` : msg,
      fill: ISAKMP_FILL,
      priority: ic ? 1 : 2,
    };
  }
  if (msg.startsWith('QM'))
    return { ...base, shape: 'quick-mode', label: msg, fill: ISAKMP_FILL, priority: 2 };
  if (msg === 'DELETE') {
    return {
      ...base,
      shape: 'delete',
      label: `DELETE ${sent.deleteSpi ?? ''}`.trim(),
      fill: DELETE_FILL,
      priority: 0,
    };
  }
  if (msg === 'R-U-THERE' || msg === 'R-U-THERE-ACK') {
    const label = `${msg === 'R-U-THERE' ? 'DPD?' : 'DPD✓'}${shortSeq(sent.seq)}`;
    return { ...base, shape: 'dpd', label, fill: DPD_FILL, priority: 4 };
  }
  if (msg === 'KEEPALIVE' || msg === 'KEEPALIVE-ACK') {
    const label = `${msg === 'KEEPALIVE' ? 'KA?' : 'KA✓'}${shortSeq(sent.seq)}`;
    return { ...base, shape: 'keepalive', label, fill: KEEPALIVE_FILL, priority: 4 };
  }
  if (msg === 'NHRP-REG' || msg === 'NHRP-REPLY') {
    const label = msg === 'NHRP-REG' ? 'NHRP' : 'NHRP✓';
    return { ...base, shape: 'nhrp', label, fill: NHRP_FILL, priority: 6 };
  }
  return { ...base, shape: 'main-mode', label: msg || 'ISAKMP', fill: ISAKMP_FILL, priority: 2 };
}

/** Width (px) of a packet label's box: 8.4 px per monospace character at 14 px, plus padding. */
export function labelWidthPx(label: string): number {
  return label.length * 8.4 + 14;
}

/** A packet label's box (px): the labelled ESP pill is 24 px high, a text label 20 px. */
export function labelBoxSize(look: Pick<PacketLook, 'shape' | 'label'>): {
  width: number;
  height: number;
} {
  return { width: labelWidthPx(look.label), height: look.shape === 'esp' ? 24 : 20 };
}

/** Width (px) of a drop label's box: 8.1 px per monospace character at 13.5 px, plus padding. */
export function dropLabelWidthPx(label: string): number {
  return label.length * 8.1 + 12;
}

function protoName(record: PacketRecord): string {
  if (record.proto === 'esp') return 'ESP';
  if (record.proto === 'isakmp') return `ISAKMP${record.msg ? ` ${record.msg}` : ''}`;
  return 'IP packet';
}

export interface DropLook {
  /** "R2 dropped ESP: invalid SPI 0xB761863E: no inbound SA" */
  ariaLabel: string;
  /** The reason up to its first colon: "invalid SPI 0xB761863E". */
  short: string;
}

export function dropLook(recent: RecentDrop): DropLook {
  const { drop } = recent;
  const where = drop.link ? `Link ${drop.link}` : (drop.node ?? 'network');
  const reason = drop.reason ?? 'dropped';
  const colon = reason.indexOf(':');
  const short = colon > 0 ? reason.slice(0, colon) : reason;
  return {
    ariaLabel: `${where} dropped ${protoName(drop)}: ${reason}`,
    short: short.length > 30 ? `${short.slice(0, 29)}…` : short,
  };
}
