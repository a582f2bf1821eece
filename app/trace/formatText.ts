// Pure. One readable line per trace record, IOS style: the time, the router, then what happened.
// Logs keep the IOS text as is; the other records get a short sentence. Used by the CLI and the UI.

import type {
  FaultRecord,
  MachineName,
  PacketRecord,
  SaRecord,
  StateRecord,
  TraceRecord,
} from '../sim/trace';

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** `00:02:00.123` for 120123; hours do not wrap at 24 (`25:00:00.000`). */
export function formatTime(atMs: number): string {
  const ms = Math.max(0, Math.floor(atMs));
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor(ms / 60_000) % 60;
  const seconds = Math.floor(ms / 1000) % 60;
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(ms % 1000, 3)}`;
}

/**
 * `00:02:00.123 R2: %CRYPTO-4-RECVD_PKT_INV_SPI: …`, `00:00:05.000 R1 sent ESP spi 0x… …`;
 * null for a record of a kind this formatter does not know (a newer trace, say).
 */
export function formatRecord(record: TraceRecord): string | null {
  const sentence = DESCRIBERS[record.kind] as ((r: TraceRecord) => string) | undefined;
  return sentence ? `${formatTime(record.atMs)} ${sentence(record)}` : null;
}

const MACHINE_LABELS: Record<MachineName, string> = {
  ike: 'IKE',
  ipsec: 'IPsec',
  dpd: 'DPD',
  hsrp: 'HSRP',
};

/** The record type of a kind (LogRecord carries two kinds, so Extract alone would not do). */
type RecordOfKind<K, R = TraceRecord> = R extends { kind: infer RK }
  ? K extends RK
    ? R
    : never
  : never;

const DESCRIBERS: { [K in TraceRecord['kind']]: (record: RecordOfKind<K>) => string } = {
  syslog: (r) => `${r.node}: ${r.text}`,
  debug: (r) => `${r.node}: ${r.text}`,
  packet: describePacket,
  state: (r: StateRecord) =>
    `${r.node} ${MACHINE_LABELS[r.machine] ?? r.machine} ${r.peer} → ${r.to}`,
  sa: describeSa,
  ping: (r) =>
    r.result === 'ok'
      ? `${r.flow} seq ${r.seq}: !${r.rttMs === undefined ? '' : ` (rtt ${r.rttMs} ms)`}`
      : `${r.flow} seq ${r.seq}: . (timeout)`,
  fault: describeFault,
  negotiation: (r) => `${r.node} phase ${r.phase} with ${r.peer} fails: ${r.reason}`,
};

/** `ESP spi 0x…`, `ISAKMP MM5 INITIAL-CONTACT`, `ISAKMP DELETE spi 0x…`, `IP`. */
function packetWhat(r: PacketRecord): string {
  if (r.proto === 'esp') return r.spi ? `ESP spi ${r.spi}` : 'ESP';
  if (r.proto === 'ip') return 'IP';
  const parts = ['ISAKMP'];
  if (r.msg) parts.push(r.msg);
  if (r.deleteSpi) parts.push(`spi ${r.deleteSpi}`);
  if (r.seq !== undefined) parts.push(`seq 0x${r.seq.toString(16).toUpperCase()}`);
  if (r.initialContact) parts.push('INITIAL-CONTACT');
  return parts.join(' ');
}

function describePacket(r: PacketRecord): string {
  const who = r.node ?? r.src;
  const seq = r.pingSeq !== undefined ? ` seq ${r.pingSeq}` : '';
  const inner = r.inner ? ` (${r.inner}${seq})` : '';
  switch (r.event) {
    case 'sent':
      return `${who} sent ${packetWhat(r)} ${r.src} > ${r.dst}${inner}`;
    case 'delivered':
      return `${who} received ${packetWhat(r)} from ${r.src}${inner}`;
    case 'dropped':
      return `${who} dropped ${packetWhat(r)} from ${r.src}${r.reason ? `: ${r.reason}` : ''}`;
  }
}

function describeSa(r: SaRecord): string {
  const toward = r.direction === 'outbound' ? 'to' : 'from';
  const base = `${r.node} ${r.event} ${r.direction} SA ${r.spi} ${toward} ${r.peer}`;
  if (r.event === 'installed' && r.lifetimeSec !== undefined)
    return `${base} (lifetime ${r.lifetimeSec} s)`;
  return r.reason ? `${base}: ${r.reason}` : base;
}

const FAULT_TEXT: { [E in FaultRecord['event']]: (r: FaultRecord) => string } = {
  reload: (r) => `${r.node} reloads`,
  boot: (r) => `${r.node} has booted`,
  'link-down': (r) => `link ${r.link} down`,
  'link-up': (r) => `link ${r.link} up`,
  // Several config lines are joined on one line, as `; `.
  config: (r) => `${r.node} config: ${(r.detail ?? '').split('\n').join('; ')}`,
  exec: (r) => `${r.node}#${r.detail ?? ''}`,
  'traffic-start': (r) => `${r.flow} starts`,
  'traffic-stop': (r) => `${r.flow} stops`,
};

function describeFault(r: FaultRecord): string {
  const text = FAULT_TEXT[r.event];
  return text ? text(r) : `${r.node ?? r.link ?? r.flow ?? ''} ${r.event}`.trim();
}

/** 4 for `%CRYPTO-4-RECVD_PKT_INV_SPI: …`; null when the text carries no IOS severity. */
export function syslogSeverity(text: string): number | null {
  const match = /^%[A-Z0-9_]+-([0-7])-[A-Z0-9_]+/.exec(text);
  return match ? Number(match[1]) : null;
}

/** `RECVD_PKT_INV_SPI` for `%CRYPTO-4-RECVD_PKT_INV_SPI: …`; null otherwise. */
export function syslogMnemonic(text: string): string | null {
  const match = /^%[A-Z0-9_]+-[0-7]-([A-Z0-9_]+)/.exec(text);
  return match?.[1] ?? null;
}
