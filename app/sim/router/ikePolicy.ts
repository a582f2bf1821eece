// What phase 1 agrees on, from a router's configuration: the pre-shared key for a peer (or an
// Easy VPN group), the ISAKMP proposals an initiator offers, and the one a responder accepts.
// Pure.

import { inSubnet, maskToPrefixLen } from '../../ios/ipv4';
import type { EzvpnClient, IsakmpPolicy, RouterConfig } from '../../ios/types';
import type { IsakmpProposal } from '../packets';
import { ip } from './forwardingPlan';

/**
 * IOS's default protection suite, used when no `crypto isakmp policy` is configured: DES, SHA,
 * RSA signatures, group 1, one day ([M] recalled: `show crypto isakmp policy` on 12.4).
 */
export const DEFAULT_PROTECTION_SUITE: IsakmpProposal = {
  encryption: 'des',
  hash: 'sha',
  authentication: 'rsa-sig',
  group: 1,
  lifetimeSec: 86_400,
};

/**
 * What an Easy VPN remote proposes, whatever its configuration: AES-256 down to DES, SHA then
 * MD5, with the group key and DH group 2 ([M] recalled, simplified: IOS also offers the XAUTH
 * variants of each and group 5).
 */
export const EZVPN_CLIENT_PROPOSALS: readonly IsakmpProposal[] = [
  'aes 256',
  'aes 192',
  'aes',
  '3des',
  'des',
].flatMap((encryption) =>
  ['sha', 'md5'].map((hash) => ({
    encryption,
    hash,
    authentication: 'pre-share',
    group: 2,
    lifetimeSec: 86_400,
  })),
);

function proposalOf(policy: IsakmpPolicy): IsakmpProposal {
  const { encryption, hash, authentication, group, lifetimeSec } = policy;
  return { encryption, hash, authentication, group, lifetimeSec };
}

/** The router's ISAKMP policies by priority, as proposals; the default suite without any. */
export function ownProposals(config: RouterConfig): Array<IsakmpProposal & { priority: number }> {
  const policies = [...config.isakmpPolicies].sort((a, b) => a.priority - b.priority);
  if (policies.length === 0) return [{ ...DEFAULT_PROTECTION_SUITE, priority: 65_535 }];
  return policies.map((policy) => ({ ...proposalOf(policy), priority: policy.priority }));
}

/**
 * `crypto isakmp key K address A [MASK]` for `peer`: a key for the address itself first, then
 * the most specific mask that covers it (`0.0.0.0 0.0.0.0`, or 0.0.0.0 alone, covers all).
 */
export function keyFor(config: RouterConfig, peer: string): string | null {
  const addr = ip(peer);
  let best: { key: string; prefixLen: number } | null = null;
  for (const entry of config.isakmpKeys) {
    const wildcard = entry.address === '0.0.0.0' && entry.mask === null;
    const mask = entry.mask === null ? (wildcard ? 0 : 0xffff_ffff) : ip(entry.mask);
    if (!inSubnet(addr, ip(entry.address), mask)) continue;
    const prefixLen = maskToPrefixLen(mask) ?? 0;
    if (best === null || prefixLen > best.prefixLen) best = { key: entry.key, prefixLen };
  }
  return best?.key ?? null;
}

/** The key of `crypto isakmp client configuration group NAME` (an Easy VPN server), or null. */
export function groupKey(config: RouterConfig, group: string | undefined): string | null {
  return config.ezvpnServerGroups.find((g) => g.name === group)?.key ?? null;
}

/**
 * The XAUTH credentials an Easy VPN client answers with by itself: `username … password …` in its
 * block, unless `xauth userid mode interactive` or `http-intercept` leaves the answer to the user
 * (Cisco Easy VPN Remote). Null: the client waits for `crypto ipsec client ezvpn xauth`.
 */
export function savedCredentials(client: EzvpnClient): { user: string; password: string } | null {
  if (client.xauthUser === null) return null;
  if (client.xauthMode === 'interactive' || client.xauthMode === 'http-intercept') return null;
  return { user: client.xauthUser.name, password: client.xauthUser.password };
}

/** One comparison IOS makes, in its order: an offered transform against one of its policies. */
export interface ProposalCheck {
  /** 1-based position of the offered transform in the initiator's list. */
  transform: number;
  priority: number;
  acceptable: boolean;
  /** Whether more offered transforms follow (IOS's "Next payload is 3", else 0). */
  more: boolean;
}

export interface ProposalChoice {
  /** The comparisons made, up to the accepted one. */
  checks: ProposalCheck[];
  /** The accepted pair, or null when no policy matches any offered transform. */
  accepted: { offered: IsakmpProposal; policy: IsakmpProposal & { priority: number } } | null;
}

/**
 * The responder's choice (RFC 2409 §5; IOS: each of its policies by priority against each
 * offered transform in order): a match needs the same encryption, hash, authentication and DH
 * group. Lifetimes need not match: both ends then use the smaller ([C] ios-behavior.md 4.5).
 */
export function chooseProposal(
  offered: readonly IsakmpProposal[],
  policies: ReadonlyArray<IsakmpProposal & { priority: number }>,
): ProposalChoice {
  const checks: ProposalCheck[] = [];
  for (const policy of policies) {
    for (const [index, candidate] of offered.entries()) {
      const acceptable =
        candidate.encryption === policy.encryption &&
        candidate.hash === policy.hash &&
        candidate.authentication === policy.authentication &&
        candidate.group === policy.group;
      checks.push({
        transform: index + 1,
        priority: policy.priority,
        acceptable,
        more: index < offered.length - 1,
      });
      if (acceptable) return { checks, accepted: { offered: candidate, policy } };
    }
  }
  return { checks, accepted: null };
}
