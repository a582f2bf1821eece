// Reads the arguments of one command in order and reports the first problem precisely. After a
// problem every read returns null without reporting again, so a handler reads all its arguments
// and then checks `end()` once.

import { echoed } from '../echo';
import { readInterfaceName } from '../interfaceName';
import { formatIpv4, isValidMask, parseIpv4 } from '../ipv4';
import type { Ipv4 } from '../types';
import { ambiguousMessage, keywordsAbbreviatedBy } from './abbreviation';
import type { Reporter } from './reporter';

const DECIMAL = /^\d+$/;

export type AddressOrInterface = { address: Ipv4 } | { interfaceName: string };

export class ArgReader {
  private readonly args: readonly string[];
  private readonly report: Reporter;
  /** Where `args` start among the command's arguments (a reader of the words after some). */
  private readonly offset: number;
  private index = 0;
  private failed = false;

  constructor(args: readonly string[], report: Reporter, offset = 0) {
    this.args = args;
    this.report = report;
    this.offset = offset;
  }

  /** False once a problem has been reported. */
  get ok(): boolean {
    return !this.failed;
  }

  /** The next word, not consumed; undefined at the end or after a problem. */
  peek(): string | undefined {
    return this.failed ? undefined : this.args[this.index];
  }

  /** The next word; `what` names it in the message when it is missing. */
  word(what: string): string | null {
    if (this.failed) return null;
    const word = this.args[this.index];
    if (word === undefined) return this.fail(`incomplete command: expected ${what}`);
    this.index += 1;
    return word;
  }

  /** A dotted-quad address, returned in canonical form ('010.1.1.1' → '10.1.1.1'). */
  ipv4(what: string): Ipv4 | null {
    const word = this.word(`${what} (A.B.C.D)`);
    if (word === null) return null;
    const value = parseIpv4(word);
    if (value === null) return this.fail(`${echoed(word)} is not an IPv4 address`);
    return formatIpv4(value);
  }

  /** A subnet mask: a dotted quad whose one-bits are contiguous. */
  mask(what: string): Ipv4 | null {
    const word = this.word(`${what} (A.B.C.D)`);
    if (word === null) return null;
    const value = parseIpv4(word);
    if (value === null) return this.fail(`${echoed(word)} is not a subnet mask: expected ${what}`);
    if (!isValidMask(value)) {
      return this.fail(`${echoed(word)} is not a subnet mask: its one-bits must be contiguous`);
    }
    return formatIpv4(value);
  }

  /** A decimal integer in min..max. */
  integer(what: string, min: number, max: number): number | null {
    const word = this.word(`${what} (${min}-${max})`);
    if (word === null) return null;
    if (!DECIMAL.test(word)) return this.fail(`${echoed(word)} is not a number: expected ${what}`);
    const value = Number(word);
    if (value < min || value > max) {
      return this.fail(`${word} is out of range: ${what} must be ${min}-${max}`);
    }
    return value;
  }

  /**
   * One of `options`, or a word that abbreviates one alone (abbreviation.ts); returned as
   * listed. A word that abbreviates several is refused as ambiguous.
   */
  keyword<K extends string>(what: string, options: readonly K[]): K | null {
    const word = this.peek();
    const found = word === undefined ? [] : keywordsAbbreviatedBy(word, options);
    if (found.length === 1) return this.takeKeyword(found);
    if (this.word(`${what} (${options.join(' | ')})`) === null || word === undefined) return null;
    if (found.length > 1) return this.fail(ambiguousMessage(word, found));
    return this.fail(`${echoed(word)} is not a valid ${what}: expected ${options.join(', ')}`);
  }

  /**
   * Consumes the next word when it is one of `options` or abbreviates one alone (a word that
   * abbreviates several is refused as ambiguous); otherwise reads nothing. At the end of the
   * line, offers them (what `?` lists there).
   */
  optionalKeyword<K extends string>(options: readonly K[]): K | null {
    const word = this.peek();
    if (word === undefined && !this.failed) this.report.offer?.(`keyword (${options.join(' | ')})`);
    const found = word === undefined ? [] : keywordsAbbreviatedBy(word, options);
    if (found.length === 1) return this.takeKeyword(found);
    if (found.length > 1 && word !== undefined) return this.fail(ambiguousMessage(word, found));
    return null;
  }

  /** Whether the next word is `keyword` or abbreviates it. */
  nextIs(keyword: string): boolean {
    const word = this.peek();
    return word !== undefined && keywordsAbbreviatedBy(word, [keyword]).length === 1;
  }

  /** Consumes the next word as the one keyword it stands for, reporting an abbreviation. */
  private takeKeyword<K extends string>([keyword]: readonly K[]): K | null {
    const word = this.args[this.index];
    if (keyword === undefined || word === undefined) return null;
    if (word !== keyword) this.report.spelled?.(this.offset + this.index, keyword);
    this.index += 1;
    return keyword;
  }

  /**
   * A decimal integer in min..max when the next word starts with a digit (then read as
   * `integer` reads it); null when it does not. At the end of the line, offers it.
   */
  optionalInteger(what: string, min: number, max: number): number | null {
    const word = this.peek();
    if (word === undefined && !this.failed) this.report.offer?.(`${what} (${min}-${max})`);
    return word !== undefined && /^\d/.test(word) ? this.integer(what, min, max) : null;
  }

  /** An address, or an interface named by one word or two ('FastEthernet0/0', 'Tunnel 0'). */
  addressOrInterface(what: string): AddressOrInterface | null {
    const word = this.peek();
    if (word === undefined) return this.fail(`incomplete command: expected ${what}`);
    const value = parseIpv4(word);
    if (value !== null) {
      this.index += 1;
      return { address: formatIpv4(value) };
    }
    const found = readInterfaceName(this.args, this.index);
    if (found === null || found.lookup.kind !== 'name') {
      return this.fail(
        `${echoed(word)} is neither an IPv4 address nor a simulated interface (${what})`,
      );
    }
    this.index += found.wordCount;
    return { interfaceName: found.lookup.name };
  }

  /** Consumes and returns the words not read yet. */
  rest(): string[] {
    if (this.failed) return [];
    const rest = this.args.slice(this.index);
    this.index = this.args.length;
    return rest;
  }

  /** Reports words left after a complete command; true when the whole command was valid. */
  end(): boolean {
    if (this.failed) return false;
    const extra = this.args.slice(this.index);
    if (extra.length === 0) return true;
    this.fail(`unexpected ${echoed(extra.join(' '))}: the command is complete without it`);
    return false;
  }

  /** Reports a problem with a word already read; later reads return null. */
  reject(message: string): null {
    return this.fail(message);
  }

  private fail(message: string): null {
    if (!this.failed) {
      this.failed = true;
      this.report.error(message);
    }
    return null;
  }
}
