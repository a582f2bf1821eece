// The lesson library: every lesson, the groups the library lists them in, and the rows of the
// configuration table (ios-behavior.md 1.6) the "Where recovery works" group walks through.

import { baseline } from './content/baseline';
import { blackHole } from './content/blackHole';
import { dmvpnHub } from './content/dmvpnHub';
import { dmvpnOperations } from './content/dmvpnOperations';
import { dmvpnSpoke } from './content/dmvpnSpoke';
import { dpdBackupPeer } from './content/dpdBackupPeer';
import { dpdOnDemand, dpdPeriodic } from './content/dpdIdle';
import { dynamicMapHub } from './content/dynamicMapHub';
import { espScanner } from './content/espScanner';
import { ezvpn } from './content/ezvpn';
import { hsrpFailover } from './content/hsrpFailover';
import { idleDefaultPeer, idleTimer } from './content/idleTimers';
import { invalidSpiRecovery } from './content/invalidSpiRecovery';
import { ipsecSaLost } from './content/ipsecSaLost';
import { legacyKeepalive } from './content/legacyKeepalive';
import { manualFixes } from './content/manualFixes';
import {
  mapNotApplied,
  proxyMismatch,
  pskMismatch,
  transformSetMismatch,
  volumeLifetime,
} from './content/negotiation';
import { greTp } from './content/pointToPoint';
import { rekeyRace } from './content/rekeyRace';
import { troubleshooting } from './content/troubleshooting';
import type { Lesson, LessonGroupId, TableRow } from './types';

export type * from './types';

/** In library order: each group's lessons in the order they are best taught. */
export const LESSONS: readonly Lesson[] = [
  baseline,
  blackHole,
  // The DELETE rule in order: a harmless invalid SPI first, then the DELETE over a live IKE SA,
  // then the command that builds an IKE SA to send it.
  rekeyRace,
  ipsecSaLost,
  invalidSpiRecovery,
  // Then why the command is off by default: a stranger can make it negotiate.
  espScanner,
  troubleshooting,
  manualFixes,
  // Where recovery works, from Yes to No (tech note 115801's table), then EzVPN where it is N/A.
  greTp,
  dmvpnSpoke,
  dmvpnHub,
  dynamicMapHub,
  ezvpn,
  dpdBackupPeer,
  hsrpFailover,
  // Operating the DMVPN whose hub cannot recover: what `show dmvpn` says, and DPD on the spokes.
  dmvpnOperations,
  dpdOnDemand,
  dpdPeriodic,
  idleTimer,
  idleDefaultPeer,
  legacyKeepalive,
  pskMismatch,
  transformSetMismatch,
  proxyMismatch,
  mapNotApplied,
  volumeLifetime,
];

export interface LessonGroup {
  id: LessonGroupId;
  title: string;
  /** One sentence under the group title. */
  blurb: string;
}

export const LESSON_GROUPS: readonly LessonGroup[] = [
  {
    id: 'black-hole',
    title: 'The black hole and its remedies',
    blurb:
      'A tunnel comes up, one router reboots, and the other encrypts into the void — until something repairs it.',
  },
  {
    id: 'troubleshooting',
    title: 'Troubleshooting and manual fixes',
    blurb:
      'What an operator types in the black hole, which command helps, and which only seems to.',
  },
  {
    id: 'where-recovery-works',
    title: 'Where recovery works',
    blurb: 'The configuration table: invalid-SPI recovery needs a peer the receiver can call.',
  },
  {
    id: 'dpd-idle',
    title: 'DPD and idle timers',
    blurb: 'Finding a dead peer, failing over, and letting idle SAs go.',
  },
  {
    id: 'negotiation',
    title: 'Negotiations that fail, and renewal by volume',
    blurb:
      'The misconfigurations every class meets, where each one stops the tunnel, and an SA renewed before its kilobytes run out.',
  },
];

export interface TableRowInfo {
  row: TableRow;
  /** As the table in ios-behavior.md 1.6 names it. */
  label: string;
  /** The table's "Works" column. */
  works: 'Yes' | 'No' | 'N/A';
}

/** The configuration table of ios-behavior.md 1.6, in its order. */
export const TABLE_ROWS: readonly TableRowInfo[] = [
  { row: 'static-map', label: 'Static crypto map', works: 'Yes' },
  { row: 'dynamic-map', label: 'Dynamic crypto map', works: 'No' },
  { row: 'gre-tp', label: 'P2P GRE + tunnel protection', works: 'Yes' },
  { row: 'mgre-static-nhrp', label: 'mGRE TP, static NHRP mapping', works: 'Yes' },
  { row: 'mgre-dynamic-nhrp', label: 'mGRE TP, dynamic NHRP mapping', works: 'No' },
  { row: 'svti', label: 'sVTI', works: 'Yes' },
  { row: 'ezvpn-client', label: 'EzVPN client', works: 'N/A' },
];

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === id);
}

export function lessonsInGroup(group: LessonGroupId): Lesson[] {
  return LESSONS.filter((lesson) => lesson.group === group);
}

/** The lesson that demonstrates a row of the configuration table. */
export function lessonForRow(row: TableRow): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.tableRows?.includes(row));
}
