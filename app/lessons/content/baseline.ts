import { cueRecord, cueTime, happens } from '../cue';
import type { Cue, Lesson } from '../types';

const PINGS_START: Cue = { on: 'fault', match: '^traffic-start lan1-to-lan2' };
const R1_MM1: Cue = { on: 'packet', node: 'R1', match: '^sent MM1$' };
const R1_ESP: Cue = { on: 'packet', node: 'R1', match: '^sent esp' };

export const baseline: Lesson = {
  id: 'baseline',
  title: 'Bring-up: how a tunnel is born',
  goal: 'Follow the first ping through Main Mode and Quick Mode, and read the SPIs both routers end up with.',
  presetId: 'baseline',
  notesScenario: '7.4.1',
  group: 'black-hole',
  focus: 'routers',
  steps: [
    {
      kind: 'narrate',
      cue: { atMs: 0 },
      text: 'Two routers and no SAs yet. R1 protects 192.168.1.0/24 ↔ 192.168.2.0/24 with a static crypto map whose `set peer` is R2 (20.1.1.2); R2 mirrors it.',
      speed: 1,
    },
    {
      kind: 'predict',
      cue: { ...PINGS_START, offsetMs: -500 },
      focus: 'topology',
      question:
        'At 0:05 a host behind R1 pings 192.168.2.10. R1 has no IPsec SA for this traffic yet. What happens to that first echo request?',
      choices: [
        {
          text: 'R1 sends it unencrypted.',
          correct: false,
          explanation:
            'Traffic that matches the crypto map is never sent in the clear: R1 asks for an SA instead (`IPSEC(sa_request)`).',
        },
        {
          text: 'R1 drops it and starts IKE toward R2.',
          correct: true,
          explanation:
            'The packet that triggers IKE is dropped, which is why the first ping of a new tunnel usually shows `.!!!!`.',
        },
        {
          text: 'R1 holds it and sends it once the tunnel is up.',
          correct: false,
          explanation: 'IOS does not queue it: the first echo times out while the SAs are built.',
        },
      ],
      verify: (run) =>
        happens(run, { on: 'ping', match: '^lan1-to-lan2 #0 lost$' }) &&
        cueTime(run, R1_MM1) === cueTime(run, PINGS_START),
    },
    {
      kind: 'narrate',
      cue: R1_MM1,
      view: 'ladder',
      text: 'R1 opens Main Mode: six messages, MM1 to MM6. Watch R1’s IKE state climb MM_NO_STATE → MM_SA_SETUP → MM_KEY_EXCH. R1 also sends INITIAL-CONTACT in MM5.',
      cites: [{ source: 'rfc2409', notes: '4.1' }],
    },
    {
      kind: 'narrate',
      cue: { on: 'state', node: 'R1', match: '^ike QM_IDLE$' },
      text: 'MM5 and MM6 are encrypted and authenticate the peers: the IKE SA is in QM_IDLE. Now Quick Mode (QM1–QM3) builds the IPsec SA pair.',
      cites: [{ source: 'rfc2409', notes: '4.1' }],
    },
    {
      kind: 'narrate',
      cue: { on: 'syslog', node: 'R2', match: 'Crypto tunnel is UP' },
      hold: true,
      text: 'Both routers installed an inbound and an outbound SA and logged "Crypto tunnel is UP". Compare the SPIs: R1’s outbound SPI is R2’s inbound SPI, and the other way round.',
      cites: [{ source: 'rfc4303', notes: '4.6' }],
    },
    {
      kind: 'predict',
      cue: { ...R1_ESP, offsetMs: -500 },
      question: 'R1 now encrypts the next echo request. Which SPI does it put in the ESP header?',
      choices: [
        {
          text: 'The SPI of its own inbound SA.',
          correct: false,
          explanation: 'Its inbound SPI is what R2 must put in packets for R1.',
        },
        {
          text: 'The SPI R2 chose for its inbound SA.',
          correct: true,
          explanation:
            'The receiver chooses the SPI of its inbound SA; the sender uses it as its outbound SPI. That is why they show crosswise.',
        },
        {
          text: 'A fresh SPI for every packet.',
          correct: false,
          explanation: 'The SPI names the SA, not the packet: it stays until the SA is replaced.',
        },
      ],
      verify: (run) => {
        const esp = cueRecord(run, R1_ESP);
        const r2Inbound = cueRecord(run, { on: 'sa', node: 'R2', match: '^installed inbound' });
        return esp?.kind === 'packet' && r2Inbound?.kind === 'sa' && esp.spi === r2Inbound.spi;
      },
    },
    {
      kind: 'narrate',
      cue: { on: 'ping', match: '^lan1-to-lan2 #1 ok$' },
      focus: 'health',
      text: 'The echo and its reply made it: "!". From now on #pkts encaps on one side matches #pkts decaps on the other.',
    },
    {
      kind: 'narrate',
      cue: { on: 'ping', match: '^lan1-to-lan2 #0 lost$' },
      focus: 'health',
      hold: true,
      text: 'Ping #0 has timed out: the "." of ".!!!!". It was the packet that triggered IKE.',
    },
    {
      kind: 'playground',
      text: 'Free play on the same tunnel, with every control on.',
      tryThis: [
        'Open R1 and R2 in the router panels and read `show crypto isakmp sa` and `show crypto ipsec sa`.',
        'Reload R2 from its menu in the topology and watch what R1 keeps doing: that is the next lesson.',
      ],
    },
  ],
};
