// `show running-config` and `show startup-config` (also `write terminal`): the configuration
// text framed as IOS prints it, opening with `!` and closing with `end`.

/** NVRAM of a Cisco 2811 ("239K bytes of non-volatile configuration memory"). */
export const NVRAM_BYTES = 245_752;

/** The text between `!` and `end`, without trailing blank lines. */
function framed(text: string): string[] {
  const lines = text.replace(/\s+$/, '').split(/\r?\n/);
  const body = lines.at(-1)?.trim().toLowerCase() === 'end' ? lines.slice(0, -1) : lines;
  return [...(body[0]?.trim() === '!' ? [] : ['!']), ...body, 'end'];
}

function byteCount(lines: readonly string[]): number {
  return new TextEncoder().encode(lines.map((line) => `${line}\n`).join('')).length;
}

export function showRunningConfig(running: string): string[] {
  const lines = framed(running);
  return [
    'Building configuration...',
    '',
    `Current configuration : ${byteCount(lines)} bytes`,
    ...lines,
    '',
  ];
}

export function showStartupConfig(startup: string): string[] {
  if (startup.trim() === '') return ['startup-config is not present'];
  const lines = framed(startup);
  return [`Using ${byteCount(lines)} out of ${NVRAM_BYTES} bytes`, ...lines, ''];
}
