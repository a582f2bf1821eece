import { describe, expect, it } from 'vitest';
import type { PacketRecord } from '../../sim/trace';
import { GENERATION_COLOURS, generationColour, spiGenerations, spiKey } from './spiGenerations';

const esp = (node: string, dst: string, spi: string): PacketRecord => ({
  atMs: 0,
  kind: 'packet',
  event: 'sent',
  packetId: 0,
  src: '',
  dst,
  proto: 'esp',
  node,
  spi,
});

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

describe('spiGenerations', () => {
  it('numbers each sender’s SPIs toward one peer in order of first use', () => {
    const generations = spiGenerations([
      esp('R1', '20.1.1.2', '0xAAAA0001'),
      esp('R2', '10.1.1.1', '0xBBBB0001'),
      esp('R1', '20.1.1.2', '0xAAAA0001'),
      esp('R1', '20.1.1.2', '0xAAAA0002'),
      esp('R1', '30.1.1.2', '0xCCCC0001'),
    ]);
    expect(generations.get(spiKey('R1', '0xAAAA0001'))).toBe(0);
    expect(generations.get(spiKey('R1', '0xAAAA0002'))).toBe(1);
    expect(generations.get(spiKey('R2', '0xBBBB0001'))).toBe(0);
    expect(generations.get(spiKey('R1', '0xCCCC0001'))).toBe(0);
  });

  it('gives generations different colours, cycling through the palette', () => {
    expect(generationColour(0)).not.toBe(generationColour(1));
    expect(generationColour(GENERATION_COLOURS.length)).toBe(generationColour(0));
  });

  it('keeps white labels legible on every colour (contrast >= 4.5)', () => {
    for (const colour of GENERATION_COLOURS) {
      expect(1.05 / (luminance(colour) + 0.05)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
