// Pure. How a log line looks: a tone (its colour and weight in log.css), an icon so that
// colour is never the only sign, and the "simplified" note of a line whose IOS wording is
// not confirmed or whose drop rests on an inferred delay. Called for the rendered rows only.

import type { FaultRecord, TraceRecord } from '../../sim/trace';
import { syslogMnemonic, syslogSeverity } from '../../trace/formatText';
import { dropNote, simplifiedNote } from './fidelity';

export type LineTone =
  /** Severity 4 syslog (%CRYPTO-4-…): amber, bold, "!". */
  | 'warn'
  /** Severity 0-3 syslog. */
  | 'error'
  /** Severity 5-7 syslog. */
  | 'notice'
  /** A tunnel or EzVPN session coming up / going down. */
  | 'up'
  | 'down'
  /** Debug: quieter than syslog. */
  | 'debug'
  /** A fault (reload, link change, config…): a separator across the log. */
  | 'event'
  /** A packet dropped. */
  | 'drop'
  | 'plain';

export interface LineLook {
  tone: LineTone;
  /** A glyph before the time, or null. Always paired with a label for screen readers. */
  icon: string | null;
  iconLabel: string | null;
  /** IOS severity of a syslog line. */
  severity: number | null;
  /** Why the line is marked "simplified", or null. */
  simplified: string | null;
}

const FAULT_ICONS: Record<FaultRecord['event'], [string, string]> = {
  reload: ['↻', 'Reload'],
  boot: ['↑', 'Booted'],
  'link-down': ['✕', 'Link down'],
  'link-up': ['✓', 'Link up'],
  config: ['✎', 'Config change'],
  exec: ['›', 'Command'],
  'traffic-start': ['▶', 'Traffic starts'],
  'traffic-stop': ['■', 'Traffic stops'],
};

/** Up or down for a session syslog (SESSION_STATUS, EZVPN_CONNECTION_UP/DOWN), else null. */
function sessionChange(text: string): 'up' | 'down' | null {
  const mnemonic = syslogMnemonic(text);
  if (mnemonic === 'EZVPN_CONNECTION_UP') return 'up';
  if (mnemonic === 'EZVPN_CONNECTION_DOWN') return 'down';
  if (mnemonic !== 'SESSION_STATUS') return null;
  return / tunnel is UP/.test(text) ? 'up' : / tunnel is DOWN/.test(text) ? 'down' : null;
}

function syslogLook(text: string): LineLook {
  const severity = syslogSeverity(text);
  const simplified = simplifiedNote(text);
  const session = sessionChange(text);
  if (session === 'up') return { tone: 'up', icon: '▲', iconLabel: 'Up', severity, simplified };
  if (session === 'down')
    return { tone: 'down', icon: '▼', iconLabel: 'Down', severity, simplified };
  if (severity !== null && severity <= 3)
    return { tone: 'error', icon: '!!', iconLabel: 'Error', severity, simplified };
  if (severity === 4)
    return { tone: 'warn', icon: '!', iconLabel: 'Warning', severity, simplified };
  return { tone: 'notice', icon: null, iconLabel: null, severity, simplified };
}

export function lineLook(record: TraceRecord): LineLook {
  const none = { icon: null, iconLabel: null, severity: null, simplified: null };
  switch (record.kind) {
    case 'syslog':
      return syslogLook(record.text);
    case 'debug':
      return { ...none, tone: 'debug', simplified: simplifiedNote(record.text) };
    case 'fault': {
      const [icon, iconLabel] = FAULT_ICONS[record.event] ?? ['•', 'Event'];
      return { ...none, tone: 'event', icon, iconLabel };
    }
    case 'packet':
      return record.event === 'dropped'
        ? {
            ...none,
            tone: 'drop',
            icon: '✕',
            iconLabel: 'Dropped',
            simplified: dropNote(record.reason),
          }
        : { ...none, tone: 'plain' };
    case 'ping':
      return record.result === 'lost'
        ? { ...none, tone: 'drop', icon: '✕', iconLabel: 'Ping lost' }
        : { ...none, tone: 'plain' };
    default:
      return { ...none, tone: 'plain' };
  }
}
