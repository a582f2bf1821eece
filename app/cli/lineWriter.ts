// The runner's output: lines gathered into chunks (one write per line is slow, one write for a
// long trace is big), control characters shown as escapes (terminalText.ts), and each chunk
// written before the run goes on. process.stdout would queue what a pipe cannot take yet, in
// memory, for as long as the synchronous run lasts: `npm run sim -- … | gzip` of a long run grew
// to 4 GB and failed with ENOBUFS. Writing to the file descriptor waits for the reader instead.

import { writeSync } from 'node:fs';
import { terminalSafe } from './terminalText';

/** How long to wait before writing again to a full non-blocking pipe. */
const FULL_PIPE_WAIT_MS = 5;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `text` to `fd`, waiting while a non-blocking pipe is full. Returns false when the
 * reader has gone (EPIPE: `| head` stopped reading), which is not an error.
 */
function writeAll(fd: number, text: string): boolean {
  let bytes = Buffer.from(text, 'utf8');
  while (bytes.length > 0) {
    try {
      bytes = bytes.subarray(writeSync(fd, bytes));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return false;
      if (code !== 'EAGAIN') throw error;
      Atomics.wait(sleeper, 0, 0, FULL_PIPE_WAIT_MS);
    }
  }
  return true;
}

export interface LineWriter {
  write(line: string): void;
  flush(): void;
}

/**
 * Lines to `fd`, `chunkLines` at a time. `onClosed` is called when the reader has gone; nothing
 * more is written after that.
 */
export function lineWriter(fd: number, chunkLines: number, onClosed: () => void): LineWriter {
  let pending: string[] = [];
  let closed = false;
  const flush = () => {
    if (pending.length === 0 || closed) return;
    const text = `${pending.join('\n')}\n`;
    pending = [];
    if (!writeAll(fd, text)) {
      closed = true;
      onClosed();
    }
  };
  const write = (line: string) => {
    pending.push(terminalSafe(line));
    if (pending.length >= chunkLines) flush();
  };
  return { write, flush };
}
