// `show version`: a plausible Cisco 2811 running 12.4(15)T7, shortened. The image, ROM and
// hardware lines are illustrative; the uptime and interface counts are the router's own.

import type { RouterConfig } from '../../ios/types';

const MINUTE_MS = 60_000;

/** IOS uptime units, largest first. */
const UNITS: ReadonlyArray<readonly [name: string, minutes: number]> = [
  ['year', 525_600],
  ['week', 10_080],
  ['day', 1_440],
  ['hour', 60],
  ['minute', 1],
];

/** `2 hours, 5 minutes`: from the largest unit that is not zero down to minutes. */
export function uptimeText(ms: number): string {
  let minutes = Math.max(0, Math.floor(ms / MINUTE_MS));
  const parts: string[] = [];
  for (const [name, size] of UNITS) {
    const count = Math.floor(minutes / size);
    minutes -= count * size;
    if (count > 0 || parts.length > 0 || size === 1) {
      parts.push(`${count} ${name}${count === 1 ? '' : 's'}`);
    }
  }
  return parts.join(', ');
}

/** Physical interface types in IOS's order, as `N FastEthernet interfaces`. */
const PHYSICAL_TYPES = ['Ethernet', 'FastEthernet', 'GigabitEthernet', 'Serial'] as const;

function interfaceCounts(config: RouterConfig): string[] {
  return PHYSICAL_TYPES.flatMap((type) => {
    const count = config.interfaces.filter((iface) =>
      new RegExp(`^${type}\\d`).test(iface.name),
    ).length;
    return count === 0 ? [] : [`${count} ${type} interface${count === 1 ? '' : 's'}`];
  });
}

export function showVersion(
  hostname: string,
  config: RouterConfig,
  uptimeMs: number,
  reloaded: boolean,
): string[] {
  return [
    'Cisco IOS Software, 2800 Software (C2800NM-ADVIPSERVICESK9-M), Version 12.4(15)T7, RELEASE SOFTWARE (fc3)',
    'Technical Support: http://www.cisco.com/techsupport',
    'Copyright (c) 1986-2008 by Cisco Systems, Inc.',
    'Compiled Wed 13-Aug-08 21:36 by prod_rel_team',
    '',
    'ROM: System Bootstrap, Version 12.4(13r)T, RELEASE SOFTWARE (fc1)',
    '',
    `${hostname} uptime is ${uptimeText(uptimeMs)}`,
    `System returned to ROM by ${reloaded ? 'reload' : 'power-on'}`,
    'System image file is "flash:c2800nm-advipservicesk9-mz.124-15.T7.bin"',
    '',
    'Cisco 2811 (revision 53.51) with 251904K/10240K bytes of memory.',
    'Processor board ID FTX1000A0AA',
    ...interfaceCounts(config),
    'DRAM configuration is 64 bits wide with parity enabled.',
    '239K bytes of non-volatile configuration memory.',
    '62720K bytes of ATA CompactFlash (Read/Write)',
    '',
    'Configuration register is 0x2102',
    '',
  ];
}
