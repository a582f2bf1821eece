// A router with nothing configured, as IOS starts: the defaults of every global setting.

import type { RouterConfig } from '../types';
import { DEFAULT_IPSEC_LIFETIME_KB, DEFAULT_IPSEC_LIFETIME_SEC } from './saSettings';

export function emptyRouterConfig(): RouterConfig {
  return {
    hostname: 'Router',
    interfaces: [],
    staticRoutes: [],
    isakmpPolicies: [],
    isakmpKeys: [],
    isakmpKeepalive: null,
    invalidSpiRecovery: false,
    transformSets: [],
    ipsecProfiles: [],
    cryptoMaps: [],
    dynamicMaps: [],
    ipsecSaLifetimeSec: DEFAULT_IPSEC_LIFETIME_SEC,
    ipsecSaLifetimeKb: DEFAULT_IPSEC_LIFETIME_KB,
    ipsecIdleTimeSec: null,
    accessLists: new Map(),
    ezvpnClients: [],
    ezvpnServerGroups: [],
    cryptoLoggingSession: false,
    aaaNewModel: false,
    aaaLoginLists: [],
    localUsers: [],
    cryptoMapClientAuth: [],
  };
}
