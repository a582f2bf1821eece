import { describe, expect, it } from 'vitest';
import { openSession, routerContext, type } from '../testRouter';

/** Numbers and spacing vary: compare the shape of a line with a captured one. */
const shape = (line: string) => line.trim().replace(/\d+/g, 'N').replace(/\s+/g, ' ');

describe('show crypto isakmp sa detail', () => {
  it('prints the legend, then the row and engine line the capture shows', () => {
    const lines = type(openSession(), 'sh cry isa sa det');
    expect(lines[1]).toBe('Codes: C - IKE configuration mode, D - Dead Peer Detection');
    expect(lines).toContain(
      'C-id  Local           Remote          I-VRF    Status Encr Hash Auth DH Lifetime Cap.',
    );
    const row = lines.find((line) => line.startsWith('1001 '));
    // Quoted from a capture: `1001  10.1.1.1  20.1.1.2  ACTIVE aes  sha  psk  2  23:59:10 D`;
    // the baseline runs no DPD, so no D.
    expect(shape(row ?? '')).toBe(
      shape('1001  10.1.1.1  20.1.1.2  ACTIVE aes  sha  psk  2  23:59:10'),
    );
    // The tunnel came up at 5 s: 55 s of the day's lifetime are gone at 60 s.
    expect(row).toMatch(/ 23:59:05$/);
    expect(lines[lines.indexOf(row ?? '') + 1]).toBe('       Engine-id:Conn-id =  SW:1');
    // The plain table is unchanged.
    expect(type(openSession(), 'sh cry isa sa')).not.toContain(row);
  });

  it('shows D when the peers run Dead Peer Detection', () => {
    const lines = type(
      openSession(routerContext('R1', 'dpd-backup-peer', 60_000)),
      'sh cry isa sa det',
    );
    const rows = lines.filter((line) => /^\d{4} /.test(line));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/ \d\d:\d\d:\d\d D$/);
  });
});
