// Pure. `show crypto ipsec sa [peer X] [detail]` in the IOS 12.4(15)T layout.
// Field order and texts: ios-behavior.md section 4.4 [C]. Blank lines: the doc's sample lists
// fields only; a public 12.4 IOS capture (GRE tunnel protection, `flow_id: SW:7`) puts a blank
// line after the counters, after `current outbound spi`, and after each SA list.

import type { IpsecFlowView, ProxyIdent, RouterView, SaEntryView } from '../../sim/snapshot';
import { spiWithDecimal } from '../messages';
import { renderLines } from './render';

export interface ShowCryptoIpsecSaOptions {
  /** `show crypto ipsec sa peer X`: only flows whose current peer is X. */
  peer?: string;
  /** `show crypto ipsec sa detail`: the per-cause error counters. */
  detail?: boolean;
}

/** IKE port of `current_peer … port 500`; NAT-T is not simulated (section 4.1). */
const IKE_PORT = 500;

/** Plain Ethernet MTU on every interface [I]. */
const MTU = 1500;

function ident(id: ProxyIdent): string {
  return `(${id.addr}/${id.mask}/${id.prot}/${id.port})`;
}

/** Authentication (HMAC) transforms produce the digest/verify counts and replay detection [I]. */
function hasHmac(transform: string): boolean {
  return transform.includes('-hmac');
}

/** AES uses a 16-byte IV, DES and 3DES 8, esp-null none (public IOS captures). */
function ivSize(transform: string): number {
  if (transform.includes('esp-aes')) return 16;
  if (transform.includes('esp-des') || transform.includes('esp-3des')) return 8;
  return 0;
}

function saLines(sa: SaEntryView): string[] {
  return [
    `      spi: ${spiWithDecimal(sa.spi)}`,
    `        transform: ${sa.transform} ,`,
    `        in use settings ={${sa.mode}, }`,
    // The doc's sample prints a bare number; real 12.4 images prefix the engine (`SW:7`).
    `        conn id: ${sa.connId}, flow_id: ${sa.flowId}, crypto map: ${sa.cryptoMap}`,
    `        sa timing: remaining key lifetime (k/sec): (${sa.remainingKb}/${sa.remainingSec})`,
    `        IV size: ${ivSize(sa.transform)} bytes`,
    `        replay detection support: ${hasHmac(sa.transform) ? 'Y' : 'N'}`,
    `        Status: ${sa.status}`,
  ];
}

/** One direction: esp SAs (two during a rekey overlap, section 4.4), then empty ah and pcp. */
function directionLines(direction: 'inbound' | 'outbound', sas: SaEntryView[]): string[] {
  return [
    `     ${direction} esp sas:`,
    ...sas.flatMap(saLines),
    '',
    `     ${direction} ah sas:`,
    '',
    `     ${direction} pcp sas:`,
    '',
  ];
}

/**
 * `detail` replaces `#send errors` by per-cause counters (layout from public 15.x captures,
 * without their later `#pkts tagged` lines) [I]. The simulator's send errors are packets with
 * no SA yet, its receive errors failed decapsulations [I].
 */
function errorLines(flow: IpsecFlowView, detail: boolean): string[] {
  if (!detail) return [`    #send errors ${flow.sendErrors}, #recv errors ${flow.recvErrors}`];
  return [
    `    #pkts no sa (send) ${flow.sendErrors}, #pkts invalid sa (rcv) 0`,
    `    #pkts encaps failed (send) 0, #pkts decaps failed (rcv) ${flow.recvErrors}`,
    '    #pkts invalid prot (recv) 0, #pkts verify failed: 0',
    '    #pkts invalid identity (recv) 0, #pkts invalid len (rcv) 0',
    '    #pkts replay rollover (send): 0, #pkts replay rollover (rcv) 0',
    '    ##pkts replay failed (rcv): 0',
    '    #pkts internal err (send): 0, #pkts internal err (recv) 0',
  ];
}

function flowLines(flow: IpsecFlowView, detail: boolean): string[] {
  const transform = flow.outbound[0]?.transform ?? flow.inbound[0]?.transform ?? '';
  const digest = hasHmac(transform) ? flow.encaps : 0;
  const verify = hasHmac(transform) ? flow.decaps : 0;
  return [
    '   protected vrf: (none)',
    `   local  ident (addr/mask/prot/port): ${ident(flow.localIdent)}`,
    `   remote ident (addr/mask/prot/port): ${ident(flow.remoteIdent)}`,
    `   current_peer ${flow.currentPeer} port ${IKE_PORT}`,
    '     PERMIT, flags={origin_is_acl,}',
    `    #pkts encaps: ${flow.encaps}, #pkts encrypt: ${flow.encaps}, #pkts digest: ${digest}`,
    `    #pkts decaps: ${flow.decaps}, #pkts decrypt: ${flow.decaps}, #pkts verify: ${verify}`,
    '    #pkts compressed: 0, #pkts decompressed: 0',
    '    #pkts not compressed: 0, #pkts compr. failed: 0',
    '    #pkts not decompressed: 0, #pkts decompress failed: 0',
    ...errorLines(flow, detail),
    '',
    `     local crypto endpt.: ${flow.localAddr}, remote crypto endpt.: ${flow.currentPeer}`,
    // IOS names the physical interface here; the view only knows the crypto-map interface,
    // which differs for tunnel protection (capture: interface Tunnel0, idb FastEthernet0/1).
    `     path mtu ${MTU}, ip mtu ${MTU}, ip mtu idb ${flow.interfaceName}`,
    `     current outbound spi: ${spiWithDecimal(flow.currentOutboundSpi)}`,
    '',
    ...directionLines('inbound', flow.inbound),
    ...directionLines('outbound', flow.outbound),
  ];
}

/** Flows grouped under their interface, interfaces in order of first appearance. */
function byInterface(flows: IpsecFlowView[]): IpsecFlowView[][] {
  const groups = new Map<string, IpsecFlowView[]>();
  for (const flow of flows) {
    const group = groups.get(flow.interfaceName);
    if (group === undefined) groups.set(flow.interfaceName, [flow]);
    else group.push(flow);
  }
  return [...groups.values()];
}

function interfaceLines(flows: IpsecFlowView[], detail: boolean): string[] {
  const [first] = flows;
  if (first === undefined) return [];
  return [
    `interface: ${first.interfaceName}`,
    `    Crypto map tag: ${first.cryptoMapTag}, local addr ${first.localAddr}`,
    '',
    ...flows.flatMap((flow) => flowLines(flow, detail)),
  ];
}

/**
 * The full output, starting with the blank line IOS prints after the command. A crypto map
 * with no SAs yet still shows its flow with zero counters, `current outbound spi: 0x0(0)` and
 * empty SA lists; the engine provides such flows. With no flow at all (no crypto map applied,
 * or no flow for `peer`) the output is empty: IOS prints no "No SAs found" line.
 */
export function showCryptoIpsecSa(view: RouterView, opts: ShowCryptoIpsecSaOptions = {}): string {
  const flows = view.ipsec.filter((f) => opts.peer === undefined || f.currentPeer === opts.peer);
  if (flows.length === 0) return '';
  const detail = opts.detail ?? false;
  return renderLines(['', ...byInterface(flows).flatMap((group) => interfaceLines(group, detail))]);
}
