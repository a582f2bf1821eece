import { SCENARIO_FORMAT, SCENARIO_VERSION } from '../types';
import { presetTitle } from './catalog';
import { HE1, HE2, HSRP_VIP, hsrpHeadend, R1, staticMapRouter } from './configs';
import type { Preset } from './preset';
import { ping } from './topology';

const title = presetTitle('hsrp-headend-failover');
const summary =
  'R1 peers with the HSRP virtual IP 20.1.1.10 of a headend pair; the Active headend HE1 reloads at 2:00 and HE2 takes over the address, but not the SAs.';

/** The branch's one-way latency to the ISP, and the ISP's to the headends' segment. */
const WAN_LATENCY_MS = 10;
/** The headends' shared outside segment: a switch, 1 ms each way. */
const SEGMENT_LATENCY_MS = 1;

export const hsrpHeadendFailover: Preset = {
  id: 'hsrp-headend-failover',
  title,
  summary,
  teaches:
    'HSRP moves the virtual IP to the standby headend after the hold time, but not one SA: HE2 receives R1’s ESP for SPIs it never negotiated, logs %CRYPTO-4-RECVD_PKT_INV_SPI once a minute and ignores the request to send a DELETE notify because it has no ISAKMP SA with R1. R1 looks healthy (QM_IDLE, encaps rising) until its on-demand DPD (keepalive 10 2) hears nothing back, retries five times, declares the peer dead and deletes its SAs; the next ping builds main and quick mode to the same address, now answered by HE2. HSRP timers and election are simplified; reverse route injection (RRI) is not simulated.',
  notesScenario: '7.4.12',
  sources: ['rfc2281', 'tn-115801', 'cg-dpd-periodic'],
  cryptoStyle: 'static-map',
  document: {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    title,
    description: summary,
    seed: 19,
    durationMs: 360_000, // [1]
    nodes: [
      {
        id: 'R1',
        kind: 'router',
        x: 110,
        y: 220,
        config: staticMapRouter({
          site: R1,
          peers: [HSRP_VIP],
          remote: '192.168.2.0/24',
          extraGlobal: ['crypto isakmp keepalive 10 2'], // [2]
        }),
      },
      { id: 'ISP', kind: 'cloud', x: 340, y: 220 },
      { id: 'DMZ', kind: 'cloud', x: 540, y: 220 }, // [3]
      {
        id: 'HE1',
        kind: 'router',
        x: 740,
        y: 110,
        config: hsrpHeadend({ site: HE1, priority: 110 }), // [4]
      },
      { id: 'HE2', kind: 'router', x: 740, y: 330, config: hsrpHeadend({ site: HE2 }) },
    ],
    links: [
      { id: 'R1-ISP', a: 'R1', b: 'ISP', latencyMs: WAN_LATENCY_MS },
      { id: 'ISP-DMZ', a: 'ISP', b: 'DMZ', latencyMs: WAN_LATENCY_MS },
      { id: 'HE1-DMZ', a: 'HE1', b: 'DMZ', latencyMs: SEGMENT_LATENCY_MS },
      { id: 'HE2-DMZ', a: 'HE2', b: 'DMZ', latencyMs: SEGMENT_LATENCY_MS },
    ],
    traffic: [{ ...ping('lan1-to-lan2', R1, HE1, 30_000) }], // [5]
    timeline: [{ atMs: 120_000, action: 'reload', node: 'HE1' }], // [6]
  },
};

// [1] Six minutes: HE2 takes the address about 10 s after the reload; R1's DPD (10 s of silence
//     counted from HE1's last answer, then five retries 2 s apart) declares the peer dead about
//     13 s later, and the rest shows pings on HE2 and HE1 back as Standby without preempt.
// [2] `crypto isakmp keepalive 10 2`: on-demand DPD at the lowest interval of the [M] range
//     (10-3600 s) and the default retry, so the failover is found quickly (ios-behavior.md 2.1).
// [3] DMZ is the headends' shared outside segment 20.1.1.0/24: their HSRP hellos to 224.0.0.2
//     cross it and nothing else.
// [4] HE1 has priority 110 and wins the first election; HE2 keeps the IOS default of 100. No
//     `standby 1 preempt`, so when HE1 returns it stays Standby and the story ends on HE2.
// [5] Pings start at 0:30, once HSRP has elected HE1 Active (Listen 10 s, Speak 10 s). Both
//     headends front 192.168.2.0/24, so the host 192.168.2.10 answers through whichever is Active.
// [6] HE1 reloads at 2:00 and boots 30 s later (the default boot time).
