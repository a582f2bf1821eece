// Every built-in preset, loaded: for the CLI, the tests and the screens that list them (lessons,
// compare). Importing this module registers them all in the library (library.ts). The studio's
// first load imports only the catalog (catalog.ts) and loads the preset it shows.
//
// The order is the picker's (PRESET_CATALOG's): bring-up, reloads with and without recovery, the
// harmless rekey race, the configuration styles of ios-behavior.md 1.6, DPD and idle timers, then
// the misconfigurations that keep a tunnel down and the lifetime by volume (8.9).

import { baseline } from './baseline';
import { dmvpnHubReload } from './dmvpnHubReload';
import { dmvpnOperations } from './dmvpnOperations';
import { dmvpnScale } from './dmvpnScale';
import { dmvpnSpokeReload } from './dmvpnSpokeReload';
import { dpdBackupPeer } from './dpdBackupPeer';
import { dpdIdleOnDemand } from './dpdIdleOnDemand';
import { dpdIdlePeriodic } from './dpdIdlePeriodic';
import { dynamicMapHubReload } from './dynamicMapHubReload';
import { espScanner } from './espScanner';
import { ezvpnClientReload } from './ezvpnClientReload';
import { greTpReload } from './greTpReload';
import { hsrpHeadendFailover } from './hsrpHeadendFailover';
import { idleDefaultPeer } from './idleDefaultPeer';
import { idleTimer } from './idleTimer';
import { incompleteMap } from './incompleteMap';
import { ipsecSaLostIkeKept } from './ipsecSaLostIkeKept';
import { legacyKeepalive } from './legacyKeepalive';
import { registerPresets } from './library';
import { manualClear } from './manualClear';
import { mapNotApplied } from './mapNotApplied';
import { noCommonPolicy } from './noCommonPolicy';
import type { Preset } from './preset';
import { proxyMismatch } from './proxyMismatch';
import { pskMismatch } from './pskMismatch';
import { rekeyRace } from './rekeyRace';
import { reloadBlackHole } from './reloadBlackHole';
import { reloadInvalidSpiRecovery } from './reloadInvalidSpiRecovery';
import { svtiReload } from './svtiReload';
import { transformSetMismatch } from './transformSetMismatch';
import { volumeLifetime } from './volumeLifetime';

export { DEFAULT_PRESET_ID } from './catalog';
export { DMVPN_MAX_SPOKES, dmvpnScenario } from './dmvpnScenario';
export type { CryptoStyle, Preset } from './preset';

export const PRESETS: readonly Preset[] = [
  baseline,
  reloadBlackHole,
  reloadInvalidSpiRecovery,
  espScanner,
  manualClear,
  ipsecSaLostIkeKept,
  rekeyRace,
  dynamicMapHubReload,
  dmvpnHubReload,
  dmvpnOperations,
  dmvpnSpokeReload,
  greTpReload,
  svtiReload,
  ezvpnClientReload,
  dpdBackupPeer,
  hsrpHeadendFailover,
  dpdIdleOnDemand,
  dpdIdlePeriodic,
  idleTimer,
  idleDefaultPeer,
  legacyKeepalive,
  volumeLifetime,
  pskMismatch,
  noCommonPolicy,
  transformSetMismatch,
  proxyMismatch,
  incompleteMap,
  mapNotApplied,
  dmvpnScale,
];

registerPresets(PRESETS);

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}
