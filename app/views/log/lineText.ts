// Pure. The columns of a log line: virtual time, router, and the text as IOS (or the trace
// formatter) prints it, without the time and router it already shows in its own columns.

import type { TraceRecord } from '../../sim/trace';
import { formatRecord, formatTime } from '../../trace/formatText';
import { recordNode } from './logRows';

export interface LineText {
  /** `00:02:30.020` */
  time: string;
  /** The router, or '' for records of a link or a ping flow. */
  node: string;
  text: string;
}

export function lineText(record: TraceRecord): LineText {
  const time = formatTime(record.atMs);
  const node = recordNode(record) ?? '';
  if (record.kind === 'syslog' || record.kind === 'debug') return { time, node, text: record.text };
  const line = formatRecord(record);
  if (line === null) return { time, node, text: record.kind };
  const text = line.slice(time.length + 1);
  if (node && text.startsWith(`${node} `)) return { time, node, text: text.slice(node.length + 1) };
  return { time, node, text };
}
