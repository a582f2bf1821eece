import { describe, expect, it } from 'vitest';
import { openSession, routerContext, type } from '../testRouter';

/** Numbers vary with the run: compare the shape of a line with a captured one. */
const shape = (line: string) => line.trim().replace(/\d+/g, 'N');

describe('show crypto session detail', () => {
  it('adds the capture fields: capabilities, conn-id and lifetime; packets and life each way', () => {
    // Sixty seconds into the baseline: the tunnel came up at 5 s, one ping a second since.
    const lines = type(openSession(), 'sh cry sess det');
    expect(lines).toContain('          Capabilities:(none) connid:1001 lifetime:23:59:05');
    const inbound = lines.find((line) => line.trim().startsWith('Inbound:'));
    const outbound = lines.find((line) => line.trim().startsWith('Outbound:'));
    // Quoted from a capture: `Inbound:  #pkts dec'ed 279 drop 0 life (KB/Sec) 4607976/433`.
    expect(shape(inbound ?? '')).toBe(
      shape("Inbound:  #pkts dec'ed 279 drop 0 life (KB/Sec) 4607976/433"),
    );
    expect(shape(outbound ?? '')).toBe(
      shape("Outbound: #pkts enc'ed 279 drop 0 life (KB/Sec) 4607976/433"),
    );
    expect(inbound).toMatch(/life \(KB\/Sec\) \d+\/3545$/);
    // The plain command keeps its short form.
    const plain = type(openSession(), 'sh cry sess');
    expect(plain.some((line) => line.includes('Capabilities'))).toBe(false);
    expect(plain).toContain('Peer: 20.1.1.2 port 500');
  });

  it('marks Dead Peer Detection as capability D', () => {
    const lines = type(
      openSession(routerContext('R1', 'dpd-backup-peer', 60_000)),
      'sh cry sess det',
    );
    expect(
      lines.some((line) => /^ {10}Capabilities:D connid:\d+ lifetime:\d\d:\d\d:\d\d$/.test(line)),
    ).toBe(true);
  });
});
