import { describe, expect, it } from 'vitest';
import { terminalSafe } from './terminalText';

describe('terminalSafe', () => {
  it('leaves printable text, tabs and non-ASCII letters alone', () => {
    const line = '00:02:00.000 R2 %CRYPTO-4-RECVD_PKT_INV_SPI: décrypté\tß → ok';
    expect(terminalSafe(line)).toBe(line);
  });

  it('shows ESC, BEL, NUL, DEL and C1 controls as escapes instead of sending them', () => {
    expect(terminalSafe('a\x1b[31mred\x07\x00b\x7f\x9bc')).toBe(
      'a\\u001b[31mred\\u0007\\u0000b\\u007f\\u009bc',
    );
  });

  it('shows line breaks and direction overrides, which would disguise what follows', () => {
    expect(terminalSafe('x\ry\u2028z\u202eevil\u2066')).toBe('x\\u000dy\\u2028z\\u202eevil\\u2066');
  });

  it('keeps a JSON line valid JSON with the same value', () => {
    const value = { text: 'a\x7f\x9b\u202eb' };
    const line = terminalSafe(JSON.stringify(value));
    expect(line).not.toMatch(/[\x7f-\x9f\u202e]/);
    expect(JSON.parse(line)).toEqual(value);
  });
});
