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
  /**
   * The word at `index` (counted from the first argument of the command) abbreviates the
   * keyword argument `keyword`: `show running-config` spells it out.
   */
  spelled?(index: number, keyword: string): void;
}

/** A keyword argument a line abbreviates: the word at `index` of the line stands for `keyword`. */
export interface SpelledKeyword {
  index: number;
  keyword: string;
}

/** `report` for a command whose first argument is the word at `offset` of its line. */
export function argumentsReporter(report: Reporter, offset: number): Reporter {
  return {
    error: (message) => report.error(message),
    unsupported: (message) => report.unsupported(message),
    offer: (expected) => report.offer?.(expected),
    spelled: (index, keyword) => report.spelled?.(offset + index, keyword),
  };
}

/** Records the diagnostics of one line into a shared list. */
export class LineReporter implements Reporter {
  private readonly lineNo: number;
  private readonly text: string;
  private readonly sink: ConfigDiagnostic[];
  private readonly offers: string[] | undefined;
  private readonly spellings: SpelledKeyword[] | undefined;
  /** Whether an error has been reported for this line. */
  errored = false;

  /**
   * `offers`, when given, collects what the line may go on with (Reporter.offer); `spellings`,
   * the keyword arguments it abbreviates (Reporter.spelled).
   */
  constructor(
    lineNo: number,
    text: string,
    sink: ConfigDiagnostic[],
    offers?: string[],
    spellings?: SpelledKeyword[],
  ) {
    this.lineNo = lineNo;
    this.text = text;
    this.sink = sink;
    this.offers = offers;
    this.spellings = spellings;
  }

  spelled(index: number, keyword: string): void {
    this.spellings?.push({ index, keyword });
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
