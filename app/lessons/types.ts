// The shape of a lesson: data only (plus one small predicate per prediction), evaluated against
// the run of the lesson's preset. Cues, citations and predictions are checked by lessons.test.ts
// against the real runs, so a lesson cannot drift from what the engine does.

import type { StageChart, StageView } from '../scenario/linkHash';
import type { Run } from '../sim/run';
import type { SimplificationId } from '../sources/simplifications';
import type { SourceId } from '../sources/sources';

/** Which kind of trace record a cue waits for. */
export type CueOn =
  | 'syslog'
  | 'debug'
  | 'packet'
  | 'sa'
  | 'state'
  | 'fault'
  | 'ping'
  | 'negotiation';

/**
 * When a step starts, as data. Either a fixed virtual time, or the first (or nth) trace record
 * that matches; `cueTime` (cue.ts) resolves it against a run. `match` is a regular expression
 * source tested against the record's subject (see `cueSubject`):
 *   syslog, debug  the text:                 "%CRYPTO-4-RECVD_PKT_INV_SPI: decaps: …"
 *   packet         event, message, reason:   "sent MM1", "dropped esp: invalid SPI 0x…: no inbound SA"
 *   sa             event, direction, reason: "deleted inbound initial-contact"
 *   state          machine and new state:    "ike QM_IDLE", "dpd dead"
 *   fault          event and subject:        "reload R2", "link-down R2-ISP", "exec R2 clear crypto sa"
 *   ping           flow, sequence, result:   "lan1-to-lan2 #0 lost"
 *   negotiation    phase, event, reason:     "phase 1 failed: pre-shared keys differ"
 */
export type Cue =
  | { atMs: number }
  | {
      on: CueOn;
      /** The record's node (a packet's sender for `sent`, its receiver or dropper otherwise). */
      node?: string;
      /**
       * The far end: an sa/state/negotiation record's peer; a packet's dst when sent, its src
       * otherwise.
       */
      peer?: string;
      match?: string;
      /** Only records at or after this virtual time count. */
      afterMs?: number;
      /** 1-based: the nth matching record (default 1). */
      nth?: number;
      /** Added to the record's time: a negative offset pauses just before the event. */
      offsetMs?: number;
    };

/** A public document (app/sources) that the step's IOS facts come from. */
export interface Citation {
  source: SourceId;
  /**
   * For us, never shown: the section of our IOS notes (ios-behavior.md) that takes this fact
   * from the document, e.g. '1.2' or '0.1'. When the notes are checked out, lessons.test.ts
   * checks that the section names the document. Omitted for documents the notes do not use.
   */
  notes?: string;
}

/** The panel shown beside the narration (the topology is always on screen). */
export type PanelFocus = 'topology' | 'routers' | 'log' | 'health';

interface CuedStep {
  cue: Cue;
  /** Default: the lesson's focus. */
  focus?: PanelFocus;
  /** A router to select, so its panel and glyph are highlighted. */
  router?: string;
  /** What the stage shows at this step: the topology unless it names the ladder or statechart. */
  view?: StageView;
  /** The machine the statechart shows at this step (with `view: 'statechart'`): the IKE SA unless named. */
  chart?: StageChart;
  /** Playback speed from this step on (virtual ms per wall ms; the store's SPEEDS). */
  speed?: number;
  cites?: Citation[];
  /** Where the step shows a guess at IOS behaviour that matters to it ("simplified"). */
  simplified?: SimplificationId;
}

/** `show` commands typed at one router's console, shown at the step's moment. */
export interface ShowSnapshot {
  node: string;
  /** Read-only commands (`show …`, with `| include …`), in the order typed. */
  commands: readonly string[];
}

export interface NarrateStep extends CuedStep {
  kind: 'narrate';
  /** 1-3 short sentences; `backticks` mark IOS commands and messages. */
  text: string;
  /**
   * The routers' `show` output side by side in place of the focused panel, where a reveal is
   * "nothing happens" and the tables say why.
   */
  show?: readonly ShowSnapshot[];
  /** Pause when playback reaches this cue, so the class can look. */
  hold?: boolean;
}

export interface Choice {
  text: string;
  correct: boolean;
  /** Shown after the reveal: why this choice is right or wrong. */
  explanation: string;
}

/**
 * Predict, then reveal: playback pauses at the cue, the student picks, and the reveal plays on.
 * `verify` is true when the run shows what the correct choice says (checked by the tests).
 */
export interface PredictStep extends CuedStep {
  kind: 'predict';
  question: string;
  choices: Choice[];
  verify: (run: Run) => boolean;
}

/** The end of every lesson: the same topology with every control on. */
export interface PlaygroundStep {
  kind: 'playground';
  text: string;
  /** Things to try, one short imperative each. */
  tryThis: string[];
}

export type LessonStep = NarrateStep | PredictStep | PlaygroundStep;

export type LessonGroupId =
  | 'black-hole'
  | 'troubleshooting'
  | 'where-recovery-works'
  | 'dpd-idle'
  | 'negotiation';

/** Rows of the configuration table of tech note 115801 (ios-behavior.md 1.6). */
export type TableRow =
  | 'static-map'
  | 'dynamic-map'
  | 'gre-tp'
  | 'mgre-static-nhrp'
  | 'mgre-dynamic-nhrp'
  | 'svti'
  | 'ezvpn-client';

export interface Lesson {
  /** URL-safe: `#lesson=<id>`. */
  id: string;
  title: string;
  /** One sentence: what the student will be able to explain afterwards. */
  goal: string;
  /** The built-in preset the lesson plays (app/scenario/presets). */
  presetId: string;
  /** For us, never shown: the teaching scenario of ios-behavior.md it follows, e.g. '7.4.2'. */
  notesScenario: string;
  group: LessonGroupId;
  /** The configuration-table rows (ios-behavior.md 1.6) this lesson demonstrates. */
  tableRows?: TableRow[];
  /** The panel beside the narration unless a step says otherwise. */
  focus: PanelFocus;
  steps: LessonStep[];
}
