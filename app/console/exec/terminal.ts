// `terminal monitor`, `terminal no monitor`, `terminal length N`: typed by habit at the start of
// a session. The console here is the router's console line, which prints log messages already
// (`logging console` is on by default) and debug output while a `debug` is on; `terminal monitor`
// copies them to a vty session, so on the console it changes nothing and prints nothing. The
// terminal here does not page output, so `terminal length` changes nothing either.

import { type ExecNode, inRange, keyword, param } from './execNodes';

const nothing = () => ({ output: [] });

const monitor = (help: string): ExecNode => keyword('monitor', help, { action: nothing });

export const TERMINAL: ExecNode = keyword('terminal', 'Set terminal line parameters', {
  children: [
    keyword('length', 'Set number of lines on a screen', {
      children: [
        param('<0-512>', 'Number of lines on screen (0 for no pausing)', inRange(0, 512), {
          action: nothing,
        }),
      ],
    }),
    monitor('Copy debug output to the current terminal line'),
    keyword('no', 'Negate a command or set its defaults', {
      children: [monitor('Copy debug output to the current terminal line')],
    }),
  ],
});
