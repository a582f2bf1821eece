import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { parseIosConfig } from '../../ios/parseConfig';
import { iosDiagnostics } from './iosLint';

const CONFIG = [
  'hostname R1',
  'crypto isakmp policy 10',
  ' authentication pre-share',
  'crypto map CMAP 10 ipsec-isakmp',
  ' set peer 20.1.1',
  'line con 0',
  ' logging synchronous',
].join('\n');

describe('IOS diagnostics in the editor', () => {
  const doc = Text.of(CONFIG.split('\n'));
  const diagnostics = iosDiagnostics(doc);

  it('marks a malformed line as an error at its line, on the word, with the parser message', () => {
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    expect(errors).toHaveLength(1);
    const [error] = errors;
    const line = doc.line(5);
    expect(doc.lineAt(error?.from ?? 0).number).toBe(5);
    expect(doc.sliceString(error?.from ?? 0, error?.to ?? 0)).toBe('20.1.1');
    expect(error?.to).toBe(line.to);
    const parsed = parseIosConfig(CONFIG).diagnostics.find((d) => d.severity === 'error');
    expect(error?.message).toBe(parsed?.message);
    expect(error?.message).toBe("'20.1.1' is not an IPv4 address");
  });

  it('gives lines outside the simulated subset as information saying they are not simulated', () => {
    const infos = diagnostics.filter((diagnostic) => diagnostic.severity === 'info');
    expect(infos.map((info) => doc.lineAt(info.from).number)).toEqual([6, 7]);
    for (const info of infos) expect(info.message).toMatch(/not simulated/);
    const [block] = infos;
    expect(doc.sliceString(block?.from ?? 0, block?.to ?? 0)).toBe('line con 0');
  });

  it('reports an unknown command as not simulated and a misplaced one as an error', () => {
    const found = iosDiagnostics(Text.of(['frobnicate now', 'authentication pre-share']));
    expect(found.map(({ severity, message }) => [severity, message])).toEqual([
      ['info', 'unknown command: kept, not simulated'],
      [
        'error',
        "'authentication' is not a global command: it belongs in an ISAKMP policy (crypto isakmp policy PRIORITY)",
      ],
    ]);
  });
});
