// Pure. `show crypto isakmp sa` in the IOS 12.4(15)T layout (ios-behavior.md section 4.3).

import type { IkeSaView, RouterView } from '../../sim/snapshot';
import { isakmpConnId } from '../isakmpConnId';
import { renderLines } from './render';

/** Column header with the 12.4 `slot` column [C]; 15.x and later drop `slot`. */
const HEADER = 'dst             src             state          conn-id slot status';

/** Software crypto: IOS prints slot 0 [C sample]. */
const SLOT = 0;

/**
 * Lingering deleted entries show `ACTIVE (deleted)` until purged (section 4.3 [M]; the same
 * suffix appears in public 15.x captures).
 */
function statusText(sa: IkeSaView): string {
  return sa.status === 'DELETED' ? 'ACTIVE (deleted)' : 'ACTIVE';
}

/** Widths from the section 4.3 sample: dst 16, src 16, state 15, conn-id 7 right, slot 4 right. */
function row(sa: IkeSaView): string {
  return (
    sa.dst.padEnd(16) +
    sa.src.padEnd(16) +
    sa.state.padEnd(15) +
    String(isakmpConnId(sa)).padStart(7) +
    ` ${String(SLOT).padStart(4)} ${statusText(sa)}`
  );
}

/**
 * @example showCryptoIsakmpSa(view)
 * // "IPv4 Crypto ISAKMP SA\ndst             src  …\n203.0.114.1     203.0.113.1     QM_IDLE  …"
 */
export function showCryptoIsakmpSa(view: RouterView): string {
  // The empty IPv6 section that closes the output is not in the doc's sample; public IOS
  // captures of 12.4T and later print it.
  return renderLines([
    'IPv4 Crypto ISAKMP SA',
    HEADER,
    ...view.ike.map(row),
    '',
    'IPv6 Crypto ISAKMP SA',
    '',
  ]);
}
