// `ping A.B.C.D [repeat N] [size N] [source A.B.C.D|INTERFACE]`, options in any order. The
// console only checks the line and hands the echoes to the app (a `ping` effect); the app prints
// the header at once, then a mark per echo as the simulation answers it or times it out, then
// the success line (the text of each piece is here).

import { lookupInterfaceName } from '../../ios/interfaceName';
import { parseIosConfig } from '../../ios/parseConfig';
import {
  type ExecAction,
  type ExecNode,
  type ExecRequest,
  inRange,
  isIpv4,
  keyword,
  param,
} from './execNodes';

/** IOS defaults: five 100-byte echoes, 2 s timeout each. */
const DEFAULT_REPEAT = 5;
const DEFAULT_SIZE_BYTES = 100;
const TIMEOUT_SEC = 2;
/** `!` and `.` per line before IOS wraps. */
export const MARKS_PER_LINE = 70;

function isInterfaceName(word: string): boolean {
  return lookupInterfaceName(word).kind === 'name';
}

/**
 * The source address: an address of one of the router's interfaces, or the address of the
 * named interface; an error line otherwise.
 */
function sourceAddress(
  request: ExecRequest,
  source: string,
): { address: string } | { error: string } {
  const { interfaces } = parseIosConfig(request.context.runningConfig).config;
  if (isIpv4(source)) {
    return interfaces.some((iface) => iface.address?.ip === source)
      ? { address: source }
      : { error: '% Invalid source address- IP address not on any of our up interfaces' };
  }
  const lookup = lookupInterfaceName(source);
  const name = lookup.kind === 'name' ? lookup.name : source;
  const address = interfaces.find((iface) => iface.name === name)?.address?.ip;
  return address === undefined
    ? { error: '% Invalid source interface - IP not enabled or interface is down' }
    : { address };
}

const ping: ExecAction = (request) => {
  const { values } = request;
  const dst = values.get('host') ?? '';
  if (!isIpv4(dst)) {
    return { output: ['% Unrecognized host or address, or protocol not running.', ''] };
  }
  const sourceWord = values.get('source');
  const source = sourceWord === undefined ? null : sourceAddress(request, sourceWord);
  if (source !== null && 'error' in source) return { output: [source.error, ''] };
  return {
    output: [],
    effects: [
      {
        kind: 'ping',
        dst,
        ...(source === null ? {} : { source: source.address }),
        repeat: Number(values.get('repeat') ?? DEFAULT_REPEAT),
        sizeBytes: Number(values.get('size') ?? DEFAULT_SIZE_BYTES),
      },
    ],
  };
};

/** The options after the host; each leads back to all of them. */
const OPTIONS: ExecNode[] = [];
OPTIONS.push(
  keyword('repeat', 'specify repeat count', {
    children: [
      param('<1-2147483647>', 'Repeat count', inRange(1, 2147483647), {
        key: 'repeat',
        action: ping,
        children: OPTIONS,
      }),
    ],
  }),
  keyword('size', 'specify datagram size', {
    children: [
      param('<36-18024>', 'Datagram size', inRange(36, 18024), {
        key: 'size',
        action: ping,
        children: OPTIONS,
      }),
    ],
  }),
  keyword('source', 'specify source address or name', {
    children: [
      param('A.B.C.D', 'Source address', isIpv4, {
        key: 'source',
        action: ping,
        children: OPTIONS,
      }),
      param('WORD', 'Source interface name', isInterfaceName, {
        key: 'source',
        action: ping,
        children: OPTIONS,
      }),
    ],
  }),
);

export const PING: ExecNode = keyword('ping', 'Send echo messages', {
  children: [
    param('WORD', 'Ping destination address or hostname', () => true, {
      key: 'host',
      action: ping,
      children: OPTIONS,
    }),
  ],
});

export interface RoundTrip {
  readonly min: number;
  readonly avg: number;
  readonly max: number;
}

/**
 * What IOS prints as a ping starts: the escape hint, what it sends, and the source when one was
 * typed (`source` is the address of the ping effect's `source`).
 */
export function pingHeaderLines(
  repeat: number,
  dst: string,
  sizeBytes: number,
  source?: string,
): string[] {
  return [
    'Type escape sequence to abort.',
    `Sending ${repeat}, ${sizeBytes}-byte ICMP Echos to ${dst}, timeout is ${TIMEOUT_SEC} seconds:`,
    ...(source === undefined ? [] : [`Packet sent with a source address of ${source}`]),
  ];
}

/**
 * The line that ends a ping, over the echoes it sent (answered `!` or timed out `.`): the
 * percentage rounded down; with no reply the round-trip part is left out.
 */
export function pingSuccessLine(results: ReadonlyArray<'!' | '.'>, rttMs: RoundTrip): string {
  const sent = results.length;
  const received = results.filter((mark) => mark === '!').length;
  const percent = sent === 0 ? 0 : Math.floor((received * 100) / sent);
  const roundTrip =
    received === 0 ? '' : `, round-trip min/avg/max = ${rttMs.min}/${rttMs.avg}/${rttMs.max} ms`;
  return `Success rate is ${percent} percent (${received}/${sent})${roundTrip}`;
}
