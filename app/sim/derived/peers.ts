// A router's peers at one moment and the IKE SA that speaks for each: the one every view shows
// (state chips, topology badges, compare lines) and reads DPD from. Pure.

import type { IkeSaView, IpsecFlowView, RouterView } from '../snapshot';

export interface Peer {
  /** The peer's address as IOS names it (IKE peer / current_peer). */
  address: string;
  /** The IKE SA that counts for this peer (ikeSaToward), if any. */
  ike: IkeSaView | undefined;
  /** `show crypto ipsec sa` flows whose current peer is this address. */
  flows: IpsecFlowView[];
}

/**
 * The IKE SA that counts toward `peer`: of the ACTIVE ones (a DELETED SA is being torn down),
 * an established one (QM_IDLE) over a main mode still running, then the newest (highest
 * conn-id). So after a reload the old QM_IDLE SA counts until it goes, not the new MM_SA_SETUP.
 */
export function ikeSaToward(view: RouterView, peer: string): IkeSaView | undefined {
  let best: IkeSaView | undefined;
  for (const sa of view.ike) {
    if (sa.peer !== peer || sa.status !== 'ACTIVE') continue;
    const established = sa.state === 'QM_IDLE';
    if (!best || (established && best.state !== 'QM_IDLE')) best = sa;
    else if (established === (best.state === 'QM_IDLE') && sa.connId > best.connId) best = sa;
  }
  return best;
}

/** Every peer the router has an IKE SA or a crypto flow with: IKE peers first, in table order. */
export function peersOf(view: RouterView): Peer[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const add = (address: string) => {
    if (!address || address === '0.0.0.0' || seen.has(address)) return;
    seen.add(address);
    order.push(address);
  };
  for (const sa of view.ike) add(sa.peer);
  for (const flow of view.ipsec) add(flow.currentPeer);
  return order.map((address) => ({
    address,
    ike: ikeSaToward(view, address),
    flows: view.ipsec.filter((flow) => flow.currentPeer === address),
  }));
}
