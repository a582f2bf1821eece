// The teaching scenarios of ios-behavior.md 7.4 and the configuration table of 1.6, each run
// through the engine and checked for what it teaches: who logs what, which SPI a DELETE names,
// when pings resume.

import { describe, expect, it } from 'vitest';
import { showCryptoIpsecSa, showCryptoIsakmpSa } from '../ios/show';
import { parseScenario } from '../scenario/parseScenario';
import { findPreset } from '../scenario/presets';
import { loadEditedPreset } from '../scenario/presets/testEdits';
import type { ExecCommand, LoadedScenario, TimelineEntry } from '../scenario/types';
import { frameAt } from './frame';
import { buildRun } from './run';
import { type SimResult, simulate } from './simulate';
import type { RouterView } from './snapshot';
import {
  type NegotiationRecord,
  NOT_PROGRAMMED_REASON,
  type PacketRecord,
  type PingRecord,
  type SaRecord,
  type TraceRecord,
} from './trace';

/** A preset, loaded, with `timeline` in place of its own when given. */
function loadPreset(id: string, timeline?: TimelineEntry[]): LoadedScenario {
  const preset = findPreset(id);
  if (!preset) throw new Error(`no preset ${id}`);
  const parsed = parseScenario(timeline ? { ...preset.document, timeline } : preset.document);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.loaded;
}

function run(id: string): SimResult {
  return simulate(loadPreset(id));
}

const logs = (r: SimResult, node: string, pattern: RegExp) =>
  r.records.filter(
    (x): x is Extract<TraceRecord, { kind: 'syslog' | 'debug' }> =>
      (x.kind === 'syslog' || x.kind === 'debug') && x.node === node && pattern.test(x.text),
  );

const sent = (r: SimResult, node: string, msg?: string) =>
  r.records.filter(
    (x): x is PacketRecord =>
      x.kind === 'packet' &&
      x.event === 'sent' &&
      x.node === node &&
      (msg === undefined || x.msg === msg),
  );

const sas = (
  r: SimResult,
  node: string,
  event: SaRecord['event'],
  direction: SaRecord['direction'],
) =>
  r.records.filter(
    (x): x is SaRecord =>
      x.kind === 'sa' && x.node === node && x.event === event && x.direction === direction,
  );

const pings = (r: SimResult, flow: string) =>
  r.records.filter((x): x is PingRecord => x.kind === 'ping' && x.flow === flow);

/** Time of the first ok ping of `flow` sent at or after `fromMs`, or undefined. */
function resumesAtMs(r: SimResult, flow: string, fromMs: number): number | undefined {
  return pings(r, flow).find((p) => p.result === 'ok' && p.atMs >= fromMs)?.atMs;
}

function lostIn(r: SimResult, flow: string, fromMs: number, toMs: number): number {
  return pings(r, flow).filter((p) => p.result === 'lost' && p.atMs >= fromMs && p.atMs < toMs)
    .length;
}

const view = (r: SimResult, node: string) => {
  const v = r.views.find((x) => x.node === node);
  if (!v) throw new Error(`no view for ${node}`);
  return v;
};

describe('7.4.1 baseline bring-up', () => {
  const r = run('baseline');

  it('R1 initiates main mode then quick mode; the first ping is lost while the SAs are built', () => {
    const ike = r.records.filter(
      (x): x is PacketRecord => x.kind === 'packet' && x.event === 'sent' && x.proto === 'isakmp',
    );
    expect(ike.map((p) => `${p.node}:${p.msg}`)).toEqual([
      'R1:MM1',
      'R2:MM2',
      'R1:MM3',
      'R2:MM4',
      'R1:MM5',
      'R2:MM6',
      'R1:QM1',
      'R2:QM2',
      'R1:QM3',
    ]);
    expect(logs(r, 'R1', /^IPSEC\(sa_request\)/)).toHaveLength(1);
    const flow = pings(r, 'lan1-to-lan2');
    expect(flow[0]?.result === 'lost' || flow.find((p) => p.seq === 0)?.result === 'lost').toBe(
      true,
    );
    expect(flow.filter((p) => p.result === 'lost')).toHaveLength(1);
  });

  it('installs matching SPIs crosswise: R1 outbound = R2 inbound and vice versa', () => {
    const r1Out = sas(r, 'R1', 'installed', 'outbound').map((s) => s.spi);
    const r2In = sas(r, 'R2', 'installed', 'inbound').map((s) => s.spi);
    const r1In = sas(r, 'R1', 'installed', 'inbound').map((s) => s.spi);
    const r2Out = sas(r, 'R2', 'installed', 'outbound').map((s) => s.spi);
    expect(r1Out).toEqual(r2In);
    expect(r2Out).toEqual(r1In);
    expect(view(r, 'R1').ipsec[0]?.currentOutboundSpi).toBe(
      Number.parseInt(r2In[0]?.slice(2) ?? '', 16),
    );
  });

  it('shows QM_IDLE and counters in `show crypto isakmp sa` / `show crypto ipsec sa`', () => {
    const r1 = view(r, 'R1');
    expect(showCryptoIsakmpSa(r1)).toMatch(/20\.1\.1\.2\s+10\.1\.1\.1\s+QM_IDLE\s+1001\s+0 ACTIVE/);
    const ipsec = showCryptoIpsecSa(r1);
    expect(ipsec).toMatch(/#pkts encaps: \d{3}/);
    expect(ipsec).toContain(
      `current outbound spi: ${sas(r, 'R2', 'installed', 'inbound')[0]?.spi}`,
    );
    expect(logs(r, 'R1', /SESSION_STATUS: Crypto tunnel is UP/)).toHaveLength(1);
  });
});

describe('7.4.2 R2 reloads, no recovery, no DPD: the black hole', () => {
  const r = run('reload-black-hole');
  const staleSpi = sas(r, 'R1', 'installed', 'outbound')[0]?.spi ?? '';
  const staleDecimal = Number.parseInt(staleSpi.slice(2), 16);

  it("R2 drops R1 packets and logs RECVD_PKT_INV_SPI with R1's outbound SPI, at most once a minute", () => {
    const lines = logs(r, 'R2', /RECVD_PKT_INV_SPI/);
    expect(lines[0]?.text).toBe(
      `%CRYPTO-4-RECVD_PKT_INV_SPI: decaps: rec'd IPSEC packet has invalid spi for destaddr=20.1.1.2, prot=50, spi=${staleSpi}(${staleDecimal}), srcaddr=10.1.1.1`,
    );
    expect(lines[0]?.atMs).toBe(150_020); // first stale packet after the 30 s boot
    for (let i = 1; i < lines.length; i++) {
      expect((lines[i]?.atMs ?? 0) - (lines[i - 1]?.atMs ?? 0)).toBeGreaterThanOrEqual(60_000);
    }
    expect(lines.length).toBe(13); // 150 s … 900 s
  });

  it('R2 ignores its own request to send a DELETE (no ISAKMP SA) and never initiates IKE', () => {
    const ignoring = logs(r, 'R2', /ignoring request to send delete notify/);
    expect(ignoring[0]?.text).toBe(
      `ISAKMP: ignoring request to send delete notify (no ISAKMP sa) src 20.1.1.2 dst 10.1.1.1 for SPI ${staleSpi}`,
    );
    expect(ignoring.length).toBeGreaterThan(700); // once per dropped packet: not rate-limited
    expect(sent(r, 'R2', 'MM1')).toHaveLength(0);
  });

  it('pings never resume; the sender still looks healthy with climbing encaps', () => {
    expect(resumesAtMs(r, 'lan1-to-lan2', 121_000)).toBeUndefined();
    const r1 = view(r, 'R1');
    expect(r1.ike[0]?.state).toBe('QM_IDLE');
    expect(r1.ipsec[0]?.encaps).toBeGreaterThan(850);
    expect(r1.ipsec[0]?.decaps).toBeLessThan(130);
    // R2 still shows its crypto map flow, with no SA and outbound SPI 0x0(0).
    expect(
      view(r, 'R2').ipsec.map((f) => [f.currentOutboundSpi, f.inbound.length, f.outbound.length]),
    ).toEqual([[0, 0, 0]]);
    expect(view(r, 'R2').invalidSpiDrops).toBeGreaterThan(700);
  });
});

describe("7.4.2 continued: the black hole across R1's rekey", () => {
  it('R1 rekeys at T-30 s under its stale IKE SA; R2 logs IKMP_NO_SA and pings stay lost', () => {
    const preset = findPreset('reload-black-hole');
    const parsed = parseScenario({ ...preset?.document, durationMs: 3_700_000 });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const r = simulate(parsed.loaded);
    const installedAtMs = sas(r, 'R1', 'installed', 'outbound')[0]?.atMs ?? 0;
    const rekey = sent(r, 'R1', 'QM1').filter((p) => p.atMs > 10_000);
    expect(rekey[0]?.atMs).toBe(installedAtMs + 3_600_000 - 30_000);
    const noSa = logs(
      r,
      'R2',
      /%CRYPTO-4-IKMP_NO_SA: IKE message from 10\.1\.1\.1 has no SA and is not an initialization offer/,
    );
    expect(noSa[0]?.atMs).toBe((rekey[0]?.atMs ?? 0) + 20);
    expect(sas(r, 'R1', 'deleted', 'outbound')[0]).toMatchObject({
      atMs: installedAtMs + 3_600_000,
      reason: 'lifetime expired',
    });
    expect(resumesAtMs(r, 'lan1-to-lan2', 121_000)).toBeUndefined();
  });
});

describe('7.4.3 R2 reloads with crypto isakmp invalid-spi-recovery', () => {
  const r = run('reload-invalid-spi-recovery');
  const staleSpi = sas(r, 'R1', 'installed', 'outbound')[0]?.spi;

  it('R2 starts main mode as initiator with INITIAL-CONTACT and sends a DELETE for the stale SPI', () => {
    const mm1 = sent(r, 'R2', 'MM1');
    expect(mm1[0]?.atMs).toBe(150_020);
    expect(sent(r, 'R2', 'MM5')[0]?.initialContact).toBe(true);
    expect(
      logs(r, 'R1', /Process initial contact, bring down existing phase 1 and 2 SA's/),
    ).toHaveLength(1);
    const deletes = sent(r, 'R2', 'DELETE');
    expect(deletes[0]?.deleteSpi).toBe(staleSpi);
    expect(logs(r, 'R2', /ignoring request to send delete notify/)).toHaveLength(0);
  });

  it('R1 then runs quick mode over the IKE SA R2 built, and pings resume within 2 s of the boot', () => {
    const qm1After = sent(r, 'R1', 'QM1').filter((p) => p.atMs > 150_000);
    expect(qm1After).toHaveLength(1);
    expect(sent(r, 'R1', 'MM1').filter((p) => p.atMs > 150_000)).toHaveLength(0);
    const resumed = resumesAtMs(r, 'lan1-to-lan2', 121_000) ?? Number.POSITIVE_INFINITY;
    expect(resumed).toBeLessThan(152_100);
    expect(lostIn(r, 'lan1-to-lan2', 155_000, 900_000)).toBe(0);
    expect(view(r, 'R2').ike.map((s) => s.state)).toEqual(['QM_IDLE']);
  });
});

describe('7.4.4 R2 lost its IPsec SA but kept the IKE SA', () => {
  const r = run('ipsec-sa-lost-ike-kept');

  it('the DELETE goes out over the existing IKE SA without the recovery command; no new main mode', () => {
    const inv = logs(r, 'R2', /RECVD_PKT_INV_SPI/);
    expect(inv).toHaveLength(1);
    const deletes = sent(r, 'R2', 'DELETE').filter((p) => p.atMs >= 65_000);
    expect(deletes[0]?.deleteSpi).toMatch(/^0x/);
    expect(
      r.records.some(
        (x) => x.kind === 'packet' && x.event === 'sent' && x.msg === 'MM1' && x.atMs > 10_000,
      ),
    ).toBe(false);
    expect(sent(r, 'R1', 'QM1').filter((p) => p.atMs > 65_000)).toHaveLength(1);
    expect(resumesAtMs(r, 'lan1-to-lan2', 62_000)).toBeLessThan(68_100);
  });
});

describe('7.4.5 dynamic crypto map hub reloads: recovery impossible, DPD on the spoke repairs it', () => {
  const r = run('dynamic-map-hub-reload');

  it('the hub logs INV_SPI and ignores the delete request although the command is configured', () => {
    expect(logs(r, 'HUB', /RECVD_PKT_INV_SPI/).length).toBeGreaterThan(0);
    expect(logs(r, 'HUB', /ignoring request to send delete notify/).length).toBeGreaterThan(0);
    expect(sent(r, 'HUB', 'MM1')).toHaveLength(0);
  });

  it('the spoke probes after 60 s of silence, retries five times 2 s apart, declares the hub dead, rebuilds', () => {
    const probes = sent(r, 'SPOKE', 'R-U-THERE');
    expect(probes.map((p) => p.atMs)).toEqual([
      180_000, 182_000, 184_000, 186_000, 188_000, 190_000,
    ]);
    expect(logs(r, 'HUB', /IKMP_NO_SA: IKE message from 10\.1\.1\.1/)).toHaveLength(6);
    const dead = r.records.find(
      (x) => x.kind === 'state' && x.node === 'SPOKE' && x.machine === 'dpd' && x.to === 'dead',
    );
    expect(dead?.atMs).toBe(192_000);
    expect(logs(r, 'SPOKE', /Crypto tunnel is DOWN/)[0]?.atMs).toBe(192_000);
    expect(sent(r, 'SPOKE', 'MM1').map((p) => p.atMs)).toContain(192_000);
    expect(resumesAtMs(r, 'lan1-to-lan2', 121_000)).toBeLessThan(194_100);
  });
});

describe('7.4.6 DMVPN', () => {
  it('hub reload with dynamic NHRP mappings: no recovery, pings stay lost', () => {
    const r = run('dmvpn-hub-reload');
    expect(logs(r, 'HUB', /RECVD_PKT_INV_SPI/).length).toBeGreaterThan(0);
    expect(logs(r, 'HUB', /ignoring request to send delete notify/).length).toBeGreaterThan(0);
    expect(sent(r, 'HUB', 'MM1')).toHaveLength(0);
    expect(view(r, 'HUB').nhrp.filter((e) => e.type === 'dynamic')).toHaveLength(0);
    expect(resumesAtMs(r, 'lan1-to-lan2', 121_000)).toBeUndefined();
  });

  it('spoke reload with a static NHRP mapping: the spoke re-registers, initiates IKE, pings resume', () => {
    const r = run('dmvpn-spoke-reload');
    expect(sent(r, 'SPOKE1', 'MM1').map((p) => p.atMs)).toContain(150_000);
    expect(view(r, 'HUB').nhrp.some((e) => e.type === 'dynamic' && e.nbma === '10.1.1.1')).toBe(
      true,
    );
    expect(resumesAtMs(r, 'lan2-to-lan1', 121_000)).toBeLessThan(153_100);
    expect(lostIn(r, 'lan2-to-lan3', 20_000, 600_000)).toBe(0);
  });
});

describe('configuration table: tunnels with a static peer recover', () => {
  it.each([
    ['gre-tp-reload', 47, '10.1.1.1'],
    ['svti-reload', 0, '0.0.0.0'],
  ])(
    '%s: R2 recovers with INITIAL-CONTACT and a DELETE; proxies are protocol %i',
    (id, prot, localAddr) => {
      const r = run(id);
      expect(sent(r, 'R2', 'MM1')[0]?.atMs).toBe(150_020);
      expect(sent(r, 'R2', 'DELETE')[0]?.deleteSpi).toBe(
        sas(r, 'R1', 'installed', 'outbound')[0]?.spi,
      );
      expect(resumesAtMs(r, 'lan1-to-lan2', 121_000)).toBeLessThan(152_100);
      const flow = view(r, 'R1').ipsec[0];
      expect(flow?.localIdent.prot).toBe(prot);
      expect(flow?.localIdent.addr).toBe(localAddr);
    },
  );

  it('EzVPN client: connect auto re-dials at boot, so invalid-SPI recovery never comes into play', () => {
    const r = run('ezvpn-client-reload');
    // A client with a group key negotiates in aggressive mode (Cisco TAC 113594), never in main.
    expect(sent(r, 'R1', 'AM1').map((p) => p.atMs)).toEqual([0, 150_000]);
    expect(sent(r, 'R1', 'MM1')).toHaveLength(0);
    expect(logs(r, 'R1', /RECVD_PKT_INV_SPI/)).toHaveLength(0);
    expect(resumesAtMs(r, 'lan1-to-lan2', 121_000)).toBeLessThan(153_100);
  });
});

describe('8.6 Easy VPN: aggressive mode, XAUTH, mode config, then quick mode', () => {
  const r = run('ezvpn-client-reload');
  const ike = (from: number, to: number) =>
    r.records
      .filter(
        (x): x is PacketRecord =>
          x.kind === 'packet' &&
          x.event === 'sent' &&
          x.proto === 'isakmp' &&
          x.atMs >= from &&
          x.atMs < to,
      )
      .map((p) => `${p.node}:${p.msg}${p.initialContact ? '+IC' : ''}`);

  it('AM1–AM3 with INITIAL-CONTACT in AM3, XAUTH, then a configuration request before quick mode', () => {
    // The capture's order: phase 1, then XAUTH and mode config, then quick mode; the server asks
    // for the user's credentials, the client answers, the server sets the status, the client
    // acknowledges it and only then asks for its configuration.
    expect(ike(0, 1_000)).toEqual([
      'R1:AM1',
      'R2:AM2',
      'R1:AM3+IC',
      'R2:XAUTH-REQUEST',
      'R1:XAUTH-REPLY',
      'R2:XAUTH-STATUS',
      'R1:XAUTH-ACK',
      'R1:CFG-REQUEST',
      'R2:CFG-REPLY',
      'R1:QM1',
      'R2:QM2',
      'R1:QM3',
    ]);
    expect(logs(r, 'R1', /beginning Aggressive Mode exchange$/).map((x) => x.atMs)).toEqual([
      0, 150_000,
    ]);
    // After the reload the server drops the old session on the INITIAL-CONTACT of AM3.
    expect(ike(150_000, 151_000).slice(0, 3)).toEqual(['R1:AM1', 'R2:AM2', 'R1:AM3+IC']);
    expect(
      sas(r, 'R2', 'deleted', 'inbound').filter((x) => x.reason === 'initial-contact'),
    ).toHaveLength(1);
  });

  it('logs EZVPN_CONNECTION_UP on the client once its SAs are in, in the format of the captures', () => {
    const up = logs(r, 'R1', /^%CRYPTO-6-EZVPN_CONNECTION_UP: /);
    const installed = sas(r, 'R1', 'installed', 'outbound').map((x) => x.atMs);
    expect(up.map((x) => x.atMs)).toEqual(installed);
    // The capture: `(Client)  User=ipsecuser  Group=ipsecgroup  Client_public_addr=…`; the user
    // is the one the client logged in as with XAUTH.
    expect(up[0]?.text).toMatch(
      /^%CRYPTO-6-EZVPN_CONNECTION_UP: \(Client\) {2}User=ipsecuser {2}Group=EZGROUP {2}Client_public_addr=10\.1\.1\.1 {2}Server_public_addr=20\.1\.1\.2/,
    );
    expect(logs(r, 'R2', /EZVPN_CONNECTION/)).toHaveLength(0);
  });

  it('logs EZVPN_CONNECTION_DOWN when the client clears its SAs, and UP when traffic redials', () => {
    const preset = findPreset('ezvpn-client-reload');
    const parsed = parseScenario({
      ...preset?.document,
      timeline: [
        { atMs: 60_000, action: 'exec', node: 'R1', command: 'clear crypto isakmp' },
        { atMs: 60_000, action: 'exec', node: 'R1', command: 'clear crypto sa' },
      ],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const cleared = simulate(parsed.loaded);
    const lines = logs(cleared, 'R1', /EZVPN_CONNECTION_(UP|DOWN)/).map(
      (x) => `${x.atMs} ${/EZVPN_CONNECTION_\w+/.exec(x.text)?.[0]}`,
    );
    expect(lines).toEqual([
      '200 EZVPN_CONNECTION_UP',
      '60000 EZVPN_CONNECTION_DOWN',
      '61200 EZVPN_CONNECTION_UP',
    ]);
  });

  /** The preset with R1's (the client's) saved credentials replaced by `lines`. */
  const withClientCredentials = (lines: string) => {
    const preset = findPreset('ezvpn-client-reload');
    const nodes = preset?.document.nodes.map((node) =>
      node.kind === 'router' && node.id === 'R1'
        ? { ...node, config: node.config.replace(/ username .*\n xauth userid mode local/, lines) }
        : node,
    );
    const parsed = parseScenario({ ...preset?.document, nodes, timeline: [] });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return simulate(parsed.loaded);
  };

  it('a wrong XAUTH password: the server refuses it, no quick mode, the tunnel never comes up', () => {
    const refused = withClientCredentials(' username ipsecuser password wrong');
    const sentIke = refused.records
      .filter((x): x is PacketRecord => x.kind === 'packet' && x.event === 'sent' && !!x.msg)
      .map((x) => `${x.node}:${x.msg}`);
    expect(sentIke.slice(0, 7)).toEqual([
      'R1:AM1',
      'R2:AM2',
      'R1:AM3',
      'R2:XAUTH-REQUEST',
      'R1:XAUTH-REPLY',
      'R2:XAUTH-STATUS',
      'R1:XAUTH-ACK',
    ]);
    expect(sentIke.filter((m) => /CFG-|QM\d/.test(m))).toEqual([]);
    expect(pings(refused, 'lan1-to-lan2').every((p) => p.result === 'lost')).toBe(true);
    expect(logs(refused, 'R1', /EZVPN_CONNECTION_UP/)).toHaveLength(0);
    const failed = refused.records.filter((x): x is NegotiationRecord => x.kind === 'negotiation');
    expect(failed[0]).toMatchObject({ node: 'R2', peer: '10.1.1.1', cause: 'xauth-refused' });
    // Both ends drop the IKE SA once the status is acknowledged (the client then dials again).
    const deleted = refused.records.filter(
      (x) => x.kind === 'state' && x.machine === 'ike' && x.to === 'deleted',
    );
    const firstSession = deleted.filter((x) => x.kind === 'state' && x.instance === 1001);
    expect([...new Set(firstSession.map((x) => (x.kind === 'state' ? x.node : '')))]).toEqual([
      'R1',
      'R2',
    ]);
    expect(firstSession.every((x) => x.atMs < 1_000)).toBe(true);
  });

  it('no saved credentials: the client asks its user and waits in CONF_XAUTH', () => {
    const waiting = withClientCredentials('');
    expect(logs(waiting, 'R1', /^EZVPN\(EZ\): Pending XAuth Request/)).toHaveLength(1);
    expect(logs(waiting, 'R1', /EZVPN_CONNECTION_UP/)).toHaveLength(0);
    expect(pings(waiting, 'lan1-to-lan2').every((p) => p.result === 'lost')).toBe(true);
  });
});

describe('8.9 negotiations that fail: no tunnel, and the responder says why', () => {
  const negotiations = (r: SimResult) =>
    r.records.filter((x): x is NegotiationRecord => x.kind === 'negotiation');
  const noPingOk = (r: SimResult) => pings(r, 'lan1-to-lan2').every((p) => p.result === 'lost');

  it('mismatched pre-shared keys: R2 cannot read MM5, R1 resends it until phase 1 dies', () => {
    const r = run('psk-mismatch');
    expect(noPingOk(r)).toBe(true);
    expect(pings(r, 'lan1-to-lan2').length).toBeGreaterThan(150);
    // The capture's text, once per MM5 that reaches R2: the first and its five retransmissions.
    const bad = logs(r, 'R2', /^%CRYPTO-4-IKMP_BAD_MESSAGE: /);
    expect(bad[0]?.text).toBe(
      '%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from 10.1.1.1 failed its sanity check or is malformed',
    );
    const mm5 = sent(r, 'R1', 'MM5').map((p) => p.atMs);
    expect(mm5.slice(0, 6)).toEqual([5_080, 15_080, 25_080, 35_080, 45_080, 55_080]);
    expect(bad.slice(0, 6).map((x) => x.atMs)).toEqual(mm5.slice(0, 6).map((t) => t + 20));
    expect(logs(r, 'R1', /retransmitting phase 1 MM_KEY_EXCH/).length).toBeGreaterThanOrEqual(5);
    expect(logs(r, 'R1', /Death by retransmission P1/)[0]?.atMs).toBe(65_080);
    // Phase 1 never completes, so no quick mode and no SA; the next ping starts over.
    expect(sent(r, 'R1', 'QM1')).toHaveLength(0);
    expect(r.records.some((x) => x.kind === 'sa')).toBe(false);
    expect(
      sent(r, 'R1', 'MM1')
        .map((p) => p.atMs)
        .slice(0, 2),
    ).toEqual([5_000, 66_000]);
    expect(negotiations(r)[0]).toMatchObject({
      atMs: 5_100,
      node: 'R2',
      peer: '10.1.1.1',
      phase: 1,
      reason: 'pre-shared keys differ',
    });
    // Both sit in MM_KEY_EXCH meanwhile: the state that points at the keys.
    const stuck = simulate(loadPreset('psk-mismatch'), { untilMs: 30_000 }).views;
    expect(stuck.flatMap((v) => v.ike.map((sa) => `${v.node} ${sa.state}`))).toEqual([
      'R1 MM_KEY_EXCH',
      'R2 MM_KEY_EXCH',
    ]);
  });

  it('no common ISAKMP policy: R2 refuses MM1, R1 stays in MM_NO_STATE and retransmits', () => {
    const r = run('no-common-policy');
    expect(noPingOk(r)).toBe(true);
    expect(logs(r, 'R2', /atts are not acceptable/)[0]?.text).toBe(
      'ISAKMP:(0):atts are not acceptable. Next payload is 0',
    );
    const failures = logs(r, 'R2', /^%CRYPTO-6-IKMP_MODE_FAILURE: /);
    expect(failures[0]?.text).toBe(
      '%CRYPTO-6-IKMP_MODE_FAILURE: Processing of Main mode failed with peer at 10.1.1.1',
    );
    expect(failures.slice(0, 6).map((x) => x.atMs)).toEqual([
      5_020, 15_020, 25_020, 35_020, 45_020, 55_020,
    ]);
    expect(sent(r, 'R2', 'MM2')).toHaveLength(0);
    expect(sent(r, 'R1', 'MM3')).toHaveLength(0);
    expect(view(r, 'R2').ike).toEqual([]);
    expect(negotiations(r)[0]).toMatchObject({
      node: 'R2',
      phase: 1,
      reason: 'no common ISAKMP policy',
    });
  });

  it('mismatched transform sets: phase 2 fails, the IKE SA stays, no IPsec SA is built', () => {
    const r = run('transform-set-mismatch');
    expect(noPingOk(r)).toBe(true);
    expect(sent(r, 'R2', 'MM6')).toHaveLength(1);
    expect(logs(r, 'R2', /phase 2 SA policy not acceptable/)[0]?.text).toBe(
      'ISAKMP:(1001): phase 2 SA policy not acceptable! (local 20.1.1.2 remote 10.1.1.1)',
    );
    expect(logs(r, 'R2', /IPSec policy invalidated proposal with error 256/)).not.toHaveLength(0);
    expect(logs(r, 'R2', /^%CRYPTO-6-IKMP_MODE_FAILURE: /)[0]?.text).toBe(
      '%CRYPTO-6-IKMP_MODE_FAILURE: Processing of Quick mode failed with peer at 10.1.1.1',
    );
    // R1 resends QM1 until it gives up, then the next ping tries again over the same IKE SA.
    const qm1 = sent(r, 'R1', 'QM1').map((p) => p.atMs);
    expect(qm1.slice(0, 7)).toEqual([5_120, 15_120, 25_120, 35_120, 45_120, 55_120, 66_000]);
    expect(logs(r, 'R1', /Death by retransmission P2/)[0]?.atMs).toBe(65_120);
    expect(r.records.some((x) => x.kind === 'sa')).toBe(false);
    expect(sent(r, 'R1', 'MM1')).toHaveLength(1);
    for (const node of ['R1', 'R2']) {
      expect(view(r, node).ike.map((sa) => sa.state)).toEqual(['QM_IDLE']);
      expect(view(r, node).ipsec.flatMap((f) => [...f.inbound, ...f.outbound])).toEqual([]);
    }
    expect(negotiations(r).every((x) => x.node === 'R2' && x.phase === 2)).toBe(true);
  });

  it('crypto ACLs not mirrored: R2 refuses the proxy identities, the IKE SA stays, no IPsec SA', () => {
    const r = run('proxy-mismatch');
    expect(noPingOk(r)).toBe(true);
    expect(sent(r, 'R2', 'MM6')).toHaveLength(1);
    // Public troubleshooting notes quote IOS 12.4 under `debug crypto ipsec` for "mismatched
    // encryption domains": "map_db_find_best did not find matching map" then
    // "IPSEC(ipsec_process_proposal): proxy identities not supported" ([M], simplified).
    const refusal = logs(r, 'R2', /.*/).filter((x) => x.atMs === 5_140);
    expect(refusal.map((x) => x.text)).toEqual([
      'ISAKMP (0:1001): received packet from 10.1.1.1 dport 500 sport 500 Global (R) QM_IDLE      ',
      'map_db_find_best did not find matching map',
      'IPSEC(ipsec_process_proposal): proxy identities not supported',
      'ISAKMP:(1001):IPSec policy invalidated proposal with error 32',
      'ISAKMP:(1001): phase 2 SA policy not acceptable! (local 20.1.1.2 remote 10.1.1.1)',
      '%CRYPTO-6-IKMP_MODE_FAILURE: Processing of Quick mode failed with peer at 10.1.1.1',
    ]);
    expect(
      r.records.find(
        (x): x is PacketRecord => x.kind === 'packet' && x.event === 'dropped' && x.msg === 'QM1',
      )?.reason,
    ).toBe(
      'proxy identities not supported: no crypto map entry of R2 permits 192.168.2.0/255.255.255.0/0/0 → 192.168.1.0/255.255.255.0/0/0',
    );
    // R1 resends QM1 until it gives up, as with mismatched transform sets.
    expect(logs(r, 'R1', /Death by retransmission P2/)[0]?.atMs).toBe(65_120);
    expect(r.records.some((x) => x.kind === 'sa')).toBe(false);
    for (const node of ['R1', 'R2']) {
      expect(view(r, node).ike.map((sa) => sa.state)).toEqual(['QM_IDLE']);
      expect(view(r, node).ipsec.flatMap((f) => [...f.inbound, ...f.outbound])).toEqual([]);
    }
    expect(negotiations(r)[0]).toMatchObject({ node: 'R2', phase: 2, cause: 'proxy-mismatch' });
    expect(negotiations(r).every((x) => x.node === 'R2' && x.cause === 'proxy-mismatch')).toBe(
      true,
    );
  });

  it('mirrored crypto ACLs with the same pairs bring the tunnel up (the control case)', () => {
    const r = simulate(
      loadEditedPreset('proxy-mismatch', 'R2', (config) =>
        config.replace('192.168.10.0 0.0.0.255', '192.168.1.0 0.0.0.255'),
      ),
    );
    expect(pings(r, 'lan1-to-lan2').some((p) => p.result === 'ok')).toBe(true);
  });

  it('a crypto map applied to no interface: no IKE at all, pings leave R1 in the clear', () => {
    const r = run('map-not-applied');
    expect(noPingOk(r)).toBe(true);
    expect(r.records.some((x) => x.kind === 'packet' && x.proto !== 'ip')).toBe(false);
    const echo = r.records.find(
      (x): x is PacketRecord => x.kind === 'packet' && x.event === 'sent' && x.node === 'R1',
    );
    expect(echo).toMatchObject({ proto: 'ip', src: '192.168.1.10', dst: '192.168.2.10' });
    expect(
      r.records.find((x): x is PacketRecord => x.kind === 'packet' && x.event === 'dropped')
        ?.reason,
    ).toBe('no router owns 192.168.2.10 on the internet');
    expect(r.records.some((x) => x.kind === 'syslog' || x.kind === 'negotiation')).toBe(false);
    expect(view(r, 'R1').unappliedMaps).toEqual(['CMAP']);
    expect(view(r, 'R2').unappliedMaps).toBeUndefined();
    expect(view(r, 'R1').ike).toEqual([]);
    expect(view(r, 'R2').ike).toEqual([]);
  });

  it('an incomplete crypto map entry protects nothing: no IKE at all, pings leave in clear', () => {
    const r = run('incomplete-map');
    expect(noPingOk(r)).toBe(true);
    expect(r.records.some((x) => x.kind === 'packet' && x.proto !== 'ip')).toBe(false);
    expect(
      r.records.find((x): x is PacketRecord => x.kind === 'packet' && x.event === 'dropped')
        ?.reason,
    ).toBe('no router owns 192.168.2.10 on the internet');
    expect(view(r, 'R1').ipsec).toEqual([]);
  });
});

describe('8.9 lifetime by volume', () => {
  const r = run('volume-lifetime');

  it('both ends use the smaller kilobytes lifetime, and R1 rekeys at 90 % of it', () => {
    expect(logs(r, 'R1', /^IPSEC\(sa_request\)/)[0]?.text).toContain('lifedur= 3600s and 2560kb');
    // 18,060-byte ESP packets from the ping at 6 s: the 131st passes 90 % of 2560 KB.
    expect(sent(r, 'R1', 'QM1').map((p) => p.atMs)).toEqual([5_120, 136_000, 267_000]);
    // Only the first echo is lost, while the first SA is built; none at the rekeys.
    const lost = pings(r, 'lan1-to-lan2').filter((p) => p.result === 'lost');
    expect(lost.map((p) => p.seq)).toEqual([0]);
    // The old pair serves 30 s more, then both ends delete it.
    const deleted = sas(r, 'R1', 'deleted', 'outbound');
    expect(deleted.map((x) => [x.atMs, x.reason])).toEqual([
      [166_000, 'lifetime expired'],
      [297_000, 'lifetime expired'],
    ]);
    expect(view(r, 'R2').ipsec[0]?.inbound[0]?.lifetimeKb).toBe(2560);
  });

  it('counts the kilobytes down in show crypto ipsec sa, per SA', () => {
    const built = buildRun(loadPreset('volume-lifetime'));
    const remaining = (t: number) =>
      frameAt(built, t).routers.find((v) => v.node === 'R1')?.ipsec[0]?.outbound[0]?.remainingKb;
    // By 60 s R1 has sent 55 packets of 18,060 bytes on its first SA.
    expect(remaining(60_000)).toBe(2560 - Math.floor((55 * 18_060) / 1024));
    expect(remaining(120_000)).toBe(2560 - Math.floor((115 * 18_060) / 1024));
    const text = showCryptoIpsecSa(frameAt(built, 120_000).routers[0] as RouterView);
    expect(text).toContain(`(k/sec): (${remaining(120_000)}/`);
  });

  it('expires an SA at 100 % of its volume when its rekey cannot happen', () => {
    const cut = simulate(
      loadPreset('volume-lifetime', [
        { atMs: 130_000, action: 'link-down', link: 'R2-ISP' },
        { atMs: 200_000, action: 'link-up', link: 'R2-ISP' },
      ]),
    );
    // The 146th packet uses up 2560 KB: R1 is still sending into the dead link.
    expect(sas(cut, 'R1', 'deleted', 'outbound')[0]).toMatchObject({
      atMs: 151_000,
      reason: 'kilobytes lifetime expired',
    });
  });
});

describe('7.4.7 link failure with DPD and a backup peer', () => {
  const r = run('dpd-backup-peer');

  it('60 s of silence, five retries, peer dead; the default peer first, then 30.1.1.3', () => {
    const probes = sent(r, 'R1', 'R-U-THERE');
    expect(probes.map((p) => p.atMs)).toEqual([
      180_000, 182_000, 184_000, 186_000, 188_000, 190_000,
    ]);
    expect(new Set(probes.map((p) => p.seq)).size).toBe(6);
    const mm1 = sent(r, 'R1', 'MM1');
    // `set peer 20.1.1.2 default`: DPD resets the peer list, so main mode goes to the dead default
    // peer first (six MM1s 10 s apart); only when it times out does R1 move on (IPsec Preferred Peer).
    expect(mm1.map((p) => [p.atMs, p.dst])).toEqual([
      [5_000, '20.1.1.2'],
      [192_000, '20.1.1.2'],
      [202_000, '20.1.1.2'],
      [212_000, '20.1.1.2'],
      [222_000, '20.1.1.2'],
      [232_000, '20.1.1.2'],
      [242_000, '20.1.1.2'],
      [252_000, '30.1.1.3'],
    ]);
    expect(logs(r, 'R1', /Death by retransmission P1/).map((l) => l.atMs)).toEqual([252_000]);
    expect(resumesAtMs(r, 'lan1-to-lan3', 121_000)).toBeLessThan(254_100);
  });

  it('without `default`, DPD fails over straight to the next peer', () => {
    const plain = simulate(
      loadEditedPreset('dpd-backup-peer', 'R1', (config) =>
        config.replace('set peer 20.1.1.2 default', 'set peer 20.1.1.2'),
      ),
    );
    expect(sent(plain, 'R1', 'MM1').map((p) => [p.atMs, p.dst])).toEqual([
      [5_000, '20.1.1.2'],
      [192_000, '30.1.1.3'],
    ]);
  });
});

describe('7.4.12 HSRP headend failover', () => {
  const r = run('hsrp-headend-failover');
  const hsrp = (node: string) =>
    r.records.filter((x) => x.kind === 'state' && x.node === node && x.machine === 'hsrp');
  const hsrpAt = (node: string, to: string) =>
    hsrp(node).find((x) => x.kind === 'state' && x.to === to)?.atMs;

  it('elects HE1 (priority 110) Active and HE2 Standby, with hellos on the segment only', () => {
    expect(
      hsrp('HE1')
        .map((x) => x.kind === 'state' && [x.atMs, x.to])
        .slice(0, 3),
    ).toEqual([
      [0, 'Listen'],
      [10_000, 'Speak'],
      [20_000, 'Active'],
    ]);
    expect(hsrpAt('HE2', 'Standby')).toBe(30_000);
    expect(
      logs(r, 'HE1', /^%HSRP-5-STATECHANGE: FastEthernet0\/0 Grp 1 state Speak -> Active$/),
    ).toHaveLength(1);
    const hellos = r.records.filter(
      (x): x is PacketRecord =>
        x.kind === 'packet' && x.event === 'sent' && x.inner?.startsWith('HSRP Hello') === true,
    );
    expect(hellos.length).toBeGreaterThan(100);
    expect(new Set(hellos.map((h) => h.dst))).toEqual(new Set(['224.0.0.2']));
    expect(
      hellos.every(
        (h) => h.path?.join(' ') === `${h.node} DMZ ${h.node === 'HE1' ? 'HE2' : 'HE1'}`,
      ),
    ).toBe(true);
    // The first tunnel is built with HE1, on the virtual IP.
    const mm2 = sent(r, 'HE1', 'MM2')[0];
    expect([mm2?.atMs, mm2?.src]).toEqual([30_021, '20.1.1.10']);
    expect(sent(r, 'HE2', 'MM2').every((p) => p.atMs > 120_000)).toBe(true);
  });

  it('HE2 becomes Active one hold time after HE1’s last hello; it never held an SA until then', () => {
    const lastHello = r.records
      .filter(
        (x) =>
          x.kind === 'packet' &&
          x.event === 'delivered' &&
          x.node === 'HE2' &&
          x.src === '20.1.1.2' &&
          x.atMs < 120_000,
      )
      .at(-1);
    expect(lastHello?.atMs).toBe(119_002);
    expect(hsrpAt('HE2', 'Active')).toBe(119_002 + 10_000);
    expect(logs(r, 'HE2', /state Standby -> Active$/).map((x) => x.atMs)).toEqual([129_002]);
    expect(sas(r, 'HE2', 'installed', 'inbound').every((s) => s.atMs > 129_002)).toBe(true);
  });

  it('HE2 receives R1’s stale SPI: INV_SPI once a minute, and ignores the delete notify (no ISAKMP sa)', () => {
    const stale = sas(r, 'R1', 'installed', 'outbound')[0]?.spi ?? '';
    expect(sas(r, 'HE1', 'installed', 'inbound')[0]?.spi).toBe(stale);
    const invSpi = logs(r, 'HE2', /^%CRYPTO-4-RECVD_PKT_INV_SPI/);
    expect(invSpi.map((x) => x.atMs)).toEqual([130_021]);
    expect(invSpi[0]?.text).toContain(`destaddr=20.1.1.10, prot=50, spi=${stale}`);
    expect(invSpi[0]?.text).toContain('srcaddr=10.1.1.1');
    const ignoring = logs(
      r,
      'HE2',
      /^ISAKMP: ignoring request to send delete notify \(no ISAKMP sa\)/,
    );
    expect(ignoring.length).toBe(12); // one per dropped packet, 2:10 to 2:21
    expect(ignoring[0]?.text).toBe(
      `ISAKMP: ignoring request to send delete notify (no ISAKMP sa) src 20.1.1.10 dst 10.1.1.1 for SPI ${stale}`,
    );
    expect(sent(r, 'HE2', 'DELETE')).toEqual([]);
    expect(logs(r, 'HE1', /RECVD_PKT_INV_SPI/)).toEqual([]);
  });

  it('R1’s DPD goes unanswered (IKMP_NO_SA on HE2), declares 20.1.1.10 dead, and rebuilds MM+QM with HE2', () => {
    const probes = sent(r, 'R1', 'R-U-THERE');
    expect(probes.map((p) => p.atMs)).toEqual([
      130_000, 132_000, 134_000, 136_000, 138_000, 140_000,
    ]);
    expect(logs(r, 'HE2', /^%CRYPTO-4-IKMP_NO_SA: IKE message from 10.1.1.1/)).toHaveLength(6);
    expect(sent(r, 'HE2', 'R-U-THERE-ACK')).toEqual([]);
    const dead = r.records.find(
      (x) => x.kind === 'state' && x.node === 'R1' && x.machine === 'dpd' && x.to === 'dead',
    );
    expect(dead?.atMs).toBe(142_000);
    expect(sas(r, 'R1', 'deleted', 'outbound').map((s) => [s.atMs, s.reason])).toEqual([
      [142_000, 'peer-dead'],
    ]);
    expect(sent(r, 'R1', 'MM1').map((p) => [p.atMs, p.dst])).toEqual([
      [30_000, '20.1.1.10'],
      [142_000, '20.1.1.10'],
    ]);
    // The new tunnel's far end is HE2, behind the same address.
    const replies = sent(r, 'HE2', 'MM2').concat(sent(r, 'HE2', 'QM2'));
    expect(replies.map((p) => [p.msg, p.src])).toEqual([
      ['MM2', '20.1.1.10'],
      ['QM2', '20.1.1.10'],
    ]);
    expect(sas(r, 'R1', 'installed', 'outbound')[1]?.spi).toBe(
      sas(r, 'HE2', 'installed', 'inbound')[0]?.spi,
    );
    expect(resumesAtMs(r, 'lan1-to-lan2', 121_000)).toBe(143_042);
    expect(lostIn(r, 'lan1-to-lan2', 121_000, 200_000)).toBe(23);
    expect(lostIn(r, 'lan1-to-lan2', 145_000, 360_000)).toBe(0);
  });

  it('HE1 comes back as Standby (no preempt) and the story ends on HE2', () => {
    expect(
      hsrp('HE1')
        .map((x) => x.kind === 'state' && [x.atMs, x.to])
        .slice(3),
    ).toEqual([
      [120_000, 'Init'],
      [150_000, 'Listen'],
      [160_000, 'Speak'],
      [170_000, 'Standby'],
    ]);
    expect((view(r, 'HE2').hsrp ?? []).map((g) => [g.state, g.vip])).toEqual([
      ['Active', '20.1.1.10'],
    ]);
    expect((view(r, 'HE1').hsrp ?? []).map((g) => [g.state, g.active])).toEqual([
      ['Standby', '20.1.1.3'],
    ]);
    // The crypto map is shown, as IOS does, but HE1 holds no SA: stateless failover.
    expect(view(r, 'HE1').ipsec.flatMap((f) => [...f.inbound, ...f.outbound])).toEqual([]);
    expect(view(r, 'HE1').ike).toEqual([]);
  });
});

describe('7.4.12 variant: standby 1 preempt typed on HE1 once it is Standby again', () => {
  const preset = findPreset('hsrp-headend-failover');
  const document = structuredClone(preset?.document);
  document?.timeline?.push({
    atMs: 200_000,
    action: 'config',
    node: 'HE1',
    lines: ['interface FastEthernet0/0', 'standby 1 preempt'],
  });
  const parsed = parseScenario(document);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const r = simulate(parsed.loaded);

  it('HE1 takes the address back at HE2’s next hello, and the failover story repeats the other way', () => {
    const changes = (node: string) =>
      logs(r, node, /^%HSRP-5-STATECHANGE/)
        .filter((x) => x.atMs >= 200_000)
        .map((x) => [x.atMs, x.text.replace(/^.* state /, '')]);
    expect(changes('HE1')).toEqual([
      [200_000, 'Init -> Listen'],
      [201_004, 'Listen -> Active'],
    ]);
    // HE1's hello due at 200 s leaves (as Standby) before the typed line restarts its HSRP, so
    // HE2 last heard a Standby at 200.002 s and takes the role when that hold time ends.
    expect(changes('HE2')).toEqual([
      [201_006, 'Active -> Speak'],
      [210_002, 'Speak -> Standby'],
    ]);
    expect(logs(r, 'HE1', /RECVD_PKT_INV_SPI/).map((x) => x.atMs)).toEqual([202_021]);
    expect(sent(r, 'R1', 'MM1').map((p) => p.atMs)).toEqual([30_000, 142_000, 223_000]);
    expect(resumesAtMs(r, 'lan1-to-lan2', 201_000)).toBe(224_042);
  });
});

describe('7.4.8 on-demand vs periodic DPD on an idle tunnel', () => {
  it('on-demand sends nothing while idle: the failure is found only when traffic returns', () => {
    const r = run('dpd-idle-on-demand');
    const probes = sent(r, 'R1', 'R-U-THERE');
    expect(probes[0]?.atMs).toBe(300_000);
    expect(probes).toHaveLength(6);
  });

  it('periodic probes every 60 s even when idle, and detects the failure about 70 s after it', () => {
    const r = run('dpd-idle-periodic');
    const probes = sent(r, 'R1', 'R-U-THERE').filter((p) => p.dst === '20.1.1.2');
    expect(probes[0]?.atMs).toBeLessThan(90_000); // a probe (answered) before the failure
    const dead = r.records.find(
      (x) => x.kind === 'state' && x.node === 'R1' && x.machine === 'dpd' && x.to === 'dead',
    );
    expect(dead?.atMs).toBeGreaterThan(90_000);
    expect(dead?.atMs).toBeLessThanOrEqual(90_000 + 60_000 + 12_000);
    // When traffic returns the dead peer is already gone: IKE goes straight to the backup.
    expect(
      sent(r, 'R1', 'MM1')
        .filter((p) => p.atMs >= 300_000)
        .map((p) => p.dst),
    ).toEqual(['30.1.1.3']);
  });
});

describe('7.4.9 IPsec SA idle timer', () => {
  const r = run('idle-timer');

  it('deletes the idle pair 120 s after the last packet, tells the peer, and drops the IKE SA too', () => {
    const deleted = sas(r, 'R1', 'deleted', 'inbound');
    expect(deleted[0]?.reason).toBe('idle timer expired');
    const lastTrafficAtMs = Math.max(
      ...r.records
        .filter((x) => x.kind === 'packet' && x.proto === 'esp' && x.atMs < 100_000)
        .map((x) => x.atMs),
    );
    expect(deleted[0]?.atMs).toBe(lastTrafficAtMs + 120_000);
    expect(sent(r, 'R1', 'DELETE')[0]?.deleteSpi).toBe(deleted[0]?.spi);
    expect(sas(r, 'R2', 'deleted', 'outbound')[0]?.spi).toBe(deleted[0]?.spi);
    const ikeGone = r.records.find(
      (x) => x.kind === 'state' && x.node === 'R1' && x.machine === 'ike' && x.to === 'deleted',
    );
    expect(ikeGone?.atMs).toBe(deleted[0]?.atMs);
    // R1 tells R2 with an ISAKMP DELETE, so R2 drops its IKE SA too.
    const r2IkeGone = r.records.find(
      (x) => x.kind === 'state' && x.node === 'R2' && x.machine === 'ike' && x.to === 'deleted',
    );
    expect(r2IkeGone?.atMs).toBe((deleted[0]?.atMs ?? 0) + 20);
  });

  it('the next packet triggers a full main mode and quick mode with new SPIs', () => {
    const mm1 = sent(r, 'R1', 'MM1').map((p) => p.atMs);
    expect(mm1).toEqual([5_000, 360_000]);
    const outbound = sas(r, 'R1', 'installed', 'outbound').map((s) => s.spi);
    expect(new Set(outbound).size).toBe(2);
  });
});

describe('7.4.10 idle timer with the default keyword returns to the preferred peer', () => {
  it('after the R3 SA idles out, the next attempt goes to the default peer R2', () => {
    const r = run('idle-default-peer');
    const mm1 = sent(r, 'R1', 'MM1').map((p) => p.dst);
    // After DPD: the default first (until its main mode times out), then the backup, then back.
    expect(mm1).toEqual([...Array(7).fill('20.1.1.2'), '30.1.1.3', '20.1.1.2']);
  });
});

describe('7.4.11 rekey race: a harmless invalid SPI', () => {
  const r = run('rekey-race');
  // R1's new outbound SPI of each rekey: installed when its QM2 arrives (the first is bring-up).
  const rekeys = sas(r, 'R1', 'installed', 'outbound').slice(1);
  const invSpi = logs(r, 'R2', /RECVD_PKT_INV_SPI/);

  it("R2 logs RECVD_PKT_INV_SPI once per rekey, naming R1's new outbound SPI", () => {
    expect(rekeys.map((sa) => sa.atMs)).toEqual([92_700, 182_740, 272_780]);
    expect(invSpi.map((line) => line.atMs)).toEqual([93_020, 183_020, 273_020]);
    invSpi.forEach((line, i) => {
      const spi = rekeys[i]?.spi ?? '';
      expect(line.text).toBe(
        `%CRYPTO-4-RECVD_PKT_INV_SPI: decaps: rec'd IPSEC packet has invalid spi for destaddr=20.1.1.2, prot=50, spi=${spi}(${Number.parseInt(spi.slice(2), 16)}), srcaddr=10.1.1.1`,
      );
    });
    // One dropped packet per rekey, each while R2 still programs the SA: never the same SPI twice.
    const drops = r.records.filter(
      (x): x is PacketRecord => x.kind === 'packet' && x.event === 'dropped' && x.node === 'R2',
    );
    expect(drops.map((d) => d.reason)).toEqual(
      rekeys.map((sa) => `invalid SPI ${sa.spi}: ${NOT_PROGRAMMED_REASON}`),
    );
  });

  it('R2 sends no DELETE for the SPI, which is its own: only lifetime expiries send one', () => {
    expect(logs(r, 'R2', /ignoring request to send delete notify/)).toHaveLength(0);
    const expiries = sas(r, 'R2', 'deleted', 'inbound');
    for (const notify of sent(r, 'R2', 'DELETE')) {
      const expired = expiries.find((sa) => sa.atMs === notify.atMs && sa.spi === notify.deleteSpi);
      expect(expired?.reason, notify.deleteSpi).toBe('lifetime expired');
    }
    const r1Deleted = [
      ...sas(r, 'R1', 'deleted', 'inbound'),
      ...sas(r, 'R1', 'deleted', 'outbound'),
    ];
    expect(new Set(r1Deleted.map((sa) => sa.reason))).toEqual(new Set(['lifetime expired']));
  });

  it('loses the one ping that raced, and the next ping is answered', () => {
    const lost = pings(r, 'lan1-to-lan2').filter((p) => p.result === 'lost');
    expect(lost.map((p) => p.seq)).toEqual([88, 178, 268]);
    for (const { seq } of lost) {
      expect(pings(r, 'lan1-to-lan2').find((p) => p.seq === seq + 1)?.result).toBe('ok');
    }
  });

  it('with saInstallDelayMs 0 the same rekeys log no invalid SPI and lose no ping', () => {
    const preset = findPreset('rekey-race');
    const parsed = parseScenario({
      ...preset?.document,
      nodes: preset?.document.nodes.map((node) =>
        node.kind === 'router' ? { ...node, saInstallDelayMs: 0 } : node,
      ),
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const instant = simulate(parsed.loaded);
    expect(
      sas(instant, 'R1', 'installed', 'outbound')
        .slice(1)
        .map((sa) => sa.atMs),
    ).toEqual(rekeys.map((sa) => sa.atMs));
    expect(logs(instant, 'R2', /RECVD_PKT_INV_SPI/)).toHaveLength(0);
    expect(lostIn(instant, 'lan1-to-lan2', 0, instant.endMs)).toBe(0);
  });
});

describe('legacy IOS keepalives (peer without DPD support)', () => {
  it('uses KEEPALIVE, not R-U-THERE, and declares the peer dead after three misses', () => {
    const r = run('legacy-keepalive');
    expect(r.records.some((x) => x.kind === 'packet' && x.msg === 'R-U-THERE')).toBe(false);
    const afterFailure = sent(r, 'R1', 'KEEPALIVE').filter(
      (p) => p.atMs > 60_000 && p.atMs < 100_000,
    );
    expect(afterFailure).toHaveLength(3);
    const dead = r.records.find(
      (x) => x.kind === 'state' && x.node === 'R1' && x.machine === 'dpd' && x.to === 'dead',
    );
    expect((dead?.atMs ?? 0) - (afterFailure[0]?.atMs ?? 0)).toBe(30_000);
  });
});

describe('determinism', () => {
  it('the same scenario gives the same trace, byte for byte', () => {
    expect(JSON.stringify(run('reload-invalid-spi-recovery').records)).toBe(
      JSON.stringify(run('reload-invalid-spi-recovery').records),
    );
  });
});

describe('timeline actions: exec, config, write memory and reload', () => {
  function runWith(id: string, timeline: unknown[], durationMs?: number): SimResult {
    const preset = findPreset(id);
    const parsed = parseScenario({
      ...preset?.document,
      ...(durationMs ? { durationMs } : {}),
      timeline,
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return simulate(parsed.loaded);
  }

  it('clear crypto sa on R1 deletes both SAs, tells R2, and the next packet needs quick mode only', () => {
    const r = runWith('baseline', [
      { atMs: 60_000, action: 'exec', node: 'R1', command: 'clear crypto sa' },
    ]);
    const r1In = sas(r, 'R1', 'installed', 'inbound')[0]?.spi;
    expect(sent(r, 'R1', 'DELETE')[0]).toMatchObject({ atMs: 60_000, deleteSpi: r1In });
    expect(sas(r, 'R2', 'deleted', 'outbound')[0]).toMatchObject({ atMs: 60_020, spi: r1In });
    expect(sent(r, 'R1', 'MM1')).toHaveLength(1);
    // The ping due at 60 s leaves before the clear (an action follows the engine's events of its
    // millisecond); the one at 61 s finds no SA and starts quick mode.
    expect(sent(r, 'R1', 'QM1').map((p) => p.atMs)).toEqual([5_120, 61_000]);
    expect(view(r, 'R1').ike).toHaveLength(1);
  });

  it('clear crypto isakmp removes only the IKE SA: traffic keeps flowing on the IPsec SAs', () => {
    const r = runWith('baseline', [
      { atMs: 60_000, action: 'exec', node: 'R1', command: 'clear crypto isakmp' },
    ]);
    expect(view(r, 'R1').ike).toHaveLength(0);
    expect(view(r, 'R2').ike).toHaveLength(0);
    expect(lostIn(r, 'lan1-to-lan2', 60_000, 300_000)).toBe(0);
  });

  it('turning invalid-spi-recovery on during the black hole starts recovery at the next stale packet', () => {
    const r = runWith('reload-black-hole', [
      { atMs: 120_000, action: 'reload', node: 'R2' },
      {
        atMs: 200_000,
        action: 'config',
        node: 'R2',
        lines: ['crypto isakmp invalid-spi-recovery'],
      },
    ]);
    expect(sent(r, 'R2', 'MM1')[0]?.atMs).toBe(200_020);
    expect(resumesAtMs(r, 'lan1-to-lan2', 121_000)).toBeLessThan(202_100);
  });

  it('a reload restores the startup-config: unsaved changes are lost, saved ones survive', () => {
    const unsaved = runWith('reload-black-hole', [
      { atMs: 60_000, action: 'config', node: 'R2', lines: ['crypto isakmp invalid-spi-recovery'] },
      { atMs: 120_000, action: 'reload', node: 'R2' },
    ]);
    expect(sent(unsaved, 'R2', 'MM1')).toHaveLength(0);
    const saved = runWith('reload-black-hole', [
      { atMs: 60_000, action: 'config', node: 'R2', lines: ['crypto isakmp invalid-spi-recovery'] },
      { atMs: 61_000, action: 'exec', node: 'R2', command: 'write memory' },
      { atMs: 120_000, action: 'reload', node: 'R2' },
    ]);
    expect(sent(saved, 'R2', 'MM1')[0]?.atMs).toBe(150_020);
  });

  it('write memory at the very ms a reload ends is saved: actions follow the boot of their ms', () => {
    // R2 reloads at 2:00 and is back at 2:30; the line and the save are typed at that moment.
    const r = runWith('reload-black-hole', [
      { atMs: 120_000, action: 'reload', node: 'R2' },
      {
        atMs: 150_000,
        action: 'config',
        node: 'R2',
        lines: ['crypto isakmp invalid-spi-recovery'],
      },
      { atMs: 150_000, action: 'exec', node: 'R2', command: 'write memory' },
      { atMs: 300_000, action: 'reload', node: 'R2' },
    ]);
    const boots = r.records.filter((x) => x.kind === 'fault' && x.event === 'boot');
    expect(boots.map((x) => x.atMs)).toEqual([150_000, 330_000]);
    const saved = r.records.find((x) => x.kind === 'fault' && x.event === 'exec');
    expect(r.records.indexOf(saved as TraceRecord)).toBeGreaterThan(
      r.records.indexOf(boots[0] as TraceRecord),
    );
    // The saved line survives the second reload: R2 recovers R1's stale SPI on its own.
    expect(sent(r, 'R2', 'MM1').filter((p) => p.atMs > 330_000)[0]?.atMs).toBe(330_020);
  });

  it('a link failure drops what crosses it, with the link named in the reason', () => {
    const r = runWith('baseline', [
      { atMs: 60_000, action: 'link-down', link: 'R2-ISP' },
      { atMs: 70_000, action: 'link-up', link: 'R2-ISP' },
    ]);
    const drops = r.records.filter(
      (x): x is PacketRecord =>
        x.kind === 'packet' && x.event === 'dropped' && x.atMs >= 60_000 && x.atMs < 70_000,
    );
    expect(drops.length).toBeGreaterThan(5);
    expect(drops.every((d) => /link R2-ISP (is|went) down/.test(d.reason ?? ''))).toBe(true);
    expect(resumesAtMs(r, 'lan1-to-lan2', 70_000)).toBeLessThan(71_100);
  });
});

describe('router-sourced pings (ping … source … typed on a router)', () => {
  it("R1 pings R2's LAN address from its own LAN address through the tunnel", () => {
    const preset = findPreset('baseline');
    const parsed = parseScenario({
      ...preset?.document,
      traffic: [
        {
          id: 'console',
          kind: 'ping',
          src: '192.168.1.1',
          dst: '192.168.2.1',
          everyMs: 1000,
          startMs: 5_000,
          stopMs: 10_000,
        },
      ],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const r = simulate(parsed.loaded);
    const bySeq = [...pings(r, 'console')].sort((a, b) => a.seq - b.seq);
    expect(bySeq.map((p) => p.result)).toEqual(['lost', 'ok', 'ok', 'ok', 'ok']);
    expect(sent(r, 'R1', 'MM1')).toHaveLength(1);
  });
});

describe('clear crypto session in the black hole', () => {
  const withClear = (command: ExecCommand) =>
    simulate(
      loadPreset('reload-black-hole', [
        { atMs: 120_000, action: 'reload', node: 'R2' },
        { atMs: 210_000, action: 'exec', node: 'R1', command },
      ]),
    );

  it('remote 20.1.1.2: deletes the IPsec SAs, then the IKE SA, and the next ping runs main mode', () => {
    const r = withClear('clear crypto session remote 20.1.1.2');
    const deletes = sent(r, 'R1', 'DELETE').filter((p) => p.atMs === 210_000);
    expect(deletes.map((p) => p.deleteSpi !== undefined)).toEqual([true, false]);
    expect(sas(r, 'R1', 'deleted', 'inbound').map((sa) => sa.atMs)).toEqual([210_000]);
    expect(sent(r, 'R1', 'MM1').map((p) => p.atMs)).toEqual([5_000, 211_000]);
    expect(sent(r, 'R1', 'MM5').at(-1)?.initialContact).toBe(true);
    expect(resumesAtMs(r, 'lan1-to-lan2', 210_000)).toBeLessThan(213_000);
  });

  it('remote to another address clears nothing', () => {
    const r = withClear('clear crypto session remote 9.9.9.9');
    expect(sent(r, 'R1').filter((p) => p.atMs === 210_000 && p.proto === 'isakmp')).toEqual([]);
    expect(resumesAtMs(r, 'lan1-to-lan2', 130_000)).toBeUndefined();
  });
});
