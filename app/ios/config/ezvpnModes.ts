// Easy VPN: the client mode (`crypto ipsec client ezvpn NAME`) and the server's group mode
// (`crypto isakmp client configuration group NAME`).

import type { EzvpnClient, EzvpnServerGroup } from '../types';
import { readPassword } from './aaaCommands';
import { ArgReader } from './argReader';
import {
  leadingArgs,
  notSimulatedSettings,
  SINGLE_SETTING,
  type SubmodeSpec,
} from './commandTable';

/** A client with the IOS defaults: client mode, `connect auto`. */
export function newEzvpnClient(name: string): EzvpnClient {
  return {
    name,
    peers: [],
    mode: 'client',
    group: null,
    key: null,
    connect: 'auto',
    xauthUser: null,
    xauthMode: null,
  };
}

export function newEzvpnServerGroup(name: string): EzvpnServerGroup {
  return { name, key: null, pool: null };
}

export const EZVPN_CLIENT_MODE: SubmodeSpec<EzvpnClient> = {
  label: 'EzVPN client',
  opener: 'crypto ipsec client ezvpn NAME',
  commands: [
    {
      path: 'connect',
      identityArgs: SINGLE_SETTING,
      apply: (client, args, report) => {
        const r = new ArgReader(args, report);
        const connect = r.keyword('connect mode', ['auto', 'manual', 'acl']);
        if (connect === 'acl') {
          report.unsupported("'connect acl' is not simulated: the client keeps its connect mode");
          return;
        }
        if (connect !== null && r.end()) client.connect = connect;
      },
    },
    {
      path: 'group',
      identityArgs: SINGLE_SETTING,
      apply: (client, args, report) => {
        const r = new ArgReader(args, report);
        const group = r.word('group name');
        r.keyword('keyword', ['key']);
        const key = r.word('group key');
        if (group === null || key === null || !r.end()) return;
        client.group = group;
        client.key = key;
      },
    },
    {
      path: 'mode',
      identityArgs: SINGLE_SETTING,
      apply: (client, args, report) => {
        const r = new ArgReader(args, report);
        const mode = r.keyword('EzVPN mode', ['client', 'network-extension', 'network-plus']);
        if (mode !== null && r.end()) client.mode = mode;
      },
    },
    {
      path: 'peer',
      identityArgs: leadingArgs(1),
      apply: (client, args, report) => {
        const r = new ArgReader(args, report);
        const peer = r.ipv4('server address');
        if (peer !== null && r.end() && !client.peers.includes(peer)) client.peers.push(peer);
      },
    },
    {
      // `username NAME password [0] PASSWORD`: saved XAUTH credentials (Cisco Easy VPN Remote).
      path: 'username',
      identityArgs: SINGLE_SETTING,
      apply: (client, args, report) => {
        const r = new ArgReader(args, report);
        const name = r.word('XAUTH user name');
        r.keyword('keyword', ['password']);
        const password = readPassword(r, report);
        if (name === null || password === null || !r.end()) return;
        client.xauthUser = { name, password };
      },
    },
    {
      path: 'xauth userid mode',
      identityArgs: SINGLE_SETTING,
      apply: (client, args, report) => {
        const r = new ArgReader(args, report);
        const mode = r.keyword('XAUTH mode', ['local', 'interactive', 'http-intercept']);
        if (mode !== null && r.end()) client.xauthMode = mode;
      },
    },
    ...notSimulatedSettings([
      'nem-xauth',
      'acl',
      'local-address',
      'backup',
      'virtual-interface',
      'dhcp',
    ]),
  ],
};

export const EZVPN_GROUP_MODE: SubmodeSpec<EzvpnServerGroup> = {
  label: 'EzVPN server group',
  opener: 'crypto isakmp client configuration group NAME',
  commands: [
    {
      path: 'key',
      // `key chain NAME` is a global command.
      accepts: (args) => args.length <= 1,
      identityArgs: SINGLE_SETTING,
      apply: (group, args, report) => {
        const r = new ArgReader(args, report);
        const key = r.word('group key');
        if (key !== null && r.end()) group.key = key;
      },
    },
    {
      path: 'pool',
      identityArgs: SINGLE_SETTING,
      apply: (group, args, report) => {
        const r = new ArgReader(args, report);
        const pool = r.word('address pool name');
        if (pool !== null && r.end()) group.pool = pool;
      },
    },
    ...notSimulatedSettings([
      'dns',
      'wins',
      'domain',
      'acl',
      'split-dns',
      'save-password',
      'include-local-lan',
      'backup-gateway',
      'max-users',
      'max-logins',
      'netmask',
      'pfs',
      'banner',
      'firewall are-u-there',
      'auto-update',
    ]),
  ],
};
