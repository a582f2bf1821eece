// Every built-in preset's id and title, in the order the picker lists them, and how to load it:
// all the first load needs of the presets. A preset's document, summary and lesson text come with
// its own module, loaded on demand (library.ts), so the app does not download nineteen scenarios
// to show one. index.ts imports them all at once, for the CLI, the tests and the screens that
// list them (lessons, compare).

import type { Preset } from './preset';

export interface PresetEntry {
  /** Stable and URL-safe: `#preset=<id>`. */
  id: string;
  /** The picker's label, and the preset document's title. */
  title: string;
  /** The preset's own module: its document, summary and what it teaches. */
  load: () => Promise<Preset>;
}

export const PRESET_CATALOG: readonly PresetEntry[] = [
  {
    id: 'baseline',
    title: 'Baseline: a static crypto map tunnel comes up',
    load: () => import('./baseline').then((m) => m.baseline),
  },
  {
    id: 'reload-black-hole',
    title: 'R2 reloads: the black hole',
    load: () => import('./reloadBlackHole').then((m) => m.reloadBlackHole),
  },
  {
    id: 'reload-invalid-spi-recovery',
    title: 'R2 reloads with invalid-SPI recovery',
    load: () => import('./reloadInvalidSpiRecovery').then((m) => m.reloadInvalidSpiRecovery),
  },
  {
    id: 'esp-scanner',
    title: 'Why invalid-SPI recovery is off: an ESP scanner',
    load: () => import('./espScanner').then((m) => m.espScanner),
  },
  {
    id: 'manual-clear',
    title: 'R2 reloads: clearing the SAs by hand',
    load: () => import('./manualClear').then((m) => m.manualClear),
  },
  {
    id: 'ipsec-sa-lost-ike-kept',
    title: 'R2 loses its IPsec SA but keeps the IKE SA',
    load: () => import('./ipsecSaLostIkeKept').then((m) => m.ipsecSaLostIkeKept),
  },
  {
    id: 'rekey-race',
    title: 'Rekey race: a harmless invalid SPI',
    load: () => import('./rekeyRace').then((m) => m.rekeyRace),
  },
  {
    id: 'dynamic-map-hub-reload',
    title: 'Dynamic crypto map hub reloads',
    load: () => import('./dynamicMapHubReload').then((m) => m.dynamicMapHubReload),
  },
  {
    id: 'dmvpn-hub-reload',
    title: 'DMVPN hub reloads (dynamic NHRP)',
    load: () => import('./dmvpnHubReload').then((m) => m.dmvpnHubReload),
  },
  {
    id: 'dmvpn-operations',
    title: 'DMVPN operations: NHRP hold time and DPD on the spokes',
    load: () => import('./dmvpnOperations').then((m) => m.dmvpnOperations),
  },
  {
    id: 'dmvpn-spoke-reload',
    title: 'DMVPN spoke reloads (static NHRP)',
    load: () => import('./dmvpnSpokeReload').then((m) => m.dmvpnSpokeReload),
  },
  {
    id: 'gre-tp-reload',
    title: 'GRE with tunnel protection: R2 reloads',
    load: () => import('./greTpReload').then((m) => m.greTpReload),
  },
  {
    id: 'svti-reload',
    title: 'sVTI: R2 reloads',
    load: () => import('./svtiReload').then((m) => m.svtiReload),
  },
  {
    id: 'ezvpn-client-reload',
    title: 'Easy VPN client reloads',
    load: () => import('./ezvpnClientReload').then((m) => m.ezvpnClientReload),
  },
  {
    id: 'dpd-backup-peer',
    title: 'DPD fails over to a backup peer',
    load: () => import('./dpdBackupPeer').then((m) => m.dpdBackupPeer),
  },
  {
    id: 'hsrp-headend-failover',
    title: 'HSRP headend failover',
    load: () => import('./hsrpHeadendFailover').then((m) => m.hsrpHeadendFailover),
  },
  {
    id: 'dpd-idle-on-demand',
    title: 'On-demand DPD on an idle tunnel',
    load: () => import('./dpdIdleOnDemand').then((m) => m.dpdIdleOnDemand),
  },
  {
    id: 'dpd-idle-periodic',
    title: 'Periodic DPD on an idle tunnel',
    load: () => import('./dpdIdlePeriodic').then((m) => m.dpdIdlePeriodic),
  },
  {
    id: 'idle-timer',
    title: 'IPsec SA idle timer',
    load: () => import('./idleTimer').then((m) => m.idleTimer),
  },
  {
    id: 'idle-default-peer',
    title: 'Idle timer returns to the preferred peer',
    load: () => import('./idleDefaultPeer').then((m) => m.idleDefaultPeer),
  },
  {
    id: 'legacy-keepalive',
    title: 'Legacy IKE keepalives with an old peer',
    load: () => import('./legacyKeepalive').then((m) => m.legacyKeepalive),
  },
  {
    id: 'volume-lifetime',
    title: 'Lifetime by volume: a rekey at 90 % of the kilobytes',
    load: () => import('./volumeLifetime').then((m) => m.volumeLifetime),
  },
  {
    id: 'psk-mismatch',
    title: 'Mismatched pre-shared keys: phase 1 never completes',
    load: () => import('./pskMismatch').then((m) => m.pskMismatch),
  },
  {
    id: 'no-common-policy',
    title: 'No common ISAKMP policy: main mode stops at MM1',
    load: () => import('./noCommonPolicy').then((m) => m.noCommonPolicy),
  },
  {
    id: 'transform-set-mismatch',
    title: 'Mismatched transform sets: IKE up, no IPsec SA',
    load: () => import('./transformSetMismatch').then((m) => m.transformSetMismatch),
  },
  {
    id: 'proxy-mismatch',
    title: 'Crypto ACLs not mirrored: IKE up, proxy identities refused',
    load: () => import('./proxyMismatch').then((m) => m.proxyMismatch),
  },
  {
    id: 'incomplete-map',
    title: 'Incomplete crypto map: nothing is encrypted',
    load: () => import('./incompleteMap').then((m) => m.incompleteMap),
  },
  {
    id: 'map-not-applied',
    title: 'Crypto map not applied: no IKE, pings in the clear',
    load: () => import('./mapNotApplied').then((m) => m.mapNotApplied),
  },
  {
    id: 'dmvpn-scale',
    title: 'DMVPN hub with 50 spokes',
    load: () => import('./dmvpnScale').then((m) => m.dmvpnScale),
  },
];

/** The preset the app opens on: the classic black hole. */
export const DEFAULT_PRESET_ID = 'reload-black-hole';

export function presetEntry(id: string): PresetEntry | undefined {
  return PRESET_CATALOG.find((entry) => entry.id === id);
}

/** The title of a preset in the catalog (a preset's module takes its title from here). */
export function presetTitle(id: string): string {
  const entry = presetEntry(id);
  if (!entry) throw new Error(`preset ${id} is missing from PRESET_CATALOG`);
  return entry.title;
}
