// The built-in presets, in the order the picker lists them: bring-up, reloads with and without
// recovery, the harmless rekey race, the configuration styles of ios-behavior.md 1.6, then DPD
// and idle timers.

import { baseline } from './baseline';
import { dmvpnHubReload } from './dmvpnHubReload';
import { dmvpnScale } from './dmvpnScale';
import { dmvpnSpokeReload } from './dmvpnSpokeReload';
import { dpdBackupPeer } from './dpdBackupPeer';
import { dpdIdleOnDemand } from './dpdIdleOnDemand';
import { dpdIdlePeriodic } from './dpdIdlePeriodic';
import { dynamicMapHubReload } from './dynamicMapHubReload';
import { ezvpnClientReload } from './ezvpnClientReload';
import { greTpReload } from './greTpReload';
import { hsrpHeadendFailover } from './hsrpHeadendFailover';
import { idleDefaultPeer } from './idleDefaultPeer';
import { idleTimer } from './idleTimer';
import { ipsecSaLostIkeKept } from './ipsecSaLostIkeKept';
import { legacyKeepalive } from './legacyKeepalive';
import type { Preset } from './preset';
import { rekeyRace } from './rekeyRace';
import { reloadBlackHole } from './reloadBlackHole';
import { reloadInvalidSpiRecovery } from './reloadInvalidSpiRecovery';
import { svtiReload } from './svtiReload';

export { DMVPN_MAX_SPOKES, dmvpnScenario } from './dmvpnScenario';
export type { CryptoStyle, Preset } from './preset';

export const PRESETS: readonly Preset[] = [
  baseline,
  reloadBlackHole,
  reloadInvalidSpiRecovery,
  ipsecSaLostIkeKept,
  rekeyRace,
  dynamicMapHubReload,
  dmvpnHubReload,
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
  dmvpnScale,
];

/** The preset the app opens on: the classic black hole. */
export const DEFAULT_PRESET_ID = 'reload-black-hole';

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}
