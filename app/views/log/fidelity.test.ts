import { describe, expect, it } from 'vitest';
import * as messages from '../../ios/messages';
import { IOS_MESSAGE_FIDELITY } from '../../ios/messages';
import { parseScenario } from '../../scenario/parseScenario';
import { PRESETS } from '../../scenario/presets';
import { buildRun } from '../../sim/run';
import { SIMPLIFICATIONS } from '../../sources/simplifications';
import { KNOWN_BUILDERS, lineSource, SIMPLIFIED_BUILDER_NAMES, simplifiedNote } from './fidelity';

const ezvpn = { client: '10.1.1.1', peer: '20.1.1.2', group: 'G', user: 'u' };

/** One text per builder, built by the builder itself. */
const SAMPLES: Record<string, string> = {
  invalidSpiSyslog: messages.invalidSpiSyslog({
    destAddr: '20.1.1.2',
    spi: 1,
    srcAddr: '10.1.1.1',
  }),
  ikmpNoSaSyslog: messages.ikmpNoSaSyslog({ srcAddr: '10.1.1.1' }),
  hsrpStateChangeSyslog: messages.hsrpStateChangeSyslog({
    interfaceName: 'FastEthernet0/0',
    group: 1,
    from: 'Standby',
    to: 'Active',
  }),
  sessionStatusSyslog: messages.sessionStatusSyslog({ up: false, peer: '10.1.1.1' }),
  ikmpBadMessageSyslog: messages.ikmpBadMessageSyslog({ srcAddr: '10.1.1.1' }),
  ikmpModeFailureSyslog: messages.ikmpModeFailureSyslog({ mode: 'Main', peer: '10.1.1.1' }),
  beginAggressiveModeDebug: messages.beginAggressiveModeDebug({ connId: 0 }),
  attsNotAcceptableDebug: messages.attsNotAcceptableDebug({ connId: 0, nextPayload: 0 }),
  saPolicyNotAcceptableDebug: messages.saPolicyNotAcceptableDebug({
    connId: 1001,
    phase: 2,
    local: '20.1.1.2',
    remote: '10.1.1.1',
  }),
  ipsecPolicyInvalidatedDebug: messages.ipsecPolicyInvalidatedDebug({ connId: 1001, error: 256 }),
  mapDbNoMatchDebug: messages.mapDbNoMatchDebug(),
  proxyIdentitiesDebug: messages.proxyIdentitiesDebug(),
  ezvpnConnectionUpSyslog: messages.ezvpnConnectionUpSyslog(ezvpn),
  ezvpnConnectionDownSyslog: messages.ezvpnConnectionDownSyslog(ezvpn),
  ezvpnXauthPendingSyslog: messages.ezvpnXauthPendingSyslog({ client: 'EZ' })[1] ?? '',
  ignoringDeleteNotifyDebug: messages.ignoringDeleteNotifyDebug({ src: 'a', dst: 'b', spi: 1 }),
  saRequestDebug: messages.saRequestDebug({
    src: '10.1.1.1',
    dst: '20.1.1.2',
    localProxy: '192.168.1.0/255.255.255.0/0/0',
    remoteProxy: '192.168.2.0/255.255.255.0/0/0',
    transform: 'esp-aes esp-sha-hmac',
    lifetimeSec: 3600,
    lifetimeKb: 4608000,
  }),
  createSaDebug: messages.createSaDebug({
    dest: 'a',
    src: 'b',
    spi: 1,
    transform: 'esp-aes',
    connId: 2001,
    direction: 'inbound',
  }),
  deleteNotifyReceivedDebug: messages.deleteNotifyReceivedDebug(),
  deletingSaDebug: messages.deletingSaDebug({ src: 'a', dst: 'b', spi: 1, reason: 'r' }),
  idleTimerExpiredDebug: messages.idleTimerExpiredDebug({ peer: 'a', spi: 1 }),
  beginMainModeDebug: messages.beginMainModeDebug({ connId: 0, peer: 'a' }),
  sendingPacketDebug: messages.sendingPacketDebug({
    connId: 1001,
    peer: 'a',
    role: 'I',
    state: 'QM_IDLE',
  }),
  receivedPacketDebug: messages.receivedPacketDebug({
    connId: 1001,
    peer: 'a',
    role: 'R',
    state: 'MM_NO_STATE',
  }),
  fsmTransitionDebug: messages.fsmTransitionDebug({ connId: 1, oldState: 'A', newState: 'B' }),
  sendInitialContactDebug: messages.sendInitialContactDebug({ connId: 1 }),
  processInitialContactDebug: messages.processInitialContactDebug({
    connId: 1,
    local: 'a',
    remote: 'b',
  }),
  peerDpdVidDebug: messages.peerDpdVidDebug({ connId: 1 }),
  phase1CompleteDebug: messages.phase1CompleteDebug({ connId: 1, peer: 'a' }),
  beginQuickModeDebug: messages.beginQuickModeDebug({ connId: 1, messageId: 3_000_000_000 }),
  setNewNodeDebug: messages.setNewNodeDebug({ messageId: 3_000_000_000 }),
  purgingNodeDebug: messages.purgingNodeDebug({ connId: 1, messageId: 5 }),
  processingHashPayloadDebug: messages.processingHashPayloadDebug({ connId: 1, messageId: 5 }),
  deletingNodeDebug: messages.deletingNodeDebug({
    connId: 1,
    messageId: 5,
    reason: 'QM done (await)',
  }),
  processingSaPayloadDebug: messages.processingSaPayloadDebug({ connId: 0 }),
  checkingIsakmpTransformDebug: messages.checkingIsakmpTransformDebug({
    connId: 0,
    transform: 1,
    priority: 10,
  }),
  attsAcceptableDebug: messages.attsAcceptableDebug({ connId: 0, phase: 1 }),
  speakingToIosDebug: messages.speakingToIosDebug({ connId: 0 }),
  qmInitiatorGetsSpiDebug: messages.qmInitiatorGetsSpiDebug({ connId: 1 }),
  enableOutboundDebug: messages.enableOutboundDebug(),
  incrementingErrorCounterDebug: messages.incrementingErrorCounterDebug({ connId: 0, attempt: 2 }),
  processingDeletePayloadDebug: messages.processingDeletePayloadDebug({ connId: 1, messageId: 5 }),
  paranoidKeepalivesDebug: messages.paranoidKeepalivesDebug({ connId: 1 }),
  purgingSaDebug: messages.purgingSaDebug({ connId: 1 }),
  dpdSendDebug: messages.dpdSendDebug({ connId: 1, seq: 7, kind: 'R_U_THERE_ACK' }),
  dpdAckReceivedDebug: messages.dpdAckReceivedDebug({ connId: 1, peer: 'a', seq: 7 }),
  dpdRetransmitDebug: messages.dpdRetransmitDebug({ connId: 1, peer: '20.1.1.2', attempt: 2 }),
  peerDeadDebug: messages.peerDeadDebug({ connId: 1, peer: '20.1.1.2' }),
  keepaliveSendDebug: messages.keepaliveSendDebug({ connId: 1, peer: 'a', kind: 'KEEPALIVE' }),
  keepaliveMissDebug: messages.keepaliveMissDebug({ connId: 1, peer: 'a', missed: 2 }),
  retransmitPhase1Debug: messages.retransmitPhase1Debug({ connId: 1, state: 'MM_NO_STATE' }),
  retransmitPhase2Debug: messages.retransmitPhase2Debug({ connId: 1, messageId: 9 }),
  deathByRetransmissionDebug: messages.deathByRetransmissionDebug({
    connId: 1,
    phase: 2,
    messageId: 9,
  }),
};

describe('lineSource', () => {
  it('knows every builder of messages.ts, and has a sample of each', () => {
    const builders = Object.keys(IOS_MESSAGE_FIDELITY).sort();
    expect([...KNOWN_BUILDERS].sort()).toEqual(builders);
    expect(Object.keys(SAMPLES).sort()).toEqual(builders);
  });

  it.each(Object.entries(SAMPLES))('maps a text of %s back to it', (builder, text) => {
    expect(lineSource(text)).toMatchObject({
      builder,
      fidelity: IOS_MESSAGE_FIDELITY[builder],
    });
  });

  it('recognises both forms of the phase 1 death by retransmission', () => {
    const text = messages.deathByRetransmissionDebug({
      connId: 1,
      phase: 1,
      role: 'I',
      state: 'MM_NO_STATE',
      peer: 'a',
    });
    expect(lineSource(text)?.builder).toBe('deathByRetransmissionDebug');
  });

  it('knows no builder for other texts', () => {
    expect(lineSource('%SYS-5-CONFIG_I: Configured from console')).toBeNull();
  });

  // Runs every preset (the 50-spoke one takes a few seconds).
  it('recognises every syslog and debug line of every preset', { timeout: 60_000 }, () => {
    const unknown = new Set<string>();
    for (const preset of PRESETS) {
      const parsed = parseScenario(preset.document);
      if (!parsed.ok) throw new Error(preset.id);
      for (const record of buildRun(parsed.loaded).records) {
        if ((record.kind === 'syslog' || record.kind === 'debug') && !lineSource(record.text))
          unknown.add(record.text);
      }
    }
    expect([...unknown]).toEqual([]);
  });
});

describe('simplifiedNote', () => {
  it('marks the lines whose timing or occurrence the simulator guesses, with the reason', () => {
    expect(simplifiedNote(SAMPLES.retransmitPhase1Debug as string)).toBe(
      SIMPLIFICATIONS.ikeRetransmit.why,
    );
    expect(simplifiedNote(SAMPLES.deathByRetransmissionDebug as string)).toBe(
      SIMPLIFICATIONS.ikeRetransmit.why,
    );
    expect(simplifiedNote(SAMPLES.hsrpStateChangeSyslog as string)).toBe(SIMPLIFICATIONS.hsrp.why);
    expect(simplifiedNote(SAMPLES.idleTimerExpiredDebug as string)).toBe(
      SIMPLIFICATIONS.idleTimer.why,
    );
  });

  it('leaves routine lines unmarked, whatever the evidence for their wording', () => {
    // Illustrative or recalled wording alone is no reason: these appear in every bring-up.
    for (const builder of [
      'saRequestDebug',
      'createSaDebug',
      'beginMainModeDebug',
      'sessionStatusSyslog',
    ])
      expect(simplifiedNote(SAMPLES[builder] as string), builder).toBeNull();
    expect(simplifiedNote(SAMPLES.invalidSpiSyslog as string)).toBeNull();
    expect(simplifiedNote('something else')).toBeNull();
  });

  it('marks a handful of builders, none of them confirmed by a capture', () => {
    expect(SIMPLIFIED_BUILDER_NAMES.length).toBeGreaterThan(0);
    expect(SIMPLIFIED_BUILDER_NAMES.length).toBeLessThanOrEqual(KNOWN_BUILDERS.length / 4);
    for (const builder of SIMPLIFIED_BUILDER_NAMES)
      expect(IOS_MESSAGE_FIDELITY[builder], builder).not.toBe('confirmed');
  });

  it('marks few lines of a whole bring-up: none in the baseline run', () => {
    const preset = PRESETS.find((p) => p.id === 'baseline');
    const parsed = preset && parseScenario(preset.document);
    if (!parsed?.ok) throw new Error('baseline');
    const lines = buildRun(parsed.loaded).records.flatMap((r) =>
      r.kind === 'syslog' || r.kind === 'debug' ? [r.text] : [],
    );
    expect(lines.length).toBeGreaterThan(20);
    expect(lines.filter((text) => simplifiedNote(text) !== null)).toEqual([]);
  });
});
