// Which configuration submode a line opens, read by the parser itself (modeOpenedBy), and the
// parser's view of the submode a session is in.

import { ACCESS_LIST_MODE } from '../../ios/config/accessListMode';
import type { SubmodeSyntax } from '../../ios/config/commandTable';
import { CRYPTO_MAP_MODE, DYNAMIC_MAP_MODE } from '../../ios/config/cryptoMapModes';
import { EZVPN_CLIENT_MODE, EZVPN_GROUP_MODE } from '../../ios/config/ezvpnModes';
import { INTERFACE_MODE } from '../../ios/config/interfaceMode';
import { IPSEC_PROFILE_MODE } from '../../ios/config/ipsecProfileMode';
import { ISAKMP_POLICY_MODE } from '../../ios/config/isakmpPolicyMode';
import { modeOpenedBy } from '../../ios/config/modeEngine';
import { type ActiveMode, syntaxOf } from '../../ios/config/modes';
import { TRANSFORM_SET_MODE } from '../../ios/config/transformSetMode';
import { readInterfaceName } from '../../ios/interfaceName';
import type { ConsoleMode, ConsoleState } from '../types';

const MODES = new Map<SubmodeSyntax, ConsoleMode>([
  [INTERFACE_MODE, 'config-if'],
  [ISAKMP_POLICY_MODE, 'config-isakmp'],
  [TRANSFORM_SET_MODE, 'config-transform'],
  [IPSEC_PROFILE_MODE, 'config-ipsec-profile'],
  [CRYPTO_MAP_MODE, 'config-crypto-map'],
  [DYNAMIC_MAP_MODE, 'config-crypto-map'],
  [ACCESS_LIST_MODE, 'config-ext-nacl'],
  [EZVPN_CLIENT_MODE, 'config-crypto-ezvpn'],
  [EZVPN_GROUP_MODE, 'config-isakmp-group'],
]);

/** `interface FastEthernet0/0.10` opens `config-subif`. */
function isSubinterface(words: readonly string[]): boolean {
  const found = readInterfaceName(words, 1);
  return found?.lookup.kind === 'name' && found.lookup.name.includes('.');
}

/** The submode a global configuration line opens, or null (it stays in `config`). */
export function submodeOpenedBy(words: readonly string[]): ConsoleMode | null {
  const opened = modeOpenedBy(words);
  if (opened === null) return null;
  const syntax = syntaxOf(opened);
  if (syntax === undefined) return null;
  if (syntax === null) return 'config-block';
  const mode = MODES.get(syntax) ?? 'config-block';
  return mode === 'config-if' && isSubinterface(words) ? 'config-subif' : mode;
}

/** The block the session's submode header opens, as the parser reads it; null in `config`. */
export function openBlockOf(state: ConsoleState): ActiveMode | null {
  return state.submodeHeader === null ? null : modeOpenedBy(state.submodeHeader.split(' '));
}
