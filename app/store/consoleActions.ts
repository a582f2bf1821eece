// What a line typed at a router console does to the scenario. The console (app/console) returns
// effects; these apply them at the cursor, exactly as a toggle or a menu does:
//   config lines                  → one timeline `config` entry for the router, at t;
//   clear crypto sa|isakmp, write memory → one timeline `exec` entry, at t;
//   reload                        → one timeline `reload` entry, at t;
//   ping                          → a ping flow from the router, starting at t (addConsolePing),
//                                   stopped at t by Ctrl+Shift+6 (abortConsolePing);
//   debug                         → nothing here: the flags belong to the console session.
// Every change re-runs the scenario and keeps the cursor.

import type { ConsoleEffect } from '../console';
import { parseIosConfig } from '../ios/parseConfig';
import { DURATION_MAX_MS, FLOWS_MAX } from '../scenario/limits';
import type { PingFlow } from '../scenario/types';
import { compilePlan, ip, ipText, lookupRoute } from '../sim/router/forwardingPlan';
import { PING_TIMEOUT_MS } from '../sim/simulate';
import { inject, tryReplaceDocument } from './actions';
import { useSimStore } from './simStore';

/**
 * IOS sends the next echo as soon as the previous one is answered; the console waits a second
 * after sending an answered echo, so that each can be watched (a lost one takes its 2 s timeout).
 */
export const CONSOLE_PING_EVERY_MS = 1000;

export type PingEffect = Extract<ConsoleEffect, { kind: 'ping' }>;

/** A ping the console started: the flow that carries it and what it prints when done. */
export interface ConsolePing {
  readonly flowId: string;
  readonly node: string;
  readonly dst: string;
  /** The address the echoes leave from (the `source` typed, or the router's own toward dst). */
  readonly src: string;
  /** Set when `source` was typed: IOS then prints `Packet sent with a source address of …`. */
  readonly source?: string;
  readonly repeat: number;
  readonly sizeBytes: number;
  readonly startMs: number;
  /** Set when Ctrl+Shift+6 aborted it: no echo leaves after that moment. */
  readonly abortedAtMs?: number;
}

export type PingStart = { ok: true; ping: ConsolePing } | { ok: false; message: string };

/**
 * The address a router's own ping leaves from when no `source` is typed: the address of the
 * interface its routing table sends `dst` out of (IOS's rule), else its first address. Null
 * when the router has no address at all.
 */
export function pingSourceToward(runningConfig: string, dst: string): string | null {
  const plan = compilePlan(parseIosConfig(runningConfig).config);
  const route = lookupRoute(plan, ip(dst));
  if (route?.iface.addr != null) return ipText(route.iface.addr);
  const first = plan.interfaces.find((iface) => iface.addr !== null);
  return first?.addr != null ? ipText(first.addr) : null;
}

/** `console-R1-3`: the next free number for this router (ids are at most 32 characters). */
function nextFlowId(flows: readonly { id: string }[], node: string): string {
  const prefix = `console-${node}-`.length + 6 <= 32 ? `console-${node}-` : 'console-';
  const used = flows
    .filter((flow) => flow.id.startsWith(prefix))
    .map((flow) => Number(flow.id.slice(prefix.length)))
    .filter(Number.isInteger);
  return `${prefix}${Math.max(0, ...used) + 1}`;
}

/**
 * Adds `ping` as a flow of the scenario starting at the cursor (`repeat` echoes, one at a time
 * as IOS sends them), re-runs it and keeps the cursor. `runningConfig` is the router's configuration at
 * the cursor, which picks the source address. The document is left alone if the flow would
 * not load (too many flows, a run too long): the console prints `message` instead.
 */
export function addConsolePing(node: string, ping: PingEffect, runningConfig: string): PingStart {
  const { document, t } = useSimStore.getState();
  if (!document) return { ok: false, message: 'no scenario is loaded' };
  const traffic = document.traffic ?? [];
  if (traffic.length >= FLOWS_MAX) {
    return { ok: false, message: `the scenario already has ${FLOWS_MAX} traffic flows` };
  }
  const src = ping.source ?? pingSourceToward(runningConfig, ping.dst);
  if (src === null) return { ok: false, message: `${node} has no IP address to ping from` };
  const startMs = Math.round(t);
  const flow: PingFlow = {
    id: nextFlowId(traffic, node),
    kind: 'ping',
    src,
    dst: ping.dst,
    everyMs: CONSOLE_PING_EVERY_MS,
    startMs,
    // Each echo takes at most its 2 s timeout: the flow has ended by then.
    stopMs: Math.min(DURATION_MAX_MS, startMs + ping.repeat * PING_TIMEOUT_MS),
    sizeBytes: ping.sizeBytes,
    repeat: ping.repeat,
  };
  const errors = tryReplaceDocument({ ...document, traffic: [...traffic, flow] });
  if (errors.length > 0) return { ok: false, message: errors[0]?.message ?? 'invalid flow' };
  return {
    ok: true,
    ping: {
      flowId: flow.id,
      node,
      dst: ping.dst,
      src,
      ...(ping.source === undefined ? {} : { source: ping.source }),
      repeat: ping.repeat,
      sizeBytes: ping.sizeBytes,
      startMs,
    },
  };
}

/**
 * Ctrl+Shift+6: the ping's flow stops at `atMs` (the cursor), so no echo leaves after it, and
 * the scenario runs again. Returns the ping as aborted, or null if its flow is gone.
 */
export function abortConsolePing(ping: ConsolePing, atMs: number): ConsolePing | null {
  const { document } = useSimStore.getState();
  const traffic = document?.traffic ?? [];
  const flow = traffic.find((candidate) => candidate.id === ping.flowId);
  if (!document || !flow) return null;
  // A flow's stop comes after its start: an abort at the very start still sent the first echo.
  const stopMs = Math.max(flow.startMs + 1, atMs);
  const stopped = traffic.map((candidate) =>
    candidate === flow ? { ...flow, stopMs } : candidate,
  );
  if (tryReplaceDocument({ ...document, traffic: stopped }).length > 0) return null;
  return { ...ping, abortedAtMs: atMs };
}

/** What applying a line's effects started, for the console to follow. */
export interface AppliedEffects {
  readonly pings: PingStart[];
}

/**
 * Applies one console line's effects for router `node`, in order, at the cursor.
 * `runningConfig` is the router's running-config at the cursor before the line.
 */
export function applyConsoleEffects(
  node: string,
  effects: readonly ConsoleEffect[],
  runningConfig: string,
): AppliedEffects {
  const pings: PingStart[] = [];
  for (const effect of effects) {
    switch (effect.kind) {
      case 'config':
        inject({ action: 'config', node, lines: [...effect.lines] });
        break;
      case 'exec':
        inject({ action: 'exec', node, command: effect.command });
        break;
      case 'reload':
        inject({ action: 'reload', node });
        break;
      case 'ping':
        pings.push(addConsolePing(node, effect, runningConfig));
        break;
      case 'debug':
        break;
    }
  }
  return { pings };
}
