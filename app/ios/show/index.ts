// IOS `show` command formatters over the engine's RouterView snapshot.

export { showDmvpn } from './dmvpn';
export { type ShowCryptoIpsecSaOptions, showCryptoIpsecSa } from './ipsecSa';
export { showCryptoIsakmpSa } from './isakmpSa';
export { showIpNhrp } from './nhrp';
export { showStandbyBrief } from './standby';
export { formatClockDuration, formatUptime } from './uptime';
