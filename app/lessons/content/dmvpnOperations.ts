// DMVPN operations (ios-behavior.md 5 and 7.4.6): `show dmvpn` on the hub and a spoke, NHRP
// registration every third of the hold time, and why the spokes need DPD when the hub reloads.

import { cueRecords } from '../cue';
import { showOutputs } from '../showSnapshot';
import type { Cue, Lesson, ShowSnapshot } from '../types';

export const HUB_RELOAD: Cue = { on: 'fault', node: 'HUB', match: '^reload HUB' };
export const SPOKE1_DEAD: Cue = { on: 'debug', node: 'SPOKE1', match: 'declaring peer dead' };
/** SPOKE1's first answered ping after the reload: when the hub can send back to it again. */
export const SPOKE1_BACK: Cue = { on: 'ping', match: '^lan1-to-lan2 #\\d+ ok$', afterMs: 120_000 };
/** The spokes' third registration, 200 s after the first: the hub has been back for 50 s. */
export const THIRD_REGISTRATION_MS = 202_000;
export const SIDE_BY_SIDE_MS = 215_000;

const dmvpnOf = (node: string): ShowSnapshot => ({
  node,
  commands: ['show dmvpn | begin Type'],
});

/** The tunnel addresses the hub's `show dmvpn` lists at `atMs`. */
export function hubPeers(run: Parameters<typeof showOutputs>[0], atMs: number): string[] {
  const lines = showOutputs(run, atMs, [dmvpnOf('HUB')])[0]?.commands[0]?.output ?? [];
  return lines.flatMap((line) => {
    const row = /^\s+1 (\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S)$/.exec(line);
    return row ? [row[2] as string] : [];
  });
}

export const dmvpnOperations: Lesson = {
  id: 'dmvpn-operations',
  title: 'DMVPN operations: NHRP hold time and DPD on the spokes',
  goal: 'Read `show dmvpn` on a hub and a spoke, say when a spoke registers and when the hub forgets it, and explain why the spokes run DPD.',
  presetId: 'dmvpn-operations',
  notesScenario: '7.4.6',
  group: 'dpd-idle',
  focus: 'routers',
  steps: [
    {
      kind: 'narrate',
      cue: { atMs: 60_000 },
      hold: true,
      show: [dmvpnOf('HUB'), dmvpnOf('SPOKE1')],
      text: '`show dmvpn` side by side: the hub lists each spoke with Attrb D, learnt from the spoke’s NHRP registration; SPOKE1 lists the hub with Attrb S, from `ip nhrp map`. State UP means IKE, IPsec and the registration are all done.',
      cites: [{ source: 'nl-dmvpn-attributes' }, { source: 'cg-nhrp', notes: '5' }],
    },
    {
      kind: 'narrate',
      cue: { atMs: 102_000 },
      focus: 'topology',
      text: 'At 1:42 both spokes register again, 100 s after the first time: a third of their `ip nhrp holdtime 300`. The hub keeps each entry for the hold time after the last registration, so a spoke that falls silent leaves its table 300 s later.',
      cites: [{ source: 'cg-nhrp', notes: '5' }],
      simplified: 'nhrpRegistration',
    },
    {
      kind: 'narrate',
      cue: HUB_RELOAD,
      text: 'The hub reloads at 2:00 and is back at 2:30 with an empty NHRP cache and no SAs. SPOKE1 runs DPD (`crypto isakmp keepalive 10 2`); SPOKE2 does not.',
    },
    {
      kind: 'narrate',
      cue: SPOKE1_DEAD,
      router: 'SPOKE1',
      text: 'SPOKE1 heard nothing for 10 s, sent R-U-THERE and five retries 2 s apart: at 2:22 it declares the hub dead and deletes its SAs. Its `show dmvpn` state drops to IKE; once the hub is back, main mode gets an answer at 2:32.',
      cites: [
        { source: 'cg-dpd-periodic', notes: '2.1' },
        { source: 'rfc3706', notes: '2.2' },
      ],
      simplified: 'dpdRetry',
    },
    {
      kind: 'predict',
      cue: { atMs: THIRD_REGISTRATION_MS - 1_000 },
      question:
        'At 3:22 both spokes send their next NHRP registration to the hub. Which of them will the hub’s `show dmvpn` list?',
      choices: [
        {
          text: 'Both: the hub learns every spoke that registers.',
          correct: false,
          explanation:
            'SPOKE2’s registration travels in ESP with an SPI the hub lost in the reload: the hub drops it as an invalid SPI and never reads it.',
        },
        {
          text: 'SPOKE1 only: DPD replaced its stale SAs, so its registration gets through.',
          correct: true,
          explanation:
            'SPOKE1 negotiated new SAs at 2:32; its registration is decrypted and answered, and the hub has a D row for it again.',
        },
        {
          text: 'Neither: after a reload the hub needs `ip nhrp map` lines for its spokes.',
          correct: false,
          explanation:
            'A hub needs no static mappings: it learns from any registration it can read.',
        },
      ],
      verify: (run) => {
        const answered = (spokeNbma: string) =>
          cueRecords(run, {
            on: 'packet',
            node: 'HUB',
            match: '^sent esp$',
            afterMs: 150_000,
          }).some(
            (r) =>
              r.kind === 'packet' &&
              r.dst === spokeNbma &&
              r.inner?.startsWith('NHRP registration reply') === true,
          );
        const peers = hubPeers(run, SIDE_BY_SIDE_MS);
        return (
          answered('10.1.1.1') &&
          !answered('30.1.1.3') &&
          peers.length === 1 &&
          peers[0] === '172.16.0.2'
        );
      },
    },
    {
      kind: 'narrate',
      cue: SPOKE1_BACK,
      focus: 'health',
      text: 'SPOKE1’s pings answer again at 3:22, right after its registration, and not at 2:32 when its SAs came back: the hub needs the NHRP entry to send the replies.',
      cites: [{ source: 'cg-nhrp', notes: '5' }],
    },
    {
      kind: 'narrate',
      cue: { atMs: SIDE_BY_SIDE_MS },
      hold: true,
      show: [dmvpnOf('HUB'), dmvpnOf('SPOKE2')],
      text: 'At 3:35 the hub lists SPOKE1 only. SPOKE2 says NHRP: its SAs look fine, but the hub drops its registrations as invalid SPIs, resent every 2 s. The hub cannot call a spoke it knew only from NHRP: that is why spokes run DPD.',
      cites: [
        { source: 'tn-115801', notes: '1.3' },
        { source: 'cg-dpd-periodic', notes: '2.1' },
      ],
      simplified: 'nhrpRegistration',
    },
    {
      kind: 'playground',
      text: 'Free play on the same DMVPN, with every control on.',
      tryThis: [
        'Type `show dmvpn` on SPOKE2 at 6:00: still NHRP.',
        'Add `crypto isakmp keepalive 10 2` to SPOKE2 and watch it come back at its next registration.',
        'Reload SPOKE1 instead and read both sides’ `show dmvpn` while it boots.',
      ],
    },
  ],
};
