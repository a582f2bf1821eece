// Pure. What a router's console reads at the cursor (app/console's ConsoleContext): its tables
// from the frame, its configs replayed from the scenario, its syslog so far, its last boot, and
// whether its links are down.

import type { ConsoleContext, LoggedLine } from '../../console';
import { configsAt } from '../../sim/derived/configAt';
import { countAtOrBefore, lastAtOrBefore, type Run } from '../../sim/run';
import type { RouterView } from '../../sim/snapshot';
import { consoleStream } from './consoleStream';

/**
 * The context of `view`'s router at cursor `t` of `run`, in whole ms (the time a line's
 * effects are injected at). `bootedAtMs` is its last boot after a reload (0: since power-on).
 * The logging buffer lives in RAM: a reload empties it, so `logging` holds only the lines
 * logged since the last boot (and `show version` counts uptime from that boot).
 */
export function consoleContext(run: Run, view: RouterView, t: number): ConsoleContext {
  const atMs = Math.round(t);
  const stream = consoleStream(run, view.node);
  const upTo = stream.records.slice(0, countAtOrBefore(stream.times, atMs));
  const logging: LoggedLine[] = [];
  let bootedAtMs = 0;
  for (const record of upTo) {
    if (record.kind === 'syslog') logging.push({ atMs: record.atMs, text: record.text });
    else if (record.kind === 'fault' && record.event === 'boot') {
      bootedAtMs = record.atMs;
      logging.length = 0;
    }
  }
  const links = run.loaded.scenario.links.filter(
    (link) => link.a === view.node || link.b === view.node,
  );
  const linksDown =
    links.length > 0 &&
    links.every((link) => lastAtOrBefore(run.linkChanges.get(link.id) ?? [], atMs)?.up === false);
  return {
    hostname: view.hostname,
    view,
    ...configsAt(run, view.node, atMs),
    logging,
    nowMs: atMs,
    bootedAtMs,
    linksDown,
  };
}
