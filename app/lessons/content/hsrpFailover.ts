import { cueRecord, cueRecords, cueTime } from '../cue';
import type { Cue, Lesson } from '../types';

const VIP = '20.1.1.10';
const RELOAD: Cue = { on: 'fault', match: '^reload HE1' };
const HE2_ACTIVE: Cue = { on: 'state', node: 'HE2', match: '^hsrp Active$' };
const INV_SPI: Cue = { on: 'syslog', node: 'HE2', match: '^%CRYPTO-4-RECVD_PKT_INV_SPI' };
const IGNORING: Cue = {
  on: 'debug',
  node: 'HE2',
  match: '^ISAKMP: ignoring request to send delete notify \\(no ISAKMP sa\\)',
};
const RU_THERE: Cue = { on: 'packet', node: 'R1', match: '^sent R-U-THERE$', afterMs: 120_000 };
const NO_SA: Cue = { on: 'syslog', node: 'HE2', match: '^%CRYPTO-4-IKMP_NO_SA' };
const DEAD: Cue = { on: 'state', node: 'R1', peer: VIP, match: '^dpd dead$' };
const MM1_AFTER_FAILOVER: Cue = { on: 'packet', node: 'R1', match: '^sent MM1$', afterMs: 120_000 };
const HE2_MM2: Cue = { on: 'packet', node: 'HE2', match: '^sent MM2$' };
const PING_BACK: Cue = { on: 'ping', match: '^lan1-to-lan2 #\\d+ ok$', afterMs: 121_000 };

export const hsrpFailover: Lesson = {
  id: 'hsrp-failover',
  title: 'HSRP headend failover',
  goal: 'Explain why HSRP moving the virtual IP does not move the tunnel: the new Active headend has no SA and drops R1’s ESP as invalid SPIs until someone rebuilds the session.',
  presetId: 'hsrp-headend-failover',
  notesScenario: '7.4.12',
  group: 'dpd-idle',
  focus: 'routers',
  steps: [
    {
      kind: 'narrate',
      cue: { atMs: 60_000 },
      router: 'HE1',
      speed: 5,
      text: 'R1 peers with 20.1.1.10, the HSRP virtual IP of two headends. HE1 (priority 110) is Active and terminates the tunnel; HE2 is Standby and holds no SA. `crypto map CMAP redundancy VPN-HA` makes IKE and ESP use the virtual IP.',
      cites: [{ source: 'rfc2281' }],
      simplified: 'hsrp',
    },
    {
      kind: 'narrate',
      cue: RELOAD,
      focus: 'topology',
      hold: true,
      text: 'HE1 reloads at 2:00: its hellos stop, and with them every SA it held. R1 notices nothing and keeps encrypting to 20.1.1.10.',
    },
    {
      kind: 'predict',
      cue: { ...RELOAD, offsetMs: 1000 },
      speed: 2,
      question: 'When does HE2 start answering for 20.1.1.10?',
      choices: [
        {
          text: 'At once: HSRP notices the reload immediately.',
          correct: false,
          explanation: 'Nothing tells HE2; it only stops hearing HE1’s hellos.',
        },
        {
          text: 'When the hold time (10 s) has passed without a hello from HE1.',
          correct: true,
          explanation: 'HE2’s Active timer runs out one hold time after HE1’s last hello.',
        },
        {
          text: 'Only when HE1 has booted again.',
          correct: false,
          explanation: 'That would be no redundancy at all: the Standby takes over on its own.',
        },
      ],
      verify: (run) => {
        const reloadAt = cueTime(run, RELOAD) ?? 0;
        const activeAt = cueTime(run, HE2_ACTIVE) ?? 0;
        return activeAt - reloadAt > 7_000 && activeAt - reloadAt <= 10_100;
      },
    },
    {
      kind: 'narrate',
      cue: HE2_ACTIVE,
      router: 'HE2',
      hold: true,
      text: 'HE2 is Active: packets for 20.1.1.10 now reach it. It has the address, but none of HE1’s SAs: HSRP here is stateless.',
      cites: [{ source: 'rfc2281' }],
      simplified: 'hsrp',
    },
    {
      kind: 'predict',
      cue: { ...HE2_ACTIVE, offsetMs: 500 },
      question: 'R1’s next ESP packet reaches HE2. What does HE2 do with it?',
      choices: [
        {
          text: 'Decrypts it: the SAs moved with the address.',
          correct: false,
          explanation: 'Stateless HA copies no SA; HE2 never negotiated that SPI.',
        },
        {
          text: 'Drops it, logs RECVD_PKT_INV_SPI and sends R1 a DELETE notify.',
          correct: false,
          explanation: 'A DELETE needs an IKE SA with R1, and HE2 has none.',
        },
        {
          text: 'Drops it, logs RECVD_PKT_INV_SPI, and ignores the request to send a DELETE: no ISAKMP SA.',
          correct: true,
          explanation:
            'Exactly the HSRP failover lab capture: INV_SPI, then "ignoring request to send delete notify (no ISAKMP sa)".',
        },
      ],
      verify: (run) => {
        const inv = cueRecord(run, INV_SPI);
        const ignoring = cueRecord(run, IGNORING);
        const deletes = cueRecords(run, { on: 'packet', node: 'HE2', match: '^sent DELETE$' });
        return inv !== undefined && ignoring !== undefined && deletes.length === 0;
      },
    },
    {
      kind: 'narrate',
      cue: INV_SPI,
      focus: 'log',
      hold: true,
      text: 'HE2 logs `%CRYPTO-4-RECVD_PKT_INV_SPI` (once a minute) and, per packet, `ignoring request to send delete notify (no ISAKMP sa)`. R1 still shows QM_IDLE and ACTIVE.',
      cites: [{ source: 'tn-115801', notes: '1.2' }],
    },
    {
      kind: 'narrate',
      cue: NO_SA,
      focus: 'topology',
      text: 'R1 has heard nothing for 10 s while sending: on-demand DPD (`keepalive 10 2`) sends R-U-THERE. HE2 has no IKE SA to read it and logs `%CRYPTO-4-IKMP_NO_SA`.',
      cites: [{ source: 'cg-dpd-periodic', notes: '2.1' }],
    },
    {
      kind: 'predict',
      cue: { ...RU_THERE, nth: 2, offsetMs: 500 },
      question: 'When R1 declares the peer dead, where does its next Main Mode go?',
      choices: [
        {
          text: 'To 20.1.1.10 again, and HE2 answers it.',
          correct: true,
          explanation:
            'The crypto map has a single peer, the virtual IP; behind it is now HE2, which negotiates fresh SAs.',
        },
        {
          text: 'Nowhere until HE1 is back.',
          correct: false,
          explanation: 'The address is answered by whichever headend is Active.',
        },
        {
          text: 'To HE2’s own address, 20.1.1.3.',
          correct: false,
          explanation: 'R1 only knows the virtual IP; HE2 uses it as its IKE address while Active.',
        },
      ],
      verify: (run) => {
        const deadAt = cueTime(run, DEAD);
        const mm1 = cueRecord(run, MM1_AFTER_FAILOVER);
        const mm2 = cueRecord(run, HE2_MM2);
        return (
          deadAt !== undefined &&
          mm1?.kind === 'packet' &&
          mm1.dst === VIP &&
          mm1.atMs >= deadAt &&
          mm2?.kind === 'packet' &&
          mm2.src === VIP
        );
      },
    },
    {
      kind: 'narrate',
      cue: DEAD,
      router: 'R1',
      hold: true,
      text: 'Five retransmissions unanswered: R1 declares 20.1.1.10 dead and deletes its IKE and IPsec SAs. The next ping starts Main Mode to the same address.',
    },
    {
      kind: 'narrate',
      cue: PING_BACK,
      focus: 'health',
      hold: true,
      text: 'HE2 answered MM and QM: pings resume about 14 s after HE2 took the address, not 10 + 22 s. R1’s 10 s of silence began when HE1 went quiet, so DPD’s wait overlapped HSRP’s 10 s hold time.',
      cites: [{ source: 'cg-dpd-periodic', notes: '2.1' }, { source: 'rfc2281' }],
      simplified: 'hsrp',
    },
    {
      kind: 'narrate',
      cue: { ...PING_BACK, offsetMs: 3000 },
      router: 'HE2',
      hold: true,
      text: 'Here R1’s DPD rebuilt the session. The headends have static crypto maps naming R1, so HE2 could have called R1 itself with `crypto isakmp invalid-spi-recovery`; a dynamic-map headend could not, and there only the branch’s DPD helps.',
      cites: [{ source: 'tn-115801', notes: '1.6' }],
    },
    {
      kind: 'playground',
      text: 'Free play on the branch and the headend pair. With `standby 1 preempt`, HE1 takes the address back once it has booted, holding no SA: a second outage, until R1’s DPD finds it again.',
      tryThis: [
        'Tick `invalid-spi-recovery` on HE2 and replay: pings return about 3 s after HE2 takes the address.',
        'Add `standby 1 preempt` to HE1 and count the outages.',
        'Change R1’s DPD to `crypto isakmp keepalive 30 2` and time the outage again.',
        'Remove DPD from R1: how long does the tunnel stay dark?',
      ],
    },
  ],
};
