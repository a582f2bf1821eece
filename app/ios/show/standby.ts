// Pure. `show standby brief`: one line per HSRP group, in the IOS layout as recalled (the
// layout is not quoted in ios-behavior.md: [M], simplified). Interface names are abbreviated
// as IOS prints them in brief tables (FastEthernet0/0 → Fa0/0).

import type { RouterView } from '../../sim/snapshot';
import { renderLines } from './render';

const SHORT_NAMES: ReadonlyArray<readonly [string, string]> = [
  ['FastEthernet', 'Fa'],
  ['GigabitEthernet', 'Gi'],
  ['Ethernet', 'Et'],
  ['Serial', 'Se'],
];

function shortName(name: string): string {
  for (const [long, short] of SHORT_NAMES)
    if (name.startsWith(long)) return short + name.slice(long.length);
  return name;
}

export function showStandbyBrief(view: RouterView): string {
  const groups = view.hsrp ?? [];
  if (groups.length === 0) return '';
  const row = (cells: readonly [string, string, string, string, string, string, string, string]) =>
    [
      cells[0].padEnd(11),
      cells[1].padEnd(4),
      cells[2].padStart(3),
      cells[3],
      cells[4].padEnd(7),
      cells[5].padEnd(15),
      cells[6].padEnd(15),
      cells[7],
    ].join(' ');
  return renderLines([
    '                     P indicates configured to preempt.',
    '                     |',
    row(['Interface', 'Grp', 'Pri', 'P', 'State', 'Active', 'Standby', 'Virtual IP']),
    ...groups.map((g) =>
      row([
        shortName(g.interfaceName),
        String(g.group),
        String(g.priority),
        g.preempt ? 'P' : ' ',
        g.state,
        g.active,
        g.standby,
        g.vip,
      ]),
    ),
  ]);
}
