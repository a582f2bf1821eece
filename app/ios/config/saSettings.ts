// IPsec SA settings shared by crypto map entries, dynamic map entries, IPsec profiles and the
// global `crypto ipsec security-association` commands, with IOS's ranges.

import { echoed } from '../echo';
import type { IdleTime } from '../types';
import { ArgReader } from './argReader';
import type { Reporter } from './reporter';

/** The IOS default IPsec SA lifetimes (`crypto ipsec security-association lifetime`). */
export const DEFAULT_IPSEC_LIFETIME_SEC = 3600;
export const DEFAULT_IPSEC_LIFETIME_KB = 4608000;

/** `... lifetime seconds N`: 120..86400. */
export function readLifetimeSec(args: readonly string[], report: Reporter): number | null {
  const r = new ArgReader(args, report);
  const seconds = r.integer('IPsec SA lifetime in seconds', 120, 86400);
  return r.end() ? seconds : null;
}

/** `... lifetime kilobytes N`: 2560..4294967295. */
export function readLifetimeKb(args: readonly string[], report: Reporter): number | null {
  const r = new ArgReader(args, report);
  const kilobytes = r.integer('IPsec SA lifetime in kilobytes', 2560, 4294967295);
  return r.end() ? kilobytes : null;
}

/**
 * `... idle-time N [default]`: 60..86400 seconds. `default` (crypto map entries only) sends the
 * next SA back to the default peer once the idle timer fires.
 */
export function readIdleTime(
  args: readonly string[],
  report: Reporter,
  allowDefaultPeer: boolean,
): IdleTime | null {
  const r = new ArgReader(args, report);
  const seconds = r.integer('IPsec SA idle time in seconds', 60, 86400);
  const returnToDefaultPeer = allowDefaultPeer && r.optionalKeyword(['default']) !== null;
  if (seconds === null || !r.end()) return null;
  return { seconds, returnToDefaultPeer };
}

/**
 * `set transform-set NAME [NAME...]`: the first name. IOS offers up to six sets in order; only
 * the first is simulated, and the others are reported.
 */
export function readTransformSetName(args: readonly string[], report: Reporter): string | null {
  const r = new ArgReader(args, report);
  const first = r.word('transform set name');
  const others = r.rest();
  if (first === null) return null;
  if (others.length > 0) {
    report.unsupported(
      `only the first transform set ${echoed(first)} is simulated: ${echoed(others.join(' '))} is ignored`,
    );
  }
  return first;
}

/** `match address ACL`: an extended access list name or number. */
export function readMatchAcl(args: readonly string[], report: Reporter): string | null {
  const r = new ArgReader(args, report);
  const acl = r.word('access list name or number');
  return r.end() ? acl : null;
}
