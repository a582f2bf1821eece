// The headless runner: `npm run sim -- <scenario.json | preset-id | share link> [--until 15m]
// [--format text|jsonl] [--show]`, or `npm run sim -- --configs a.cfg b.cfg [--emit-scenario
// out.json]` for a scenario built from plain startup-configs (cliConfigs.ts). Pure apart from `io`, so that tests drive it with strings.
// Exit codes: 0 ran, 2 invalid input (every problem listed on stderr with its place).

import { cutForEcho } from '../ios/echo';
import { showCryptoIpsecSa, showCryptoIsakmpSa, showIpNhrp, showStandbyBrief } from '../ios/show';
import { parseScenario, parseScenarioText } from '../scenario/parseScenario';
import { findPreset, PRESETS } from '../scenario/presets';
import { decodeShareHash } from '../scenario/scenarioUrl';
import type { ConfigLineNote, LoadedScenario, ParseResult } from '../scenario/types';
import { RUNNER_TRACE_RECORDS_MAX, workLimitError } from '../scenario/workEstimate';
import { simulateStreaming, type TraceRecord } from '../sim';
import type { RouterView } from '../sim/snapshot';
import { formatRecord, formatTime } from '../trace/formatText';
import { type CliCapture, checkCaptureNode, writeCapture } from './cliCapture';
import { loadConfigs } from './cliConfigs';
import { type ExecRequest, execLines, parseExecArg, runExecs } from './cliExec';

export interface CliIo {
  /** Reads a file as UTF-8 text; throws when it cannot. */
  readFile(path: string): string;
  /** Writes bytes to a file, replacing it; throws when it cannot. */
  writeFile(path: string, bytes: Uint8Array): void;
  /** One line of output, without its newline. */
  stdout(line: string): void;
  stderr(line: string): void;
}

export const EXIT_OK = 0;
export const EXIT_INVALID_INPUT = 2;

export const USAGE = `Usage: npm run sim -- <scenario.json | preset-id | share link> [options]
       npm run sim -- --configs <a.cfg> <b.cfg> [more.cfg …] [--emit-scenario out.json] [options]

Runs a TunnelScope scenario headlessly and prints its trace.

Arguments:
  scenario.json        a scenario document (format "tunnelscope/scenario")
  preset-id            a built-in preset, e.g. ${PRESETS[0]?.id ?? 'baseline'}
  share link           a link from the app, http://localhost:5173/#s=… or …/#preset=…, or
                       just its hash (#s=…, s=…); quote it, as the shell reads & and a
                       leading # itself. Its t= (cursor) and p= (paused) are checked but
                       not used: the run covers the whole scenario, or up to --until

  --configs <files…>   instead of a scenario: plain IOS startup-configs (show running-config
                       output or typed lines, abbreviations allowed), one router per file,
                       named by its hostname. The interfaces that carry crypto meet in a WAN
                       cloud (10 ms links), a host on each other connected subnet pings its
                       protected peer every second from 5 s; a route the configs lack (they
                       may route with OSPF or BGP, not simulated) is assumed and said so
  --emit-scenario <f>  with --configs: also write the scenario built as a file that the
                       runner and the app open

Options:
  --until <time>       stop early: 90s, 15m, 2h, 1h30m, 500ms, or plain milliseconds
                       (default: the scenario's duration)
  --format text|jsonl  text: one IOS-style line per record (default)
                       jsonl: one JSON trace record per line
  --show               then print, for every router at the end time, show crypto isakmp sa,
                       show crypto ipsec sa, (with NHRP entries) show ip nhrp and (with HSRP
                       groups) show standby brief; with jsonl, one {"show", "node", "atMs",
                       "output"} object per command
  --at <time> --exec "<router>: <command>"
                       at that moment of the run, type the command at the router's console
                       (abbreviations work; --exec again for more, in order, one session per
                       router), then print after the trace the prompt, the command as typed and
                       the output, exactly as the console shows them; with jsonl, one
                       {"kind":"exec", "atMs", "node", "command", "output"} object per command.
                       Commands that would change the run (configuration, reload, ping, clear,
                       write) are refused: put them in the scenario's timeline
  --pcap <file>        also write the run as a packet capture (libpcap, for Wireshark or
                       tshark): every packet on the wire when it was sent, dropped ones too
  --pcap-node <router> with --pcap: only what that router's WAN interfaces saw, sent and
                       received, at the times they left and arrived
  -h, --help           this text

Exit status: 0 after a run, 2 for invalid input (all problems listed on stderr), 1 when
the capture file cannot be written.

Presets:
${PRESETS.map((p) => `  ${p.id.padEnd(30)} ${p.title}`).join('\n')}`;

type Format = 'text' | 'jsonl';

interface Options {
  /** A scenario file, preset id or share link; or, with `configs`, unused (''). */
  input: string;
  /** `--configs`: the startup-config files to build the scenario from. */
  configs?: string[];
  emitScenario?: string;
  untilMs?: number;
  format: Format;
  show: boolean;
  pcap?: CliCapture;
  exec?: { atMs: number; requests: ExecRequest[] };
}

type Parsed =
  | { help: true }
  | { help: false; options: Options }
  /** With the one scenario argument when there is one, so that its errors are listed too. */
  | { errors: string[]; input?: string };

const UNITS_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/** `90s`, `15m`, `2h`, `1h30m`, `1m30s500ms` or plain ms (`90000`) → ms; null when unreadable. */
export function parseDuration(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/.exec(text);
  if (!match || text === '') return null;
  const [, h, m, s, ms] = match;
  return [
    [h, 'h'],
    [m, 'm'],
    [s, 's'],
    [ms, 'ms'],
  ].reduce(
    (total, [value, unit]) => total + Number(value ?? 0) * (UNITS_MS[unit as string] ?? 0),
    0,
  );
}

function parseArgs(argv: readonly string[]): Parsed {
  const errors: string[] = [];
  const positional: string[] = [];
  let untilMs: number | undefined;
  let format: Format = 'text';
  let show = false;
  let atMs: number | undefined;
  const requests: ExecRequest[] = [];
  const capture: { file?: string; node?: string } = {};
  let configs: string[] | undefined;
  let emitScenario: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '-h' || arg === '--help') return { help: true };
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    const takeValue = (): string | undefined => {
      if (eq !== -1) return arg.slice(eq + 1);
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) {
        errors.push(`${flag}: needs a value`);
        return undefined;
      }
      i++;
      return next;
    };
    /** The flag's value in ms; undefined (and an error) when missing or unreadable. */
    const takeDuration = (what: string): number | undefined => {
      const value = takeValue();
      if (value === undefined) return undefined;
      const ms = parseDuration(value);
      if (ms === null)
        errors.push(`${flag} ${value}: not ${what} (try 90s, 15m, 2h, 1h30m or milliseconds)`);
      return ms ?? undefined;
    };
    switch (flag) {
      case '--until':
        untilMs = takeDuration('a duration') ?? untilMs;
        break;
      case '--format': {
        const value = takeValue();
        if (value === undefined) break;
        if (value === 'text' || value === 'jsonl') format = value;
        else errors.push(`--format ${value}: must be text or jsonl`);
        break;
      }
      case '--at':
        atMs = takeDuration('a time') ?? atMs;
        break;
      case '--exec': {
        const value = takeValue();
        if (value === undefined) break;
        const request = parseExecArg(value);
        if (request) requests.push(request);
        else
          errors.push(
            `--exec "${value}": write it as "<router>: <command>", e.g. "R1: show crypto isakmp sa"`,
          );
        break;
      }
      case '--show':
        if (eq !== -1) errors.push(`--show: takes no value`);
        show = true;
        break;
      case '--pcap':
        capture.file = takeValue() ?? capture.file;
        break;
      case '--pcap-node':
        capture.node = takeValue() ?? capture.node;
        break;
      case '--configs': {
        // Every word up to the next option is a file.
        const files: string[] = [];
        while (argv[i + 1] !== undefined && !(argv[i + 1] as string).startsWith('--'))
          files.push(argv[++i] as string);
        if (files.length === 0) errors.push('--configs: needs one startup-config file or more');
        configs = [...(configs ?? []), ...files];
        break;
      }
      case '--emit-scenario':
        emitScenario = takeValue() ?? emitScenario;
        break;
      default:
        errors.push(`${arg}: unknown option (see --help)`);
    }
  }
  if (configs !== undefined && positional.length > 0)
    errors.push(
      `--configs builds the scenario from the configs; got a scenario too: ${positional.map((p) => `"${p}"`).join(', ')}`,
    );
  if (emitScenario !== undefined && configs === undefined)
    errors.push(
      '--emit-scenario: needs --configs <files…>, the configs to build the scenario from',
    );
  if (positional.length === 0 && configs === undefined)
    errors.push('missing the scenario: a JSON file, a preset id or a share link (or --configs)');
  if (positional.length > 1)
    errors.push(`one scenario at a time; got ${positional.map((p) => `"${p}"`).join(', ')}`);
  if (capture.node !== undefined && capture.file === undefined)
    errors.push(`--pcap-node ${capture.node}: needs --pcap <file> to write the capture to`);
  if (atMs !== undefined && requests.length === 0)
    errors.push('--at: needs --exec "<router>: <command>" to run at that moment');
  if (atMs === undefined && requests.length > 0)
    errors.push('--exec: needs --at <time>, the moment to run the commands at');
  if (errors.length > 0)
    return positional.length === 1 ? { errors, input: positional[0] } : { errors };
  const pcap = capture.file === undefined ? undefined : { file: capture.file, node: capture.node };
  const exec = atMs === undefined ? undefined : { atMs, requests };
  return {
    help: false,
    options: {
      input: positional[0] ?? '',
      configs,
      emitScenario,
      untilMs,
      format,
      show,
      pcap,
      exec,
    },
  };
}

/**
 * The hash of a share link: a URL's part from "#" on ("" when it has none), or the argument
 * itself when it is a bare hash (`#s=…`, `s=…`, `preset=…`); null when it is no link.
 */
function shareHash(input: string): string | null {
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(input)) {
    const hash = input.indexOf('#');
    return hash === -1 ? '' : input.slice(hash);
  }
  return /^(?:#|s=|preset=)/.test(input) ? input : null;
}

/**
 * A share link, else a preset id, else a file; errors carry where they come from. A scenario whose
 * run up to `untilMs` would be over RUNNER_TRACE_RECORDS_MAX is refused before it runs.
 */
function load(
  input: string,
  io: CliIo,
  untilMs?: number,
): { loaded: LoadedScenario } | { errors: string[] } {
  const hash = shareHash(input);
  const preset = findPreset(input);
  let result: ParseResult;
  let source = input;
  if (hash !== null) {
    // The runner ignores the link's t and p; decodeShareHash has checked them.
    const decoded = decodeShareHash(hash);
    result = decoded.ok ? parseScenario(decoded.document) : decoded;
    source = 'share link';
  } else if (preset) {
    result = parseScenario(preset.document);
    source = `preset ${preset.id}`;
  } else {
    let text: string;
    try {
      text = io.readFile(input);
    } catch (error) {
      const looksLikeFile = /[/\\]|\.json$/i.test(input);
      const why = error instanceof Error ? error.message : String(error);
      return {
        errors: [
          looksLikeFile
            ? `${input}: cannot read the file: ${why}`
            : `${input}: neither a preset id nor a readable file (presets: ${PRESETS.map((p) => p.id).join(', ')})`,
        ],
      };
    }
    result = parseScenarioText(text);
  }
  if (!result.ok) return { errors: result.errors.map((e) => `${source}: ${e.path}: ${e.message}`) };
  const tooBig = workLimitError(result.loaded, RUNNER_TRACE_RECORDS_MAX, untilMs);
  if (tooBig !== null)
    return {
      errors: [`${source}: ${tooBig.path}: ${tooBig.message}, or run part of it (--until)`],
    };
  return { loaded: result.loaded };
}

/** Runs the CLI; returns the exit code. `argv` is what follows the script name. */
export function runCli(argv: readonly string[], io: CliIo): number {
  const parsed = parseArgs(argv);
  if ('errors' in parsed) {
    const loading = parsed.input === undefined ? null : load(parsed.input, io);
    const inputErrors = loading && 'errors' in loading ? loading.errors : [];
    return fail(io, [...parsed.errors, ...inputErrors], true);
  }
  if (parsed.help) {
    for (const line of USAGE.split('\n')) io.stdout(line);
    return EXIT_OK;
  }
  const { options } = parsed;
  const loading =
    options.configs === undefined
      ? load(options.input, io, options.untilMs)
      : loadConfigs(options.configs, io, options.emitScenario);
  if ('errors' in loading) return fail(io, loading.errors, false);
  const { loaded } = loading;

  // Lines the engine keeps but does not simulate: said, never dropped silently.
  for (const [node, notes] of Object.entries(loaded.notSimulated)) {
    for (const note of notes)
      io.stderr(`note: ${configLine(node, note)} is not simulated: ${note.message}`);
  }
  for (const [node, notes] of Object.entries(loaded.warnings)) {
    for (const note of notes) io.stderr(`warning: ${configLine(node, note)}: ${note.message}`);
  }

  const captureError = options.pcap && checkCaptureNode(loaded, options.pcap);
  if (captureError) return fail(io, [captureError], false);

  const execs = options.exec && execAt(loaded, options.exec, options.untilMs);
  if (execs && 'errors' in execs) return fail(io, execs.errors, false);

  const jsonl = options.format === 'jsonl';
  // Streamed: the records are written as they are simulated, never all held; a capture, built
  // in memory, keeps the packets and faults it is made of.
  const captured: TraceRecord[] = [];
  const result = simulateStreaming(loaded, { untilMs: options.untilMs }, (records) => {
    for (const record of records) {
      const line = jsonl ? JSON.stringify(record) : formatRecord(record);
      if (line !== null) io.stdout(line);
      if (options.pcap && (record.kind === 'packet' || record.kind === 'fault'))
        captured.push(record);
    }
  });
  for (const line of execLines(execs?.outputs ?? [], options.format)) io.stdout(line);
  if (options.show) {
    if (!jsonl) {
      io.stdout('');
      io.stdout(`! show commands at ${formatTime(result.endMs)}`);
    }
    for (const [command, output] of showCommands(result.views)) {
      if (jsonl) {
        io.stdout(
          JSON.stringify({ show: command.text, node: command.node, atMs: result.endMs, output }),
        );
        continue;
      }
      io.stdout('');
      io.stdout(`${command.hostname}#${command.text}`);
      for (const line of output.replace(/\n+$/, '').split('\n')) io.stdout(line);
    }
  }
  if (options.pcap) return writeCapture(io, options.pcap, loaded, captured);
  return EXIT_OK;
}

/** `--at`/`--exec`: the moment must lie within the run (up to --until or the scenario's end). */
function execAt(loaded: LoadedScenario, exec: NonNullable<Options['exec']>, untilMs?: number) {
  const endMs = Math.min(untilMs ?? Number.POSITIVE_INFINITY, loaded.scenario.durationMs);
  if (exec.atMs > endMs)
    return {
      errors: [`--at ${formatTime(exec.atMs)}: past the end of the run (${formatTime(endMs)})`],
    };
  return runExecs(loaded, exec.atMs, exec.requests);
}

/** `R1 config line 12 "crypto ca trustpoint TP"`, the line cut when long. */
function configLine(node: string, { line, text }: ConfigLineNote): string {
  return `${node} config line ${line} "${cutForEcho(text)}"`;
}

interface ShowCommand {
  node: string;
  hostname: string;
  text: string;
}

function* showCommands(views: readonly RouterView[]): Generator<[ShowCommand, string]> {
  for (const view of views) {
    const at = (text: string) => ({ node: view.node, hostname: view.hostname, text });
    yield [at('show crypto isakmp sa'), showCryptoIsakmpSa(view)];
    yield [at('show crypto ipsec sa'), showCryptoIpsecSa(view)];
    if (view.nhrp.length > 0) yield [at('show ip nhrp'), showIpNhrp(view)];
    if ((view.hsrp ?? []).length > 0) yield [at('show standby brief'), showStandbyBrief(view)];
  }
}

function fail(io: CliIo, errors: readonly string[], usageHint: boolean): number {
  for (const error of errors) io.stderr(`error: ${error}`);
  if (usageHint)
    io.stderr(
      'Usage: npm run sim -- <scenario.json | preset-id | share link> [--until 15m] [--format text|jsonl] [--show] [--at 5m --exec "R1: show crypto isakmp sa"] [--pcap out.pcap [--pcap-node R1]] (--help for more)',
    );
  return EXIT_INVALID_INPUT;
}
