// Where the parser's findings about one configuration line go.

import type { ConfigDiagnostic } from '../types';

export interface Reporter {
  /** The line is malformed: IOS would refuse it, and the configuration is rejected. */
  error(message: string): void;
  /** IOS accepts the line (or this part of it) but the simulator does not model it. */
  unsupported(message: string): void;
  /**
   * The line is complete, and may also go on with what `expected` names, in the form of an
   * incomplete command's `expected …` ("retry interval in seconds (2-60)", "keyword (periodic
   * | on-demand)"): what `?` lists after it.
   */
  offer?(expected: string): void;
}

/** Records the diagnostics of one line into a shared list. */
export class LineReporter implements Reporter {
  private readonly lineNo: number;
  private readonly text: string;
  private readonly sink: ConfigDiagnostic[];
  private readonly offers: string[] | undefined;
  /** Whether an error has been reported for this line. */
  errored = false;

  /** `offers`, when given, collects what the line may go on with (Reporter.offer). */
  constructor(lineNo: number, text: string, sink: ConfigDiagnostic[], offers?: string[]) {
    this.lineNo = lineNo;
    this.text = text;
    this.sink = sink;
    this.offers = offers;
  }

  offer(expected: string): void {
    this.offers?.push(expected);
  }

  error(message: string): void {
    this.errored = true;
    this.sink.push({ line: this.lineNo, text: this.text, severity: 'error', message });
  }

  unsupported(message: string): void {
    this.sink.push({ line: this.lineNo, text: this.text, severity: 'unsupported', message });
  }
}
