// `debug crypto isakmp` as public IOS captures print it (ios-behavior.md section 8.1–8.3): the
// engine's debug lines, with addresses and numbers normalised, against the quoted lines, in
// order, on each side of a bring-up, a DELETE and a phase 1 retransmission. The expected
// lines are the captures' text, never built by app/ios/messages.ts.

import { describe, expect, it } from 'vitest';
import { showCryptoIsakmpSa } from '../ios/show';
import { parseScenario } from '../scenario/parseScenario';
import { findPreset } from '../scenario/presets';
import type { ScenarioDocument } from '../scenario/schema';
import { type SimResult, simulate } from './simulate';

function load(document: ScenarioDocument) {
  const parsed = parseScenario(document);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.loaded;
}

function preset(id: string): ScenarioDocument {
  const found = findPreset(id);
  if (!found) throw new Error(`no preset ${id}`);
  return structuredClone(found.document);
}

/**
 * A line's shape: addresses become A; the conn-id 0 stays, any other becomes K (in
 * `ISAKMP:(N):` and `ISAKMP (0:N):`); other numbers become N; trailing padding goes.
 */
function shape(line: string): string {
  return line
    .replace(/\d+\.\d+\.\d+\.\d+/g, 'A')
    .replace(/^ISAKMP:\((\d+)\):/, (_, id: string) => (id === '0' ? 'ISAKMP:(Z):' : 'ISAKMP:(K):'))
    .replace(/^ISAKMP \(0:(\d+)\):/, (_, id: string) =>
      id === '0' ? 'ISAKMP (Z:Z):' : 'ISAKMP (Z:K):',
    )
    .replace(/(?<![\w.])-?\d+\b/g, 'N')
    .trimEnd();
}

function debugLines(r: SimResult, node: string, fromMs = 0, toMs = Number.POSITIVE_INFINITY) {
  return r.records.flatMap((x) =>
    x.kind === 'debug' && x.node === node && x.atMs >= fromMs && x.atMs <= toMs ? [x.text] : [],
  );
}

/** Lines of `debug crypto ipsec` that section 8 does not quote: left out of the comparison. */
const NOT_QUOTED = /^IPSEC\((sa_request|create_sa)\)/;

// Section 8.1 and 8.2 quotes (and the 4.2 FSM names in the quoted `Old State` layout), in the
// order each side prints them. Values are the captures' own.
const INITIATOR_BRING_UP = [
  'ISAKMP:(0):Old State = IKE_READY  New State = IKE_I_MM1',
  'ISAKMP:(0): beginning Main Mode exchange',
  'ISAKMP:(0): sending packet to 77.77.77.77 my_port 500 peer_port 500 (I) MM_NO_STATE',
  'ISAKMP (0:0): received packet from 20.1.1.2 dport 500 sport 500 Global (I) MM_NO_STATE',
  'ISAKMP:(0):Old State = IKE_I_MM1  New State = IKE_I_MM2',
  'ISAKMP:(0): processing SA payload. message ID = 0',
  'ISAKMP:(0):Checking ISAKMP transform 1 against priority 10 policy',
  'ISAKMP:(0):atts are acceptable. Next payload is 0',
  'ISAKMP:(0): sending packet to 77.77.77.77 my_port 500 peer_port 500 (I) MM_SA_SETUP',
  'ISAKMP:(0):Old State = IKE_I_MM2  New State = IKE_I_MM3',
  'ISAKMP (0:0): received packet from 20.1.1.2 dport 500 sport 500 Global (I) MM_SA_SETUP',
  'ISAKMP:(0):Old State = IKE_I_MM3  New State = IKE_I_MM4',
  'ISAKMP:(0): vendor ID is DPD',
  'ISAKMP:(0): speaking to another IOS box!',
  'ISAKMP:(9577):Send initial contact',
  'ISAKMP:(9577): sending packet to 77.77.77.77 my_port 500 peer_port 500 (I) MM_KEY_EXCH',
  'ISAKMP:(9577):Old State = IKE_I_MM4  New State = IKE_I_MM5',
  'ISAKMP (0:1001): received packet from 20.1.1.2 dport 500 sport 500 Global (I) MM_KEY_EXCH',
  'ISAKMP:(1001):SA has been authenticated with 10.1.1.1',
  'ISAKMP:(1001):Old State = IKE_I_MM5  New State = IKE_I_MM6',
  'ISAKMP:(1001):Old State = IKE_I_MM6  New State = IKE_P1_COMPLETE',
  'ISAKMP:(1001):beginning Quick Mode exchange, M-ID of -889293300',
  'ISAKMP:(1001):QM Initiator gets spi',
  'ISAKMP:(1001): sending packet to 13.1.1.3 my_port 500 peer_port 500 (I) QM_IDLE',
  'ISAKMP:(1001):Old State = IKE_QM_READY  New State = IKE_QM_I_QM1',
  'ISAKMP (0:1001): received packet from 13.1.1.3 dport 500 sport 500 Global (I) QM_IDLE',
  'ISAKMP:(1001):atts are acceptable.',
  'ISAKMP:(1001): sending packet to 13.1.1.3 my_port 500 peer_port 500 (I) QM_IDLE',
  'ISAKMP:(1001):Old State = IKE_QM_I_QM1  New State = IKE_QM_PHASE2_COMPLETE',
];

const RESPONDER_BRING_UP = [
  'ISAKMP (0:0): received packet from 10.1.1.1 dport 500 sport 500 Global (N) NEW SA',
  'ISAKMP:(0):Old State = IKE_READY  New State = IKE_R_MM1',
  'ISAKMP:(0): processing SA payload. message ID = 0',
  'ISAKMP:(0):Checking ISAKMP transform 1 against priority 10 policy',
  'ISAKMP:(0):atts are acceptable. Next payload is 0',
  'ISAKMP:(0): sending packet to 10.1.1.1 my_port 500 peer_port 500 (R) MM_SA_SETUP',
  'ISAKMP:(0):Old State = IKE_R_MM1  New State = IKE_R_MM2',
  'ISAKMP (0:0): received packet from 10.1.1.1 dport 500 sport 500 Global (R) MM_SA_SETUP',
  'ISAKMP:(0):Old State = IKE_R_MM2  New State = IKE_R_MM3',
  'ISAKMP:(0): vendor ID is DPD',
  'ISAKMP:(0): speaking to another IOS box!',
  'ISAKMP:(1001): sending packet to 10.1.1.1 my_port 500 peer_port 500 (R) MM_KEY_EXCH',
  'ISAKMP:(1001):Old State = IKE_R_MM3  New State = IKE_R_MM4',
  'ISAKMP (0:1001): received packet from 10.1.1.1 dport 500 sport 500 Global (R) MM_KEY_EXCH',
  'ISAKMP:(1001):Old State = IKE_R_MM4  New State = IKE_R_MM5',
  'ISAKMP:(1001):SA has been authenticated with 10.1.1.1',
  "ISAKMP:(1001):Process initial contact, bring down existing phase 1 and 2 SA's with local 20.1.1.2 remote 10.1.1.1 remote port 500",
  'ISAKMP:(1001): sending packet to 10.1.1.1 my_port 500 peer_port 500 (R) MM_KEY_EXCH',
  'ISAKMP:(1001):Old State = IKE_R_MM5  New State = IKE_P1_COMPLETE',
  'ISAKMP (0:1001): received packet from 10.1.1.1 dport 500 sport 500 Global (R) QM_IDLE',
  'ISAKMP:(1001):atts are acceptable.',
  'ISAKMP:(1001):Old State = IKE_QM_READY  New State = IKE_QM_SPI_STARVE',
  'ISAKMP:(1001):Old State = IKE_QM_SPI_STARVE  New State = IKE_QM_IPSEC_INSTALL_AWAIT',
  'ISAKMP:(1001): sending packet to 10.1.1.1 my_port 500 peer_port 500 (R) QM_IDLE',
  'ISAKMP:(1001):Old State = IKE_QM_IPSEC_INSTALL_AWAIT  New State = IKE_QM_R_QM2',
  'ISAKMP (0:1001): received packet from 10.1.1.1 dport 500 sport 500 Global (R) QM_IDLE',
  'ISAKMP:(1001):deleting node -889293300 error FALSE reason "QM done (await)"',
  'ISAKMP:(1001):Old State = IKE_QM_R_QM2  New State = IKE_QM_PHASE2_COMPLETE',
  "IPSEC(key_engine_enable_outbound): rec'd enable notify from ISAKMP",
];

// Section 8.3: the sender of a DELETE and its receiver.
const DELETE_SENT = [
  'ISAKMP: set new node 1453291904 to QM_IDLE',
  'ISAKMP:(9577): sending packet to 77.77.77.77 my_port 500 peer_port 500 (I) QM_IDLE',
  'ISAKMP:(9577):purging node 1453291904',
];
const DELETE_RECEIVED = [
  'ISAKMP (0:1001): received packet from 10.1.1.1 dport 500 sport 500 Global (R) QM_IDLE',
  'ISAKMP:(1001): processing HASH payload. message ID = 1453291904',
  'ISAKMP:(1001): processing DELETE payload. message ID = 1453291904',
  'ISAKMP:(1001):peer does not do paranoid keepalives.',
  'ISAKMP:(1001):deleting node 1453291904 error FALSE reason "Informational (in) state 1"',
];

/** The role letter of a packet line is the SA's: compare it apart from the shape. */
const anyRole = (line: string) => line.replace(/\((I|R)\) QM_IDLE$/, '(X) QM_IDLE');

describe('debug crypto isakmp against the section 8 captures', () => {
  const baseline = simulate(load(preset('baseline')), { untilMs: 10_000 });

  it.each([
    ['R1', 'initiator', INITIATOR_BRING_UP],
    ['R2', 'responder', RESPONDER_BRING_UP],
  ] as const)('%s (%s) prints the quoted bring-up, line for line', (node, _role, quoted) => {
    const printed = debugLines(baseline, node).filter((t) => !NOT_QUOTED.test(t));
    expect(printed.map(shape)).toEqual(quoted.map(shape));
  });

  it('the responder deletes the node the initiator began, by its signed M-ID (8.2)', () => {
    const began = debugLines(baseline, 'R1')
      .join('\n')
      .match(/M-ID of (-?\d+)/)?.[1];
    expect(began).toBeDefined();
    expect(debugLines(baseline, 'R2')).toContain(
      `ISAKMP:(1001):deleting node ${began} error FALSE reason "QM done (await)"`,
    );
  });

  it('a DELETE prints as the captures show it on both sides, with one node number (8.3)', () => {
    const r = simulate(load(preset('idle-timer')));
    const sender = debugLines(r, 'R1');
    const at = sender.findIndex((t) => t.startsWith('ISAKMP: set new node'));
    expect(at).toBeGreaterThan(-1);
    expect(sender.slice(at, at + 3).map((t) => anyRole(shape(t)))).toEqual(
      DELETE_SENT.map((t) => anyRole(shape(t))),
    );
    const node = /set new node (-?\d+)/.exec(sender[at] ?? '')?.[1];
    expect(sender[at + 2]).toMatch(new RegExp(`purging node ${node}$`));
    const receiver = debugLines(r, 'R2');
    const hash = receiver.findIndex((t) =>
      t.includes(`processing HASH payload. message ID = ${node}`),
    );
    expect(hash).toBeGreaterThan(0);
    expect(receiver.slice(hash - 1, hash + 4).map((t) => anyRole(shape(t)))).toEqual(
      DELETE_RECEIVED.map((t) => anyRole(shape(t))),
    );
    expect(receiver[hash + 3]).toContain(`deleting node ${node} error FALSE`);
    for (const side of [sender, receiver]) {
      expect(side.filter((t) => /sending delete notify to/.test(t))).toEqual([]);
    }
  });

  it('phase 1 retransmissions count attempts, and conn-id 0 shows in debug and show (8.1, 8.5)', () => {
    const document = preset('baseline');
    const r2 = document.nodes.find((n) => n.id === 'R2');
    if (r2?.kind !== 'router') throw new Error('baseline has no router R2');
    // R2 has no pre-shared key for R1: it never answers MM1, and R1 keeps resending it.
    r2.config = r2.config.replace(/^crypto isakmp key .*$/m, '');
    const r = simulate(load(document), { untilMs: 30_000 });
    const r1 = debugLines(r, 'R1');
    const retransmits = r1.flatMap((t, i) =>
      t.includes('retransmitting phase 1') ? [[t, r1[i + 1]]] : [],
    );
    expect(retransmits.map((pair) => pair.map((t) => shape(t ?? '')))).toEqual(
      [1, 2].map((attempt) => [
        shape('ISAKMP:(0): retransmitting phase 1 MM_NO_STATE...'),
        shape(
          `ISAKMP:(0): incrementing error counter on sa, attempt ${attempt} of 5: retransmit phase 1`,
        ),
      ]),
    );
    expect(retransmits.map(([, t]) => /attempt (\d) of 5/.exec(t ?? '')?.[1])).toEqual(['1', '2']);
    const view = r.views.find((v) => v.node === 'R1');
    if (!view) throw new Error('no R1 view');
    expect(showCryptoIsakmpSa(view)).toContain('MM_NO_STATE          0    0 ACTIVE');
  });
});
