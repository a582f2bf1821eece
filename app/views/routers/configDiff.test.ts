import { describe, expect, it } from 'vitest';
import { diffConfig, diffCounts } from './configDiff';

describe('diffConfig', () => {
  it('marks nothing when the config is unchanged', () => {
    const lines = diffConfig('hostname R1\n!\n', 'hostname R1\n!\n');
    expect(lines.map((l) => l.kind)).toEqual(['same', 'same']);
    expect(lines.map((l) => l.line)).toEqual([1, 2]);
  });

  it('places an added line where it is, with its line number', () => {
    const before = 'hostname R2\n!\ncrypto isakmp key k address 10.1.1.1\n!\n';
    const after =
      'hostname R2\n!\ncrypto isakmp key k address 10.1.1.1\ncrypto isakmp invalid-spi-recovery\n!\n';
    const lines = diffConfig(before, after);
    expect(lines).toContainEqual({
      kind: 'added',
      text: 'crypto isakmp invalid-spi-recovery',
      line: 4,
    });
    expect(diffCounts(lines)).toEqual({ added: 1, removed: 0 });
  });

  it('shows a changed line as removed then added, and keeps repeated "!" lines', () => {
    const lines = diffConfig(
      'a\n!\ncrypto isakmp keepalive 60 2 on-demand\n!\n',
      'a\n!\ncrypto isakmp keepalive 30 2 on-demand\n!\n',
    );
    expect(lines.map((l) => `${l.kind}:${l.text}`)).toEqual([
      'same:a',
      'same:!',
      'removed:crypto isakmp keepalive 60 2 on-demand',
      'added:crypto isakmp keepalive 30 2 on-demand',
      'same:!',
    ]);
    expect(lines[2]?.line).toBeNull();
  });

  it('handles CRLF and a missing final newline', () => {
    expect(diffConfig('a\r\nb', 'a\nb\n').every((l) => l.kind === 'same')).toBe(true);
  });

  it('falls back to a set comparison for huge configs, still listing every line', () => {
    const big = Array.from({ length: 2500 }, (_, i) => `line ${i}`).join('\n');
    const lines = diffConfig(big, `${big}\nnew line`);
    expect(diffCounts(lines)).toEqual({ added: 1, removed: 0 });
    expect(lines).toHaveLength(2501);
  });
});
