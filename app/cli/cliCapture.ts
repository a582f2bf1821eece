// The runner's `--pcap <file> [--pcap-node <router>]`: checks the router, writes the capture.

import { captureRun } from '../pcap/captureRun';
import type { LoadedScenario } from '../scenario/types';
import type { TraceRecord } from '../sim/trace';
import type { CliIo } from './runCli';

export interface CliCapture {
  file: string;
  /** Capture at this router's WAN interfaces instead of the whole wire. */
  node?: string;
}

/** Exit status when the run went well but the capture file could not be written. */
export const EXIT_WRITE_FAILED = 1;

/** Why `--pcap-node` names no router of the scenario, or null when it is fine. */
export function checkCaptureNode(loaded: LoadedScenario, capture: CliCapture): string | null {
  if (capture.node === undefined) return null;
  const routers = loaded.scenario.nodes.filter((n) => n.kind === 'router').map((n) => n.id);
  if (routers.includes(capture.node)) return null;
  return `--pcap-node ${capture.node}: no router of that id in the scenario (routers: ${routers.join(', ')})`;
}

/** Writes the capture; says on stderr how many frames went where. Returns the exit status. */
export function writeCapture(
  io: CliIo,
  capture: CliCapture,
  loaded: LoadedScenario,
  records: readonly TraceRecord[],
): number {
  const { bytes, frameCount } = captureRun(
    loaded,
    records,
    capture.node ? { node: capture.node } : {},
  );
  try {
    io.writeFile(capture.file, bytes);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    io.stderr(`error: --pcap ${capture.file}: cannot write the capture: ${why}`);
    return EXIT_WRITE_FAILED;
  }
  const where = capture.node ? `${capture.node}'s WAN interfaces` : 'the whole wire';
  io.stderr(`capture: ${frameCount} frames (${where}) written to ${capture.file}`);
  return 0;
}
