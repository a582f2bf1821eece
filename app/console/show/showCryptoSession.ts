// `show crypto session` in the IOS 12.4 layout: one session per interface and peer, with its
// IKE SAs and IPsec flows. Session status: UP-ACTIVE (IKE SA and IPsec SAs), UP-IDLE (IKE SA
// only), UP-NO-IKE (IPsec SAs only), DOWN-NEGOTIATING (IKE under way), DOWN.
// `detail` adds the IKE SA's capabilities, conn-id and remaining lifetime, and per flow the
// packets each way with the newest SA's remaining life (fields as public captures print them:
// `Capabilities:D connid:1042 lifetime:05:50:03`, `Inbound:  #pkts dec'ed 279 drop 0 life
// (KB/Sec) 4607976/433`); the code legend, fvrf/ivrf, Phase1_id and Desc lines are recalled.

import { isakmpConnId } from '../../ios/isakmpConnId';
import { formatClockDuration } from '../../ios/show';
import type { RouterConfig } from '../../ios/types';
import type {
  IkeSaView,
  IpsecFlowView,
  ProxyIdent,
  RouterView,
  SaEntryView,
} from '../../sim/snapshot';

/** NAT-T is not simulated: IKE always runs on UDP 500. */
const IKE_PORT = 500;

interface Session {
  interfaceName: string;
  peer: string;
  ike: IkeSaView[];
  flows: IpsecFlowView[];
}

export function localAddress(sa: IkeSaView): string {
  return sa.role === 'initiator' ? sa.src : sa.dst;
}

function isUp(sa: IkeSaView): boolean {
  return sa.state === 'QM_IDLE' && sa.status === 'ACTIVE';
}

function activeSas(flow: IpsecFlowView): number {
  return flow.inbound.length + flow.outbound.length;
}

function status(session: Session): string {
  const ikeUp = session.ike.some(isUp);
  const ipsecUp = session.flows.some((flow) => activeSas(flow) > 0);
  if (ikeUp) return ipsecUp ? 'UP-ACTIVE' : 'UP-IDLE';
  if (ipsecUp) return 'UP-NO-IKE';
  return session.ike.some((sa) => sa.status === 'ACTIVE') ? 'DOWN-NEGOTIATING' : 'DOWN';
}

/** `192.168.1.0/255.255.255.0`, or `host 10.1.1.1` for a single address. */
function identText(ident: ProxyIdent): string {
  return ident.mask === '255.255.255.255' ? `host ${ident.addr}` : `${ident.addr}/${ident.mask}`;
}

/** `Inbound:  #pkts dec'ed 279 drop 0 life (KB/Sec) 4607976/433`, for the newest SA. */
function directionLine(
  label: string,
  verb: string,
  packets: number,
  drops: number,
  sas: readonly SaEntryView[],
): string[] {
  const newest = sas.at(-1);
  if (newest === undefined) return [];
  return [
    `        ${label} #pkts ${verb} ${packets} drop ${drops} life (KB/Sec) ${newest.remainingKb}/${newest.remainingSec}`,
  ];
}

function flowLines(flow: IpsecFlowView, detail: boolean): string[] {
  const protocol = flow.localIdent.prot === 0 ? 'ip' : String(flow.localIdent.prot);
  return [
    `  IPSEC FLOW: permit ${protocol} ${identText(flow.localIdent)} ${identText(flow.remoteIdent)}`,
    `        Active SAs: ${activeSas(flow)}, origin: crypto map`,
    ...(detail
      ? [
          ...directionLine('Inbound: ', "dec'ed", flow.decaps, flow.recvErrors, flow.inbound),
          ...directionLine('Outbound:', "enc'ed", flow.encaps, flow.sendErrors, flow.outbound),
        ]
      : []),
  ];
}

export const CAPABILITY: Record<IkeSaView['liveness'], string> = {
  dpd: 'D',
  'legacy-keepalive': 'K',
  none: '(none)',
};

function ikeLines(sa: IkeSaView, detail: boolean): string[] {
  const state = isUp(sa) ? 'Active' : 'Inactive';
  return [
    `  IKE SA: local ${localAddress(sa)}/${IKE_PORT} remote ${sa.peer}/${IKE_PORT} ${state}`,
    ...(detail
      ? [
          `          Capabilities:${CAPABILITY[sa.liveness]} connid:${isakmpConnId(sa)} lifetime:${formatClockDuration(sa.lifetimeRemainingSec)}`,
        ]
      : []),
  ];
}

/** The interface an IKE SA runs on: its flows' interface, else the one holding its address. */
function interfaceOf(sa: IkeSaView, view: RouterView, config: RouterConfig): string | null {
  const local = localAddress(sa);
  const flow = view.ipsec.find((candidate) => candidate.localAddr === local);
  if (flow !== undefined) return flow.interfaceName;
  return config.interfaces.find((iface) => iface.address?.ip === local)?.name ?? null;
}

function sessionsOf(view: RouterView, config: RouterConfig): Session[] {
  const sessions: Session[] = [];
  const sessionFor = (interfaceName: string, peer: string): Session => {
    let session = sessions.find((s) => s.interfaceName === interfaceName && s.peer === peer);
    if (session === undefined) {
      session = { interfaceName, peer, ike: [], flows: [] };
      sessions.push(session);
    }
    return session;
  };
  for (const flow of view.ipsec) sessionFor(flow.interfaceName, flow.currentPeer).flows.push(flow);
  for (const sa of view.ike) {
    const interfaceName = interfaceOf(sa, view, config);
    if (interfaceName !== null) sessionFor(interfaceName, sa.peer).ike.push(sa);
  }
  return sessions;
}

const DETAIL_CODES = [
  'Code: C - IKE Configuration mode, D - Dead Peer Detection',
  'K - Keepalives, N - NAT-traversal, X - IKE Extended Authentication',
  '',
];

export function showCryptoSession(
  view: RouterView,
  config: RouterConfig,
  detail = false,
): string[] {
  const sessions = sessionsOf(view, config);
  return [
    'Crypto session current status',
    '',
    ...(detail ? DETAIL_CODES : []),
    ...sessions.flatMap((session) => [
      `Interface: ${session.interfaceName}`,
      `Session status: ${status(session)}`,
      ...(detail
        ? [
            `Peer: ${session.peer} port ${IKE_PORT} fvrf: (none) ivrf: (none)`,
            `      Phase1_id: ${session.peer}`,
            '      Desc: (none)',
          ]
        : [`Peer: ${session.peer} port ${IKE_PORT}`]),
      ...session.ike.flatMap((sa) => ikeLines(sa, detail)),
      ...session.flows.flatMap((flow) => flowLines(flow, detail)),
      '',
    ]),
  ];
}
