// SA generations: the n-th distinct outbound SPI a router uses toward one peer is generation n,
// drawn in the n-th colour of a small palette. The SPI R1 keeps using after R2's reload is
// generation 0; the fresh SPI after recovery is generation 1, a different colour.

import { growingIndex } from '../../sim/growingIndex';
import type { PacketRecord } from '../../sim/trace';

/**
 * Fill colours for ESP packets by generation (white text on each is >= 4.5:1). Distinct in hue
 * and lightness so the change shows on a washed-out projector and to colour-blind students; the
 * label (the SPI itself) carries the meaning as well.
 */
export const GENERATION_COLOURS = [
  '#1f5f99', // blue
  '#8a3b94', // purple
  '#0d7266', // teal
  '#9a4a00', // burnt orange
  '#3f5e1a', // olive
  '#8c2d58', // wine
] as const;

export function generationColour(generation: number): string {
  const palette = GENERATION_COLOURS;
  return palette[((generation % palette.length) + palette.length) % palette.length] as string;
}

/** Key of a router's outbound SPI in the generation map. */
export function spiKey(node: string, spi: string): string {
  return `${node}|${spi}`;
}

interface Generations {
  bySpi: Map<string, number>;
  /** How many SPIs each `${sender}>${destination}` has used so far. */
  perPeer: Map<string, number>;
}

const generationsOf = growingIndex<PacketRecord, Generations>(
  () => ({ bySpi: new Map(), perPeer: new Map() }),
  ({ bySpi, perPeer }, sent) => {
    if (sent.proto !== 'esp' || !sent.node || !sent.spi) return;
    const key = spiKey(sent.node, sent.spi);
    if (bySpi.has(key)) return;
    const peerKey = `${sent.node}>${sent.dst}`;
    const n = perPeer.get(peerKey) ?? 0;
    bySpi.set(key, n);
    perPeer.set(peerKey, n + 1);
  },
);

/**
 * Generation of every outbound SPI, by spiKey(sender, spi): its rank among the distinct SPIs the
 * sender used toward the same destination address, in order of first use. Kept per array of sent
 * packets and grown with it (a run being computed appends to it): each packet is read once.
 */
export function spiGenerations(sentPackets: readonly PacketRecord[]): Map<string, number> {
  return generationsOf(sentPackets).bySpi;
}
