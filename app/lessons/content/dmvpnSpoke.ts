import { cueRecord, cueTime } from '../cue';
import type { Cue, Lesson } from '../types';

const RELOAD: Cue = { on: 'fault', node: 'SPOKE1', match: '^reload SPOKE1' };
const BOOT: Cue = { on: 'fault', node: 'SPOKE1', match: '^boot SPOKE1' };
const FIRST_MM1_AFTER_RELOAD: Cue = { on: 'packet', match: '^sent MM1$', afterMs: 120_000 };
const HUB_IC_DELETE: Cue = { on: 'sa', node: 'HUB', match: '^deleted .*initial-contact' };

export const dmvpnSpoke: Lesson = {
  id: 'dmvpn-spoke',
  title: 'DMVPN: a spoke reloads (static NHRP)',
  goal: 'Explain why a spoke, which knows its hub statically, always recovers on its own.',
  presetId: 'dmvpn-spoke-reload',
  notesScenario: '7.4.6',
  group: 'where-recovery-works',
  tableRows: ['mgre-static-nhrp'],
  focus: 'routers',
  steps: [
    {
      kind: 'narrate',
      cue: { atMs: 60_000 },
      router: 'SPOKE1',
      speed: 5,
      text: 'The same DMVPN; this time SPOKE1 reloads. A spoke knows its hub statically (`ip nhrp map 172.16.0.1 20.1.1.2`): its `show ip nhrp` says Type: static.',
      cites: [{ source: 'cg-nhrp', notes: '5' }],
    },
    {
      kind: 'narrate',
      cue: RELOAD,
      focus: 'topology',
      text: 'SPOKE1 reloads at 2:00. The hub keeps encrypting to it with the old SPIs; SPOKE2’s tunnel is not affected.',
    },
    {
      kind: 'predict',
      cue: { ...BOOT, offsetMs: -1000 },
      question: 'SPOKE1 is about to finish booting. Who starts IKE first?',
      choices: [
        {
          text: 'The HUB: it has traffic for SPOKE1.',
          correct: false,
          explanation: 'The hub believes its SAs are fine: it keeps sending ESP with the old SPI.',
        },
        {
          text: 'SPOKE1, toward the hub it knows statically.',
          correct: true,
          explanation:
            'SPOKE1 must register with its NHS again, and it has the hub’s NBMA address in its config.',
        },
        {
          text: 'Nobody: it stays broken, as after the hub reload.',
          correct: false,
          explanation:
            'The spoke side is the one that can always call: table row "static NHRP mapping: Yes".',
        },
      ],
      verify: (run) => {
        const first = cueRecord(run, FIRST_MM1_AFTER_RELOAD);
        return (
          first?.kind === 'packet' && first.node === 'SPOKE1' && first.atMs === cueTime(run, BOOT)
        );
      },
    },
    {
      kind: 'narrate',
      cue: FIRST_MM1_AFTER_RELOAD,
      speed: 1,
      text: 'SPOKE1 starts Main Mode toward the hub as soon as it has booted. A stale packet from the hub arrives meanwhile: %CRYPTO-4-RECVD_PKT_INV_SPI on SPOKE1.',
      cites: [{ source: 'tn-115801', notes: '1.6' }],
    },
    {
      kind: 'narrate',
      cue: HUB_IC_DELETE,
      router: 'HUB',
      hold: true,
      text: 'INITIAL-CONTACT in MM5: the hub brings down its old SAs for SPOKE1. SPOKE1 then sends the DELETE for the stale SPI, and Quick Mode builds new SAs.',
      cites: [{ source: 'rfc2407' }, { source: 'tn-115801', notes: '1.3' }],
    },
    {
      kind: 'narrate',
      cue: { on: 'ping', match: '^lan2-to-lan1 #\\d+ ok$', afterMs: 150_000 },
      focus: 'health',
      hold: true,
      text: 'Pings to SPOKE1’s LAN answer again, and SPOKE2 never noticed. Table row "mGRE with static NHRP mapping": recovery Yes.',
      cites: [{ source: 'tn-115801', notes: '1.6' }],
    },
    {
      kind: 'playground',
      text: 'Free play on the same DMVPN, with every control on.',
      tryThis: [
        'Untick `crypto isakmp invalid-spi-recovery` on SPOKE1: does it still recover? Why?',
        'Reload the HUB instead: that is the next lesson.',
      ],
    },
  ],
};
