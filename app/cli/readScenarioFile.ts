// Reading a scenario file for the runner: the size is checked before anything is read, and only a
// regular file is read (/dev/zero, a pipe or a directory would be read forever, or not at all).

import { closeSync, constants, fstatSync, openSync, readSync, type Stats, statSync } from 'node:fs';
import { SCENARIO_FILE_MAX_BYTES } from '../scenario/scenarioFile';

/** What a path that is not a regular file is, for the message. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  return 'not a file';
}

function checked(stats: Stats, maxBytes: number): void {
  if (!stats.isFile()) throw new Error(`not a regular file: ${kindOf(stats)}`);
  if (stats.size > maxBytes)
    throw new Error(`is ${stats.size} bytes; a scenario file is at most ${maxBytes}`);
}

/**
 * The file's text, decoded as UTF-8. Throws, with a message saying why, for what is not a regular
 * file, a file over `maxBytes`, or bytes that are not UTF-8.
 */
export function readScenarioFile(path: string, maxBytes = SCENARIO_FILE_MAX_BYTES): string {
  checked(statSync(path), maxBytes);
  // Non-blocking, in case the path became a pipe since: opening one would wait for a writer.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    checked(stats, maxBytes);
    // One byte more than the limit: a file that grew since is caught, not read to its end.
    const buffer = Buffer.alloc(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < buffer.length; length += read)
      read = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxBytes)
      throw new Error(`is over ${maxBytes} bytes, the limit of a scenario file`);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, length));
    } catch {
      throw new Error('is not UTF-8 text');
    }
  } finally {
    closeSync(fd);
  }
}
