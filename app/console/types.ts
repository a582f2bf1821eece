// The router console's data: what one IOS CLI session remembers between lines, what it reads of
// the router, and what it asks the app to do. Plain, immutable data: the UI keeps a ConsoleState
// per router and replaces it with the one each call returns.

import type { ExecCommand } from '../scenario/types';
import type { RouterView } from '../sim/snapshot';

/**
 * The command mode, as the prompt shows it (prompt.ts). Submodes are named after the IOS prompt,
 * except `config-transform` (`cfg-crypto-trans`) and `config-ipsec-profile` (`ipsec-profile`);
 * `config-block` is a block IOS accepts but the simulator does not model (`line con 0`), whose
 * prompt comes from its header line.
 */
export type ConsoleMode =
  | 'user-exec'
  | 'exec'
  | 'config'
  | 'config-if'
  | 'config-subif'
  | 'config-crypto-map'
  | 'config-isakmp'
  | 'config-transform'
  | 'config-ipsec-profile'
  | 'config-ext-nacl'
  | 'config-crypto-ezvpn'
  | 'config-isakmp-group'
  | 'config-block';

/**
 * A question IOS asked and waits for: the next line typed is its answer, and the prompt is the
 * question itself (`Proceed with reload? [confirm]`).
 */
export type PendingQuestion =
  | { kind: 'reload-save' }
  | { kind: 'reload-confirm' }
  | { kind: 'copy-destination' }
  | { kind: 'configure-from' }
  | { kind: 'press-return' };

export interface DebugFlags {
  /** `debug crypto isakmp`: the console prints ISAKMP debug lines. */
  readonly isakmp: boolean;
  /** `debug crypto ipsec`: the console prints IPSEC debug lines. */
  readonly ipsec: boolean;
}

export interface ConsoleState {
  /** The router's node id. */
  readonly node: string;
  readonly mode: ConsoleMode;
  /**
   * The line that opened the current submode, as typed with its keywords spelled out
   * (`crypto map CMAP 10 ipsec-isakmp`); null in exec and global configuration modes.
   */
  readonly submodeHeader: string | null;
  /** Lines typed, oldest first, at most HISTORY_SIZE (see historyAt). */
  readonly history: readonly string[];
  readonly debug: DebugFlags;
  readonly pending: PendingQuestion | null;
}

/** One buffered syslog line of the router. */
export interface LoggedLine {
  readonly atMs: number;
  readonly text: string;
}

/** What the router shows at the current virtual time; read only. */
export interface ConsoleContext {
  readonly hostname: string;
  readonly view: RouterView;
  /** The running-config text, as the simulation holds it (`show running-config` body). */
  readonly runningConfig: string;
  /** The startup-config text ('' when none was saved). */
  readonly startupConfig: string;
  /** This router's syslog lines so far, oldest first. */
  readonly logging: readonly LoggedLine[];
  /** The current virtual time. */
  readonly nowMs: number;
  /** When the router last came up (virtual ms) for `show version`; default 0 (power-on). */
  readonly bootedAtMs?: number;
  /** Every link of the router to the network is down now (`show ip interface brief`). */
  readonly linksDown?: boolean;
}

/**
 * What the app applies to the simulation after a line:
 * - `config`: one accepted configuration line, preceded by the line opening its submode when
 *   it was typed in one, ready for a timeline `config` entry (each entry starts in global mode);
 * - `exec`: a timeline `exec` entry;
 * - `reload`: a timeline `reload` entry for this router;
 * - `ping`: run `repeat` echoes of `sizeBytes` bytes to `dst` (from `source`, an address of this
 *   router, when given), printed as pingHeaderLines, a mark per echo, then pingSuccessLine;
 * - `debug`: the session's debug flags changed (only the ones named).
 */
export type ConsoleEffect =
  | { readonly kind: 'config'; readonly lines: string[] }
  | { readonly kind: 'exec'; readonly command: ExecCommand }
  | { readonly kind: 'reload' }
  | {
      readonly kind: 'ping';
      readonly dst: string;
      readonly source?: string;
      readonly repeat: number;
      readonly sizeBytes: number;
    }
  | { readonly kind: 'debug'; readonly isakmp?: boolean; readonly ipsec?: boolean };

export interface ConsoleResult {
  readonly state: ConsoleState;
  /** The lines IOS prints after the typed line (the echo of `prompt + line` is the UI's). */
  readonly output: string[];
  readonly effects: ConsoleEffect[];
}
