// Where the parser's findings about one configuration line go.

import type { ConfigDiagnostic } from '../types';

export interface Reporter {
  /** The line is malformed: IOS would refuse it, and the configuration is rejected. */
  error(message: string): void;
  /** IOS accepts the line (or this part of it) but the simulator does not model it. */
  unsupported(message: string): void;
}

/** Records the diagnostics of one line into a shared list. */
export class LineReporter implements Reporter {
  private readonly lineNo: number;
  private readonly text: string;
  private readonly sink: ConfigDiagnostic[];
  /** Whether an error has been reported for this line. */
  errored = false;

  constructor(lineNo: number, text: string, sink: ConfigDiagnostic[]) {
    this.lineNo = lineNo;
    this.text = text;
    this.sink = sink;
  }

  error(message: string): void {
    this.errored = true;
    this.sink.push({ line: this.lineNo, text: this.text, severity: 'error', message });
  }

  unsupported(message: string): void {
    this.sink.push({ line: this.lineNo, text: this.text, severity: 'unsupported', message });
  }
}
