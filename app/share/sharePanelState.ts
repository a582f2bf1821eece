// What the share panel shows: a link, why a scenario cannot go in a link, a file's errors, or
// that the code it needed could not be loaded.

import type { ScenarioError } from '../scenario/types';

export type Panel =
  | {
      kind: 'link';
      /** Which click of Share this is: each one selects the field afresh. */
      attempt: number;
      /** The panel's heading: what the link shares. */
      title: string;
      url: string;
      /** Where the link opens, e.g. "opens at 00:02:30.020, paused". */
      opens: string;
      /** pending while the clipboard answers; manual when it refused. */
      copy: 'pending' | 'copied' | 'manual';
    }
  | { kind: 'too-large'; errors: ScenarioError[] }
  | { kind: 'file-errors'; fileName: string; errors: ScenarioError[] }
  /** The link code could not be loaded (the network, most likely). */
  | { kind: 'unavailable'; why: string };
