// `show logging`: the 12.4 status header, short, then the buffered syslog lines with their
// timestamps. Every message goes to the console, the buffer and the trap (default levels:
// console and buffer debugging, trap informational).

import { formatLogLine } from '../consoleLog';
import type { LoggedLine } from '../types';

/** The 12.4 default buffer size: older lines are overwritten once it is full. */
const BUFFER_BYTES = 4096;

/** The newest lines that fit in the buffer, oldest first. */
function buffered(lines: readonly string[]): string[] {
  const kept: string[] = [];
  let bytes = 0;
  for (const line of [...lines].reverse()) {
    bytes += line.length + 1;
    if (bytes > BUFFER_BYTES) break;
    kept.unshift(line);
  }
  return kept;
}

export function showLogging(lines: readonly LoggedLine[]): string[] {
  const count = lines.length;
  return [
    'Syslog logging: enabled (0 messages dropped, 0 messages rate-limited, 0 flushes, 0 overruns, xml disabled, filtering disabled)',
    `    Console logging: level debugging, ${count} messages logged, xml disabled,`,
    '                     filtering disabled',
    '    Monitor logging: level debugging, 0 messages logged, xml disabled,',
    '                     filtering disabled',
    `    Buffer logging: level debugging, ${count} messages logged, xml disabled,`,
    '                    filtering disabled',
    '    Logging Exception size (4096 bytes)',
    '    Count and timestamp logging messages: disabled',
    '',
    'No active filter modules.',
    '',
    `    Trap logging: level informational, ${count} message lines logged`,
    '',
    `Log Buffer (${BUFFER_BYTES} bytes):`,
    '',
    ...buffered(lines.map((line) => formatLogLine(line.atMs, line.text))),
  ];
}
