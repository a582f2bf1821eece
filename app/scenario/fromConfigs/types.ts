// What the scenario-from-configs inference reads and answers: plain IOS configs in, a scenario
// document out, with what it had to assume and what it could not simulate.

import type { ScenarioDocument } from '../schema';

/** One router's startup-config as the user has it: a file, or one config of a paste. */
export interface ConfigSource {
  /** Where it comes from, for messages: a file name, or "config 2" of a paste. */
  name: string;
  text: string;
  /** Lines before this config in what it was cut from (a paste): added to line numbers. */
  lineOffset?: number;
}

/** A line of a source, and what to tell the user about it. */
export interface SourceNote {
  source: string;
  /** 1-based; absent when the note is about the whole source (no hostname). */
  line?: number;
  /** The line as written (absent with `line`). */
  text?: string;
  message: string;
}

export type Inference =
  | {
      ok: true;
      document: ScenarioDocument;
      /** What the configs did not say and the scenario assumes (routes), one sentence each. */
      assumptions: string[];
      /** Lines kept but not simulated (OSPF, `line vty`, `ntp` …): information, not errors. */
      notSimulated: SourceNote[];
    }
  | { ok: false; errors: SourceNote[] };
