import { cueRecord, cueTime, happens } from '../cue';
import type { Cue, Lesson } from '../types';

const RELOAD: Cue = { on: 'fault', node: 'R1', match: '^reload R1' };
const BOOT: Cue = { on: 'fault', node: 'R1', match: '^boot R1' };
const R1_AM1_AFTER: Cue = { on: 'packet', node: 'R1', match: '^sent AM1$', afterMs: 120_000 };
const SERVER_IC_DELETE: Cue = { on: 'sa', node: 'R2', match: '^deleted .*initial-contact' };

export const ezvpn: Lesson = {
  id: 'ezvpn',
  title: 'Easy VPN: the client reloads',
  goal: 'Explain why invalid-SPI recovery plays no role with Easy VPN: the client always dials.',
  presetId: 'ezvpn-client-reload',
  notesScenario: '1.6',
  group: 'where-recovery-works',
  tableRows: ['ezvpn-client'],
  focus: 'routers',
  steps: [
    {
      kind: 'narrate',
      cue: { atMs: 0 },
      speed: 1,
      text: 'R1 is an Easy VPN client, R2 the server: with `connect auto` the client dials at start-up, always as the IKE initiator. With its group key it uses aggressive mode (AM1 to AM3), then fetches its configuration (mode config) before quick mode. The server answers from a dynamic map.',
      cites: [
        { source: 'tn-115801', notes: '1.6' },
        { source: 'tn-113594', notes: '8.6' },
      ],
      simplified: 'ezvpnModeConfig',
    },
    {
      kind: 'narrate',
      cue: { ...RELOAD, offsetMs: -2000 },
      speed: 5,
      text: 'At 2:00 the client reloads. The server keeps the SAs of the old session.',
    },
    {
      kind: 'predict',
      cue: { ...BOOT, offsetMs: -1000 },
      question: 'The client is about to finish booting. How does the tunnel come back?',
      choices: [
        {
          text: 'The server calls the client, thanks to invalid-SPI recovery.',
          correct: false,
          explanation: 'The server’s dynamic map cannot initiate, with or without the command.',
        },
        {
          text: 'The client dials at once, and INITIAL-CONTACT clears the server’s old SAs.',
          correct: true,
          explanation:
            '`connect auto` dials as soon as the client runs; the server drops the old session on the INITIAL-CONTACT of AM3.',
        },
        {
          text: 'Not until the server’s SAs expire.',
          correct: false,
          explanation: 'INITIAL-CONTACT clears them right away.',
        },
      ],
      verify: (run) => {
        const dial = cueRecord(run, {
          on: 'packet',
          match: '^sent AM1$',
          afterMs: cueTime(run, RELOAD) ?? 0,
        });
        // INITIAL-CONTACT rides in AM3 (aggressive mode has no MM5), and the server acts on it.
        const am3 = cueRecord(run, { ...R1_AM1_AFTER, match: '^sent AM3$' });
        const received = cueRecord(run, {
          on: 'packet',
          node: 'R2',
          match: '^delivered AM3$',
          afterMs: am3?.atMs ?? 0,
        });
        const cleared = cueTime(run, SERVER_IC_DELETE);
        return (
          dial?.kind === 'packet' &&
          dial.node === 'R1' &&
          dial.atMs === cueTime(run, BOOT) &&
          am3?.kind === 'packet' &&
          am3.initialContact === true &&
          !happens(run, { on: 'packet', match: '^sent MM', afterMs: cueTime(run, RELOAD) ?? 0 }) &&
          received !== undefined &&
          cleared === received.atMs
        );
      },
    },
    {
      kind: 'narrate',
      cue: R1_AM1_AFTER,
      focus: 'topology',
      speed: 1,
      text: 'The client dials the server the moment it has booted, before any user traffic asks for it.',
    },
    {
      kind: 'narrate',
      cue: SERVER_IC_DELETE,
      router: 'R2',
      hold: true,
      text: 'The server dropped the SAs of the old session on INITIAL-CONTACT. Table row "EzVPN client": N/A — the client never needs recovery, and the server could not initiate anyway.',
      cites: [{ source: 'rfc2407' }, { source: 'tn-115801', notes: '1.6' }],
    },
    {
      kind: 'playground',
      text: 'Free play on the same client and server, with every control on.',
      tryThis: ['Reload the server R2 instead: who repairs the tunnel then, and how fast?'],
    },
  ],
};
