// The public documents behind the IOS behaviour TunnelScope reproduces: the Sources list the app
// ships. Lessons, presets and panels cite them by id (a citation to an unknown id is a type
// error). Titles are exact; a URL is given only where it is known for certain (RFCs, and Cisco
// pages whose address our IOS notes record). Pure data.

export type Publisher = 'Cisco' | 'Cisco Press' | 'IETF' | 'NetworkLessons';

export type SourceKind =
  | 'tech note'
  | 'configuration guide'
  | 'command reference'
  | 'RFC'
  | 'book'
  | 'public capture';

export interface Source {
  /** The document's exact title. */
  title: string;
  publisher: Publisher;
  kind: SourceKind;
  /** Cisco's document ID, or the RFC number. */
  documentId?: string;
  /** The part of a large document that is meant, by its own heading. */
  part?: string;
  url?: string;
  /** One sentence: what TunnelScope takes from it. */
  about: string;
}

const rfc = (n: number) => `https://www.rfc-editor.org/rfc/rfc${n}`;

/** In the order the Sources list shows them: Cisco first, a public capture, then the RFCs by number. */
export const SOURCES = {
  'tn-115801': {
    title: 'IPsec %RECVD_PKT_INV_SPI Errors and Invalid SPI Recovery Feature Information',
    publisher: 'Cisco',
    kind: 'tech note',
    documentId: '115801',
    url: 'http://www.cisco.com/c/en/us/support/docs/security-vpn/ipsec-negotiation-ike-protocols/115801-ipsec-spi-errors-technologies-tech-note-00.html',
    about:
      'The %CRYPTO-4-RECVD_PKT_INV_SPI message, logged at most once a minute; the DELETE notify IOS sends while it still has an IKE SA; what `crypto isakmp invalid-spi-recovery` adds, and the configurations where it works.',
  },
  'tn-113594': {
    title: 'IOS IPSec and IKE debugs – IKEv1 Main Mode Troubleshooting',
    publisher: 'Cisco',
    kind: 'tech note',
    documentId: '113594',
    about:
      'How IOS debugs read when phase 1 runs, and that a remote-access client with a group pre-shared key negotiates in aggressive mode: main mode is for clients with certificates.',
  },
  'cg-invalid-spi-recovery': {
    title: 'Invalid Security Parameter Index Recovery',
    publisher: 'Cisco',
    kind: 'configuration guide',
    url: 'https://cisco.com/c/en/us/td/docs/ios-xml/ios/sec_conn_dplane/configuration/xe-16/sec-ipsec-data-plane-xe-16-book/sec-invalid-index-rec.html',
    about:
      'Without an IKE SA the receiver can only drop the packet; the recovery feature builds one to send the notify, and is off by default because that is a denial-of-service risk.',
  },
  'cg-dpd-periodic': {
    title: 'IPsec Dead Peer Detection Periodic Message Option',
    publisher: 'Cisco',
    kind: 'configuration guide',
    url: 'http://www.cisco.com/en/US/docs/ios/security/configuration/guide/sec_ipsec_dead_peer.html',
    about:
      '`crypto isakmp keepalive` and its `periodic` keyword: on-demand DPD by default, periodic R-U-THERE messages when asked for, at a cost with many peers.',
  },
  'cg-preferred-peer': {
    title: 'IPsec Preferred Peer',
    publisher: 'Cisco',
    kind: 'configuration guide',
    url: 'http://cisco.com/en/US/docs/ios/sec_secure_connectivity/configuration/guide/sec_ipsec_pref_peer.html',
    about:
      '`set peer … default`: one default peer, first in the list, used with DPD, which resets the peer list so that the default peer is tried next; and the `default` keyword of the idle timer.',
  },
  'cg-idle-timers': {
    title: 'IPsec Security Association Idle Timers',
    publisher: 'Cisco',
    kind: 'configuration guide',
    url: 'http://www.cisco.com/en/US/docs/ios/sec_secure_connectivity/configuration/guide/sec_ipsec_idle_tmrs_ps6441_TSD_Products_Configuration_Guide_Chapter.html',
    about:
      '`crypto ipsec security-association idle-time`: there is no idle timer by default, and with one the SAs of an idle peer are removed before their lifetime ends.',
  },
  'cg-security-lifetimes': {
    title: 'Cisco IOS Security Configuration Guide',
    publisher: 'Cisco',
    kind: 'configuration guide',
    part: 'IPsec security association lifetimes',
    about:
      'An IPsec SA is renegotiated 30 s before its lifetime in seconds ends, or when 90 % of its lifetime in kilobytes is used, whichever comes first.',
  },
  'cg-easy-vpn-server': {
    title: 'Easy VPN Server',
    publisher: 'Cisco',
    kind: 'configuration guide',
    url: 'https://cisco.com/en/US/docs/ios-xml/ios/sec_conn_esyvpn/configuration/12-4t/sec-easy-vpn-srvr.html',
    about:
      'After phase 1 an Easy VPN server authenticates the user with XAUTH against an AAA method list (`crypto map … client authentication list`, `aaa authentication login … local` and `username` lines) and then pushes the client its configuration with mode config.',
  },
  'cg-nhrp': {
    title: 'Configuring NHRP',
    publisher: 'Cisco',
    kind: 'configuration guide',
    url: 'https://cisco.com/c/en/us/td/docs/routers/ios/config/17-x/ip-addressing/b-ip-addressing/m_config-nhrp-0.html',
    about:
      'The DMVPN hub is the NHRP server: it learns each spoke’s public address when the spoke registers.',
  },
  'cr-clear-crypto-sa': {
    title: 'clear crypto sa',
    publisher: 'Cisco',
    kind: 'command reference',
    about:
      'Clearing an IPsec SA also clears its siblings from the same IKE negotiation, and a changed lifetime applies to new SAs only.',
  },
  'cr-clear-crypto-session': {
    title: 'clear crypto session',
    publisher: 'Cisco',
    kind: 'command reference',
    about:
      'Deletes crypto sessions, their IPsec and IKE SAs, all of them or with `remote` those of one peer; the next traffic negotiates main mode and quick mode afresh.',
  },
  'book-ipsec-vpn-design': {
    title: 'IPSec VPN Design',
    publisher: 'Cisco Press',
    kind: 'book',
    about:
      'Legacy IOS IKE keepalives: a peer whose three consecutive keepalives go unacknowledged is unreachable, its SAs are removed and a backup peer is tried.',
  },
  'nl-dmvpn-attributes': {
    title: 'DMVPN - NHRP session attributes',
    publisher: 'NetworkLessons',
    kind: 'public capture',
    url: 'https://notes.networklessons.com/dmvpn-nhrp-session-attributes',
    about:
      'A spoke’s `show dmvpn` as IOS prints it: the legend, the “Interface: Tunnel0, IPv4 NHRP Details” and “Type:Spoke, NHRP Peers” lines, and one row per peer with its state, up time and attributes (S static, D dynamic).',
  },
  rfc2281: {
    title: 'Cisco Hot Standby Router Protocol (HSRP)',
    publisher: 'IETF',
    kind: 'RFC',
    documentId: 'RFC 2281',
    url: rfc(2281),
    about:
      'HSRP’s states, from Initial to Standby and Active, its hello messages, a recommended 3 s between hellos, and a hold time of at least three hellos.',
  },
  rfc2407: {
    title: 'The Internet IP Security Domain of Interpretation for ISAKMP',
    publisher: 'IETF',
    kind: 'RFC',
    documentId: 'RFC 2407',
    url: rfc(2407),
    about:
      'The INITIAL-CONTACT notification: a peer that has no state for you says so, and you drop the SAs you hold for it.',
  },
  rfc2408: {
    title: 'Internet Security Association and Key Management Protocol (ISAKMP)',
    publisher: 'IETF',
    kind: 'RFC',
    documentId: 'RFC 2408',
    url: rfc(2408),
    about: 'The Delete payload, and the Informational exchange that carries it under the IKE SA.',
  },
  rfc2409: {
    title: 'The Internet Key Exchange (IKE)',
    publisher: 'IETF',
    kind: 'RFC',
    documentId: 'RFC 2409',
    url: rfc(2409),
    about:
      'Main mode (six messages), aggressive mode (three) and quick mode (three): how an IKE SA and then an IPsec SA pair are built.',
  },
  rfc3706: {
    title: 'A Traffic-Based Method of Detecting Dead Internet Key Exchange (IKE) Peers',
    publisher: 'IETF',
    kind: 'RFC',
    documentId: 'RFC 3706',
    url: rfc(3706),
    about:
      'Dead Peer Detection: R-U-THERE and R-U-THERE-ACK notifies with sequence numbers, sent only when no traffic from the peer proves it alive.',
  },
  rfc4303: {
    title: 'IP Encapsulating Security Payload (ESP)',
    publisher: 'IETF',
    kind: 'RFC',
    documentId: 'RFC 4303',
    url: rfc(4303),
    about:
      'The SPI in every ESP header names the receiver’s SA: the receiver chooses it, the sender copies it into each packet.',
  },
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;

export const SOURCE_IDS = Object.keys(SOURCES) as SourceId[];

/** "Cisco tech note 115801", "IETF RFC 3706", "Cisco configuration guide". */
export function sourceKindLine(source: Source): string {
  if (source.kind === 'RFC') return source.documentId ?? 'RFC';
  const id = source.documentId ? ` ${source.documentId}` : '';
  return `${source.publisher} ${source.kind}${id}`;
}
