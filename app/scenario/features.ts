// The three remedies the product teaches, as configuration: what a router has on, where each
// one can work for its crypto configuration (ios-behavior.md 1.6, 2, 3 and 5), and the IOS
// lines that turn each one on or off. Pure.

import type { IsakmpKeepalive, RouterConfig } from '../ios/types';

export type CryptoStyle =
  | 'static-map'
  | 'dynamic-map'
  | 'gre-tp'
  | 'mgre-static-nhrp'
  | 'mgre-dynamic-nhrp'
  | 'svti'
  | 'ezvpn-client'
  | 'ezvpn-server';

export const CRYPTO_STYLE_LABEL: Record<CryptoStyle, string> = {
  'static-map': 'static crypto map',
  'dynamic-map': 'dynamic crypto map',
  'gre-tp': 'P2P GRE with tunnel protection',
  'mgre-static-nhrp': 'mGRE (DMVPN) with static NHRP mapping',
  'mgre-dynamic-nhrp': 'mGRE (DMVPN) with dynamic NHRP mappings',
  svti: 'static VTI',
  'ezvpn-client': 'EzVPN client',
  'ezvpn-server': 'EzVPN server',
};

/** The crypto constructs a router's configuration uses, in a stable order. */
export function cryptoStyles(config: RouterConfig): CryptoStyle[] {
  const styles = new Set<CryptoStyle>();
  const mapsInUse = new Set(config.interfaces.map((i) => i.cryptoMap).filter(Boolean));
  for (const entry of config.cryptoMaps) {
    if (!mapsInUse.has(entry.map)) continue;
    if (entry.dynamicMap === null) styles.add('static-map');
    else styles.add(config.ezvpnServerGroups.length > 0 ? 'ezvpn-server' : 'dynamic-map');
  }
  for (const iface of config.interfaces) {
    const t = iface.tunnel;
    if (!t?.protectionProfile) continue;
    if (t.mode === 'ipsec-ipv4') styles.add('svti');
    else if (t.mode === 'gre') styles.add('gre-tp');
    else if ((iface.nhrp?.maps.length ?? 0) > 0) styles.add('mgre-static-nhrp');
    else styles.add('mgre-dynamic-nhrp');
  }
  if (config.ezvpnClients.length > 0) styles.add('ezvpn-client');
  const order = Object.keys(CRYPTO_STYLE_LABEL) as CryptoStyle[];
  return order.filter((s) => styles.has(s));
}

export interface Applicability {
  /** 'yes': works here; 'no': configurable but cannot help; 'n/a': not relevant here. */
  verdict: 'yes' | 'no' | 'n/a';
  why: string;
}

/** Why invalid-SPI recovery works or not, per crypto style (source document's table, [C]). */
const RECOVERY_BY_STYLE: Record<CryptoStyle, Applicability> = {
  'static-map': { verdict: 'yes', why: 'set peer names the peer, so IOS can start IKE toward it' },
  'dynamic-map': {
    verdict: 'no',
    why: 'a dynamic crypto map is a responder-only template: it has no peer address to call',
  },
  'gre-tp': { verdict: 'yes', why: 'tunnel destination names the peer' },
  'mgre-static-nhrp': { verdict: 'yes', why: 'ip nhrp map gives the peer NBMA address' },
  'mgre-dynamic-nhrp': {
    verdict: 'no',
    why: 'spokes are known only from NHRP registrations, which a reload loses',
  },
  svti: { verdict: 'yes', why: 'tunnel destination names the peer' },
  'ezvpn-client': {
    verdict: 'n/a',
    why: 'the client always initiates; connect auto re-dials after a reload',
  },
  'ezvpn-server': {
    verdict: 'no',
    why: 'the server answers clients through a dynamic map and cannot call them',
  },
};

export interface FeatureApplicability {
  invalidSpiRecovery: Applicability;
  keepalive: Applicability;
  idleTime: Applicability;
}

export function featureApplicability(config: RouterConfig): FeatureApplicability {
  const styles = cryptoStyles(config);
  if (styles.length === 0) {
    const none: Applicability = { verdict: 'n/a', why: 'this router has no IPsec configuration' };
    return { invalidSpiRecovery: none, keepalive: none, idleTime: none };
  }
  const verdicts = styles.map((s) => RECOVERY_BY_STYLE[s]);
  const works = verdicts.filter((v) => v.verdict === 'yes');
  const recovery: Applicability =
    works.length > 0
      ? { verdict: 'yes', why: works.map((v) => v.why).join('; ') }
      : (verdicts[0] as Applicability);
  return {
    invalidSpiRecovery: recovery,
    keepalive: {
      verdict: 'yes',
      why: 'DPD needs the peer to advertise DPD; an old peer gets legacy keepalives instead',
    },
    idleTime: {
      verdict: 'yes',
      why: 'idle SAs are deleted with a DELETE notify; the next packet renegotiates',
    },
  };
}

export interface FeatureState {
  invalidSpiRecovery: boolean;
  keepalive: IsakmpKeepalive | null;
  idleTimeSec: number | null;
}

export function featureState(config: RouterConfig): FeatureState {
  return {
    invalidSpiRecovery: config.invalidSpiRecovery,
    keepalive: config.isakmpKeepalive,
    idleTimeSec: config.ipsecIdleTimeSec,
  };
}

export type FeatureChange =
  | { feature: 'invalidSpiRecovery'; on: boolean }
  | { feature: 'keepalive'; value: IsakmpKeepalive | null }
  | { feature: 'idleTime'; seconds: number | null };

/** A router configured as `state` already has what `change` asks for. */
export function featureHolds(state: FeatureState, change: FeatureChange): boolean {
  switch (change.feature) {
    case 'invalidSpiRecovery':
      return state.invalidSpiRecovery === change.on;
    case 'keepalive': {
      const [now, wanted] = [state.keepalive, change.value];
      if (now === null || wanted === null) return now === wanted;
      return (
        now.seconds === wanted.seconds &&
        now.retrySec === wanted.retrySec &&
        now.mode === wanted.mode
      );
    }
    case 'idleTime':
      return state.idleTimeSec === change.seconds;
  }
}

/** The `configure terminal` lines that make a change. */
export function featureLines(change: FeatureChange): string[] {
  switch (change.feature) {
    case 'invalidSpiRecovery':
      return [
        change.on ? 'crypto isakmp invalid-spi-recovery' : 'no crypto isakmp invalid-spi-recovery',
      ];
    case 'keepalive':
      return [
        change.value
          ? `crypto isakmp keepalive ${change.value.seconds} ${change.value.retrySec} ${change.value.mode}`
          : 'no crypto isakmp keepalive',
      ];
    case 'idleTime':
      return [
        change.seconds
          ? `crypto ipsec security-association idle-time ${change.seconds}`
          : 'no crypto ipsec security-association idle-time',
      ];
  }
}
