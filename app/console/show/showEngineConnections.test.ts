import { describe, expect, it } from 'vitest';
import { openSession, routerContext, type } from '../testRouter';

// The columns of the 12.4 capture (`ID Interface … IP-Address State Algorithm Encrypt Decrypt`).
const HEADER =
  '   ID Interface            IP-Address      State  Algorithm           Encrypt  Decrypt';

function ids(lines: readonly string[]): number[] {
  return lines.flatMap((line) =>
    /^\s*\d+ /.test(line) ? [Number(line.trim().split(' ')[0])] : [],
  );
}

describe('show crypto engine connections active', () => {
  it('lists the IKE SA and both IPsec SAs under the ids the other commands print', () => {
    const session = openSession();
    const engine = type(session, 'sh cry engine connections active');
    expect(engine[2]).toBe(HEADER);
    expect(ids(engine)).toEqual([1001, 2001, 2002]);
    // The same ids as `show crypto isakmp sa` and the `conn id:` lines of `show crypto ipsec sa`.
    expect(type(session, 'sh cry isa sa')[3]).toMatch(/QM_IDLE\s+1001\s/);
    const connIds = type(session, 'sh cry ipsec sa')
      .flatMap((line) => /conn id: (\d+),/.exec(line)?.[1] ?? [])
      .map(Number);
    expect(connIds).toEqual([2001, 2002]);
  });

  it('counts the decrypted packets on the inbound SA and the encrypted ones on the outbound', () => {
    const engine = type(openSession(), 'show crypto engine connections active');
    const inbound = engine.find((line) => line.startsWith(' 2001 '));
    const outbound = engine.find((line) => line.startsWith(' 2002 '));
    expect(inbound).toMatch(/^ 2001 FastEthernet0\/0\s+10\.1\.1\.1\s+set\s+AES\+SHA\s+0\s+\d+$/);
    expect(outbound).toMatch(/^ 2002 FastEthernet0\/0\s+10\.1\.1\.1\s+set\s+AES\+SHA\s+\d+\s+0$/);
    // Columns line up under the header: Encrypt ends at 77, Decrypt at 86.
    expect(inbound?.length).toBe(HEADER.length);
  });

  it('has no IKE connection while main mode has not derived the keys (conn-id 0)', () => {
    const early = routerContext('R1', 'psk-mismatch', 5_030);
    expect(ids(type(openSession(early), 'sh cry engine conn active'))).toEqual([]);
  });
});
