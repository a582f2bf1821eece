// The rows of `show dmvpn`, from the engine's own tables: each NHRP mapping of an mGRE tunnel
// (static from `ip nhrp map`, dynamic from a spoke's registration, gone when its hold time runs
// out), with the state of the IKE SA, the IPsec SAs and, toward an NHS, the registration.
// Pure: RouterView parts in, view rows out.

import type {
  DmvpnInterfaceView,
  DmvpnPeerView,
  IkeSaView,
  IpsecFlowView,
  NhrpEntryView,
  NhsRegistrationView,
} from './snapshot';

export interface DmvpnTunnel {
  interfaceName: string;
  /** The NHSs it registers with (`ip nhrp nhs`): none on a hub. */
  nhs: readonly string[];
}

/**
 * The State column: IOS prints UP, or the layer still missing toward that peer [I: the order
 * IKE, IPsec, NHRP is read from public forum answers on `show dmvpn`, not from Cisco].
 */
function peerState(
  peerNbma: string,
  ike: readonly IkeSaView[],
  ipsec: readonly IpsecFlowView[],
  registration: NhsRegistrationView | undefined,
): DmvpnPeerView['state'] {
  if (!ike.some((sa) => sa.peer === peerNbma && sa.state === 'QM_IDLE')) return 'IKE';
  if (!ipsec.some((flow) => flow.currentPeer === peerNbma && flow.currentOutboundSpi !== 0))
    return 'IPsec';
  if (registration !== undefined && !registration.responding) return 'NHRP';
  return 'UP';
}

export function dmvpnInterfaces(
  tunnels: readonly DmvpnTunnel[],
  nhrp: readonly NhrpEntryView[],
  registrations: readonly NhsRegistrationView[],
  ike: readonly IkeSaView[],
  ipsec: readonly IpsecFlowView[],
): DmvpnInterfaceView[] {
  return tunnels.map((tunnel) => {
    const peers = nhrp
      .filter((entry) => entry.interfaceName === tunnel.interfaceName)
      .map((entry): DmvpnPeerView => {
        const registration = registrations.find(
          (r) => r.interfaceName === tunnel.interfaceName && r.nhs === entry.tunnelIp,
        );
        const state = peerState(entry.nbma, ike, ipsec, registration);
        // An NHS's row counts from the last change of its registration; a spoke's row on the
        // hub from its first registration (the entry's age); another static mapping from boot.
        // [I] simplified: IOS restarts the count whenever the row goes up or down.
        return {
          nbma: entry.nbma,
          tunnelIp: entry.tunnelIp,
          state,
          sinceAtMs: registration !== undefined ? registration.changedAtMs : entry.createdAtMs,
          expiresAtMs: entry.expiresAtMs,
          attrb: entry.type === 'static' ? 'S' : 'D',
        };
      });
    return {
      interfaceName: tunnel.interfaceName,
      type: tunnel.nhs.length > 0 ? 'Spoke' : 'Hub',
      peers,
    };
  });
}
