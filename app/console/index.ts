// The router console: an IOS 12.4 command line over the simulation, as pure functions of a
// session state and what the router shows. The UI keeps one ConsoleState per router, echoes
// `prompt(state, hostname) + line`, prints runLine's output, and applies its effects.

export { complete } from './complete';
export { consoleShows, formatLogLine, logTimestamp } from './consoleLog';
export {
  MARKS_PER_LINE,
  pingHeaderLines,
  pingSuccessLine,
  type RoundTrip,
} from './exec/ping';
export { help } from './help';
export { HISTORY_SIZE, historyAt } from './history';
export { prompt } from './prompt';
export { runLine } from './runLine';
export { createConsole } from './session';
export type {
  ConsoleContext,
  ConsoleEffect,
  ConsoleMode,
  ConsoleResult,
  ConsoleState,
  DebugFlags,
  LoggedLine,
  PendingQuestion,
} from './types';
