// `npm run sim -- … --pcap out.pcap [--pcap-node R1]`: the file written, the router checked.

import { describe, expect, it } from 'vitest';
import { runCli } from './runCli';

function run(argv: string[], failWrite = false) {
  const err: string[] = [];
  const written = new Map<string, Uint8Array>();
  const code = runCli(argv, {
    readFile: () => {
      throw new Error('ENOENT');
    },
    writeFile: (path, bytes) => {
      if (failWrite) throw new Error(`EACCES: permission denied, open '${path}'`);
      written.set(path, bytes);
    },
    stdout: () => undefined,
    stderr: (line) => err.push(line),
  });
  return { code, err, written };
}

const frameCount = (bytes: Uint8Array) => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let count = 0;
  for (let at = 24; at < bytes.length; at += 16 + view.getUint32(at + 8, true)) count++;
  return count;
};

describe('--pcap', () => {
  it('writes the whole wire as a libpcap file and says how many frames', () => {
    const { code, err, written } = run([
      'reload-invalid-spi-recovery',
      '--until',
      '60s',
      '--pcap',
      'out.pcap',
    ]);
    expect(code).toBe(0);
    const bytes = written.get('out.pcap') as Uint8Array;
    expect(new DataView(bytes.buffer).getUint32(0, true)).toBe(0xa1b2c3d4);
    expect(err).toEqual([
      `capture: ${frameCount(bytes)} frames (the whole wire) written to out.pcap`,
    ]);
  });

  it('with --pcap-node, holds fewer frames: one router sees only its own traffic', () => {
    const whole = run(['dmvpn-spoke-reload', '--until', '60s', '--pcap', 'a.pcap']);
    const spoke = run([
      'dmvpn-spoke-reload',
      '--until',
      '60s',
      '--pcap=b.pcap',
      '--pcap-node=SPOKE1',
    ]);
    expect(spoke.code).toBe(0);
    const all = frameCount(whole.written.get('a.pcap') as Uint8Array);
    const one = frameCount(spoke.written.get('b.pcap') as Uint8Array);
    expect(one).toBeGreaterThan(0);
    expect(one).toBeLessThan(all);
    expect(spoke.err[0]).toContain("SPOKE1's WAN interfaces");
  });

  it('refuses a router the scenario does not have, naming the routers it has', () => {
    const { code, err, written } = run(['baseline', '--pcap', 'x.pcap', '--pcap-node', 'R9']);
    expect(code).toBe(2);
    expect(err).toEqual([
      'error: --pcap-node R9: no router of that id in the scenario (routers: R1, R2)',
    ]);
    expect(written.size).toBe(0);
  });

  it('needs --pcap for --pcap-node, and a file name for --pcap', () => {
    expect(run(['baseline', '--pcap-node', 'R1']).err[0]).toBe(
      'error: --pcap-node R1: needs --pcap <file> to write the capture to',
    );
    expect(run(['baseline', '--pcap']).err[0]).toBe('error: --pcap: needs a value');
  });

  it('says why the file could not be written, with exit status 1', () => {
    const { code, err } = run(['baseline', '--until', '10s', '--pcap', '/ro/x.pcap'], true);
    expect(code).toBe(1);
    expect(err).toEqual([
      "error: --pcap /ro/x.pcap: cannot write the capture: EACCES: permission denied, open '/ro/x.pcap'",
    ]);
  });
});
