// The IPv4 datagram of each packet the trace sends: ISAKMP over UDP 500, ESP (IP protocol 50)
// with a sequence number per SA, and clear packets (ICMP, GRE with NHRP, HSRP). Fed the `sent`
// records in trace order: ESP sequence numbers, IP identifications and each IKE SA's agreed
// policy depend on what was sent before.

import type { IsakmpPolicy } from '../ios/types';
import type { LoadedScenario } from '../scenario/types';
import type { HsrpSpeakingState } from '../sim/packets';
import { EZVPN_CLIENT_PROPOSALS } from '../sim/router/ikePolicy';
import type { PacketRecord } from '../sim/trace';
import { fnv1a, ipv4Number, opaqueBytes } from './bytes';
import { GRE_PROTOCOL_NHRP, HSRP_PORT, hsrpHello, nhrpRegistration } from './clearPayloads';
import { espBodyBytes, espShape } from './espShape';
import { ETHERTYPE_IPV4, esp, gre, IP_PROTO, icmpEcho, ipv4, udp } from './frames';
import { ikeMessage, type Phase2Proposal } from './ikeMessage';
import { acceptedPolicy, offeredPolicies } from './ikePolicy';
import type { RouterConfigs } from './routerConfigs';

const IKE_PORT = 500;
/** IOS sends its own packets with TTL 255; HSRP hellos are link-local (TTL 1). */
const ROUTER_TTL = 255;
const HSRP_TTL = 1;
/** IOS ping's default datagram size, for pings whose flow the scenario does not list. */
const DEFAULT_PING_BYTES = 100;
/** The transform IOS applies without a transform set (forwardingPlan's policyFrom). */
const DEFAULT_TRANSFORM = 'esp-des esp-sha-hmac';
const IP_HEADER_BYTES = 20;
const ICMP_HEADER_BYTES = 8;

/** What an ESP or clear packet carries, read from the trace's `inner` text (describeInner). */
type Inner =
  | { kind: 'icmp'; type: 'echo' | 'reply'; src: number; dst: number }
  | { kind: 'nhrp'; type: 'reg' | 'reply'; src: number; dst: number }
  | { kind: 'hsrp'; group: number; state: HsrpSpeakingState; priority: number; vip: number };

const INNER_ADDRESSED =
  /^(ICMP echo|ICMP echo-reply|NHRP registration|NHRP registration reply) (\S+) > (\S+)$/;
const INNER_HSRP = /^HSRP Hello grp (\d+) (Speak|Standby|Active) pri (\d+) vIP (\S+)$/;

function parseInner(text: string | undefined): Inner | null {
  const hsrp = INNER_HSRP.exec(text ?? '');
  if (hsrp) {
    return {
      kind: 'hsrp',
      group: Number(hsrp[1]),
      state: hsrp[2] as HsrpSpeakingState,
      priority: Number(hsrp[3]),
      vip: ipv4Number(hsrp[4] as string),
    };
  }
  const m = INNER_ADDRESSED.exec(text ?? '');
  if (!m) return null;
  const src = ipv4Number(m[2] as string);
  const dst = ipv4Number(m[3] as string);
  switch (m[1]) {
    case 'ICMP echo':
      return { kind: 'icmp', type: 'echo', src, dst };
    case 'ICMP echo-reply':
      return { kind: 'icmp', type: 'reply', src, dst };
    case 'NHRP registration':
      return { kind: 'nhrp', type: 'reg', src, dst };
    default:
      return { kind: 'nhrp', type: 'reply', src, dst };
  }
}

interface IkeSession {
  offers: IsakmpPolicy[];
  agreed: IsakmpPolicy;
}

export class DatagramBuilder {
  /** Per IKE SA (initiator cookie): the policies MM1 offered and the one MM2 accepted. */
  private readonly ike = new Map<string, IkeSession>();
  /** Last ESP sequence number per SA (sender, destination, SPI). */
  private readonly espSeq = new Map<string, number>();
  /** Last IP identification per sending router. */
  private readonly ipId = new Map<string, number>();
  private readonly flowIndex = new Map<string, { identifier: number; sizeBytes: number }>();
  /** Routers without DPD (an old image) send no DPD vendor ID. */
  private readonly dpdSupport = new Map<string, boolean>();
  private readonly seed: number;

  constructor(
    loaded: LoadedScenario,
    private readonly configs: RouterConfigs,
  ) {
    this.seed = loaded.scenario.seed;
    loaded.scenario.traffic.forEach((flow, i) => {
      if (flow.kind !== 'ping') return;
      this.flowIndex.set(flow.id, { identifier: i + 1, sizeBytes: flow.sizeBytes });
    });
    for (const n of loaded.scenario.nodes) {
      if (n.kind === 'router') this.dpdSupport.set(n.id, n.dpdSupport);
    }
  }

  /**
   * The datagram of a `sent` record, or null for one the capture cannot show (an ISAKMP record
   * without cookies, from a trace older than the capture).
   */
  build(sent: PacketRecord): Uint8Array | null {
    const node = sent.node ?? '';
    const id = (this.ipId.get(node) ?? 0) + 1;
    this.ipId.set(node, id);
    const src = ipv4Number(sent.src);
    const dst = ipv4Number(sent.dst);
    const ip = (protocol: number, payload: Uint8Array, ttl = ROUTER_TTL) =>
      ipv4({ src, dst, protocol, id, ttl, payload });
    if (sent.proto === 'isakmp') {
      const message = this.isakmp(sent, node, src);
      return message && ip(IP_PROTO.udp, udp(src, dst, IKE_PORT, IKE_PORT, message));
    }
    const inner = parseInner(sent.inner);
    if (sent.proto === 'esp') return ip(IP_PROTO.esp, this.esp(sent, node, src, inner));
    if (inner?.kind === 'hsrp') {
      const timers = this.configs.hsrpTimers(node, src, inner.group);
      const hello = hsrpHello({ ...inner, ...timers });
      return ip(IP_PROTO.udp, udp(src, dst, HSRP_PORT, HSRP_PORT, hello), HSRP_TTL);
    }
    if (inner === null) return null;
    if (inner.kind === 'icmp' && inner.src === src && inner.dst === dst) {
      return this.icmpPacket(sent, inner);
    }
    // Outer and inner addresses differ: the packet crossed a GRE tunnel without protection.
    const tunnel = this.configs.greTunnel(node, src, dst);
    const key = tunnel?.key ?? null;
    return ip(
      IP_PROTO.gre,
      inner.kind === 'nhrp'
        ? gre(GRE_PROTOCOL_NHRP, key, this.nhrp(sent, inner))
        : gre(ETHERTYPE_IPV4, key, this.icmpPacket(sent, inner)),
    );
  }

  private isakmp(sent: PacketRecord, node: string, src: number): Uint8Array | null {
    const msg = sent.msg;
    if (!msg || sent.icookie === undefined || sent.rcookie === undefined) return null;
    const group = msg === 'AM1' ? this.configs.ezvpnGroup(node) : null;
    // An Easy VPN client offers its built-in proposals, whatever its policies.
    const own =
      group === null
        ? offeredPolicies(this.configs.isakmpPolicies(node))
        : EZVPN_CLIENT_PROPOSALS.map((p, i) => ({ ...p, priority: i + 1 }));
    let session = this.ike.get(sent.icookie);
    if ((msg === 'MM1' || msg === 'AM1') && !session) {
      session = { offers: own, agreed: own[0] as IsakmpPolicy };
      this.ike.set(sent.icookie, session);
    }
    if ((msg === 'MM2' || msg === 'AM2') && session) {
      session.agreed = acceptedPolicy(session.offers, this.configs.isakmpPolicies(node));
    }
    const agreed = session?.agreed ?? (own[0] as IsakmpPolicy);
    const messageId = sent.messageId ?? 0;
    const seq = sent.seq ?? 0;
    return ikeMessage({
      msg,
      icookie: sent.icookie,
      rcookie: sent.rcookie,
      messageId,
      offered: msg === 'MM2' || msg === 'AM2' ? [agreed] : (session?.offers ?? own),
      agreed,
      dpdVid: this.dpdSupport.get(node) ?? true,
      initialContact: sent.initialContact === true,
      senderAddr: src,
      group,
      deleteSpi: sent.deleteSpi === undefined ? null : Number(sent.deleteSpi),
      seq,
      phase2: this.phase2(node, src, sent.dst),
      // Retransmissions repeat the same bytes, as IOS resends the same message.
      opaqueKey: `${this.seed}|${sent.icookie}|${msg}|${messageId}|${seq}`,
    });
  }

  private phase2(node: string, local: number, peer: string): Phase2Proposal {
    const flow = this.configs.flowToward(node, local, peer);
    const shape = espShape(flow?.transform ?? DEFAULT_TRANSFORM);
    return {
      shape,
      mode: flow?.mode ?? 'Tunnel',
      lifetimeSec: flow?.lifetimeSec ?? 3600,
      lifetimeKb: flow?.lifetimeKb ?? 4_608_000,
      hostProxies: flow?.proxyLocal.mask === '255.255.255.255',
    };
  }

  /** ESP with the SA's SPI, its next sequence number, and ciphertext as long as IOS's would be. */
  private esp(sent: PacketRecord, node: string, src: number, inner: Inner | null): Uint8Array {
    const spi = Number(sent.spi ?? 0);
    const key = `${node}|${sent.dst}|${spi}`;
    const seq = (this.espSeq.get(key) ?? 0) + 1;
    this.espSeq.set(key, seq);
    const p2 = this.phase2(node, src, sent.dst);
    const innerBytes = inner === null ? DEFAULT_PING_BYTES : this.innerLength(sent, inner);
    const greBytes = this.greHeaderBytes(node, src, sent.dst);
    // Tunnel mode adds the inner IP header; transport mode (used with GRE) keeps the GRE packet.
    const payload =
      greBytes === null
        ? innerBytes
        : p2.mode === 'Transport'
          ? greBytes + innerBytes
          : IP_HEADER_BYTES + greBytes + innerBytes;
    const body = opaqueBytes(`${this.seed}|${sent.packetId}`, espBodyBytes(p2.shape, payload));
    return esp(spi, seq, body);
  }

  private greHeaderBytes(node: string, src: number, peer: string): number | null {
    const tunnel = this.configs.greTunnel(node, src, ipv4Number(peer));
    if (tunnel === null) return null;
    return tunnel.key === null ? 4 : 8;
  }

  /** What ESP protects besides GRE: an IP packet, or NHRP, which GRE carries without one. */
  private innerLength(sent: PacketRecord, inner: Inner): number {
    if (inner.kind === 'nhrp') return this.nhrp(sent, inner).length;
    return this.flowIndex.get(sent.flow ?? '')?.sizeBytes ?? DEFAULT_PING_BYTES;
  }

  /** A ping's IP packet, host to host: ICMP echo or reply of the flow's size. */
  private icmpPacket(sent: PacketRecord, inner: Extract<Inner, { kind: 'icmp' }>): Uint8Array {
    const flow = this.flowIndex.get(sent.flow ?? '');
    const identifier = flow?.identifier ?? fnv1a(sent.flow ?? '') & 0xffff;
    const size = flow?.sizeBytes ?? DEFAULT_PING_BYTES;
    const dataBytes = Math.max(0, size - IP_HEADER_BYTES - ICMP_HEADER_BYTES);
    return ipv4({
      src: inner.src,
      dst: inner.dst,
      protocol: IP_PROTO.icmp,
      id: sent.pingSeq ?? 0,
      ttl: ROUTER_TTL,
      payload: icmpEcho(inner.type, identifier, sent.pingSeq ?? 0, dataBytes),
    });
  }

  /**
   * NHRP between tunnel addresses: a spoke's registration (its NBMA address is the outer
   * source) or the hub's reply (the outer destination), which echoes the request's fields.
   */
  private nhrp(sent: PacketRecord, inner: Extract<Inner, { kind: 'nhrp' }>): Uint8Array {
    const reg = inner.type === 'reg';
    const spokeTunnel = reg ? inner.src : inner.dst;
    const spokeNbma = ipv4Number(reg ? sent.src : sent.dst);
    const spokeNode = (reg ? sent.path?.[0] : sent.path?.[sent.path.length - 1]) ?? '';
    return nhrpRegistration({
      type: inner.type,
      spokeNbma,
      spokeTunnel,
      nhsTunnel: reg ? inner.dst : inner.src,
      requestId: fnv1a(`${this.seed}|${spokeTunnel}`),
      holdtimeSec: this.configs.nhrpHoldtimeSec(spokeNode, spokeTunnel),
    });
  }
}
