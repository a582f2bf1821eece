import { R1, R2 } from './configs';
import type { Preset } from './preset';
import { staticPairPreset } from './staticPair';

/** The scanner's own address: nobody's peer. */
export const SCANNER_IP = '203.0.113.66';

export const espScanner: Preset = staticPairPreset({
  id: 'esp-scanner',
  summary:
    'A scanner on the internet sends ESP with a random SPI to R2 every 10 s, first from its own address, then with R1’s address as its source. R2 has `crypto isakmp invalid-spi-recovery`; the tunnel is not up.',
  teaches:
    'Every scanner packet carries a new SPI, so R2 drops it and logs %CRYPTO-4-RECVD_PKT_INV_SPI for each one (the limit is per SPI). From its own address the scanner gets nothing more: no configuration names 203.0.113.66 as a peer, so R2 has nobody to call. Claiming R1’s address, it makes R2 start Main Mode toward the real R1, which answers: an IKE SA that R1 never asked for. Over it R2 sends a DELETE notify for each random SPI, which R1 ignores. Without the command, R2 only logs. That is why invalid-SPI recovery is off by default: it lets anyone who can forge a peer’s address make a router negotiate (Cisco configuration guide, Invalid Security Parameter Index Recovery).',
  notesScenario: '7.4.3',
  sources: ['cg-invalid-spi-recovery', 'tn-115801', 'rfc4303', 'rfc2408'],
  seed: 30,
  durationMs: 180_000, // [1]
  r2: { extraGlobal: ['crypto isakmp invalid-spi-recovery'] },
  traffic: [
    // [2]
    {
      id: 'scan-own',
      kind: 'esp-scan',
      from: 'ISP',
      src: SCANNER_IP,
      dst: R2.wanIp,
      everyMs: 10_000,
      startMs: 10_000,
      stopMs: 60_000,
    },
    {
      id: 'scan-spoofed',
      kind: 'esp-scan',
      from: 'ISP',
      src: SCANNER_IP,
      claimedSrc: R1.wanIp,
      dst: R2.wanIp,
      everyMs: 10_000,
      startMs: 90_000,
    },
  ],
});

// [1] Three minutes: five packets from the scanner's own address (0:10 to 0:50), a quiet half
//     minute, then one spoofed packet every 10 s from 1:30.
// [2] No pings: the tunnel between the LANs stays down, so R2 has no IKE SA with R1 when the
//     first spoofed packet arrives (as before a tunnel is used, or after it idled out).
