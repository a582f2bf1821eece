// The `show` family: the crypto tables and engine, Easy VPN, configurations, interfaces,
// logging, NHRP and version. Every `show`
// takes an output modifier (`| include ...`).

import { parseIosConfig } from '../../ios/parseConfig';
import {
  showCryptoIpsecSa,
  showCryptoIsakmpSa,
  showDmvpn,
  showIpNhrp,
  showStandbyBrief,
} from '../../ios/show';
import { showClock } from '../show/showClock';
import { showRunningConfig, showStartupConfig } from '../show/showConfig';
import { showCryptoMap } from '../show/showCryptoMap';
import { showCryptoSession } from '../show/showCryptoSession';
import { showEngineConnections } from '../show/showEngineConnections';
import { showEzvpnClient } from '../show/showEzvpnClient';
import { showIpInterfaceBrief } from '../show/showIpInterfaceBrief';
import { showIsakmpPeers } from '../show/showIsakmpPeers';
import { showIsakmpPolicy } from '../show/showIsakmpPolicy';
import { showIsakmpSaDetail } from '../show/showIsakmpSaDetail';
import { showLogging } from '../show/showLogging';
import { showVersion } from '../show/showVersion';
import type { ConsoleContext, DebugFlags } from '../types';
import {
  type ExecAction,
  type ExecNode,
  type ExecRequest,
  isIpv4,
  keyword,
  linesOf,
  param,
  printing,
} from './execNodes';
import { pipeNode } from './pipe';

/** A `show` keyword that runs `print`, followed by `extra` or an output modifier. */
function showLeaf(
  word: string,
  help: string,
  print: (request: ExecRequest) => string[],
  extra: (action: ExecAction) => readonly ExecNode[] = () => [],
): ExecNode {
  const action = printing(print);
  return keyword(word, help, { action, children: [...extra(action), pipeNode(action)] });
}

function runningConfigOf(context: ConsoleContext) {
  return parseIosConfig(context.runningConfig).config;
}

/** `show crypto ipsec sa [peer A.B.C.D] [detail]`. */
function ipsecSaOptions(action: ExecAction): ExecNode[] {
  const detail = keyword('detail', 'detailed error counters', {
    key: 'detail',
    action,
    children: [pipeNode(action)],
  });
  const peer = keyword('peer', 'Peer IP address', {
    children: [
      param('A.B.C.D', 'IPv4 address of the peer', isIpv4, {
        key: 'peer',
        action,
        children: [detail, pipeNode(action)],
      }),
    ],
  });
  return [peer, detail];
}

function ipsecSa({ context, values }: ExecRequest): string[] {
  const peer = values.get('peer');
  return linesOf(
    showCryptoIpsecSa(context.view, {
      ...(peer === undefined ? {} : { peer }),
      detail: values.has('detail'),
    }),
  );
}

/** `show debugging`: the debug flags that are on, under their subsystem. */
export function debuggingLines(debug: DebugFlags): string[] {
  const on = [
    ...(debug.isakmp ? ['  Crypto ISAKMP debugging is on'] : []),
    ...(debug.ipsec ? ['  Crypto IPSEC debugging is on'] : []),
  ];
  return on.length === 0 ? [] : ['Cryptographic Subsystem:', ...on];
}

function version({ context }: ExecRequest): string[] {
  const bootedAtMs = context.bootedAtMs ?? 0;
  return showVersion(
    context.hostname,
    runningConfigOf(context),
    context.nowMs - bootedAtMs,
    bootedAtMs > 0,
  );
}

const versionLeaf = showLeaf('version', 'System hardware and software status', version);

/** The `show` of privileged EXEC mode. */
export const SHOW: ExecNode = keyword('show', 'Show running system information', {
  children: [
    keyword('crypto', 'Encryption module', {
      children: [
        keyword('engine', 'Show crypto engine info', {
          children: [
            keyword('connections', 'Show current connections', {
              children: [
                showLeaf('active', 'Show only active connections', ({ context }) =>
                  showEngineConnections(context.view, runningConfigOf(context)),
                ),
              ],
            }),
          ],
        }),
        keyword('ipsec', 'Show IPSEC policy', {
          children: [
            keyword('client', 'Show Remote Access Client information', {
              children: [
                showLeaf('ezvpn', 'Easy VPN Remote status', ({ context }) =>
                  showEzvpnClient(context.view, runningConfigOf(context)),
                ),
              ],
            }),
            showLeaf('sa', 'IPSEC SA table', ipsecSa, ipsecSaOptions),
          ],
        }),
        keyword('isakmp', 'Show ISAKMP', {
          children: [
            showLeaf('peers', 'Show ISAKMP peer structures', ({ context }) =>
              showIsakmpPeers(context.view),
            ),
            showLeaf('policy', 'Show ISAKMP protection suite policy', ({ context }) =>
              showIsakmpPolicy(runningConfigOf(context)),
            ),
            showLeaf(
              'sa',
              'Show ISAKMP Security Associations',
              ({ context, values }) =>
                values.has('detail')
                  ? showIsakmpSaDetail(context.view, runningConfigOf(context))
                  : linesOf(showCryptoIsakmpSa(context.view)),
              (action) => [
                keyword('detail', 'Show ISAKMP SA Detail', {
                  key: 'detail',
                  action,
                  children: [pipeNode(action)],
                }),
              ],
            ),
          ],
        }),
        showLeaf('map', 'Crypto maps', ({ context }) =>
          showCryptoMap(runningConfigOf(context), context.view),
        ),
        showLeaf(
          'session',
          'Show crypto sessions (tunnels)',
          ({ context, values }) =>
            showCryptoSession(context.view, runningConfigOf(context), values.has('detail')),
          (action) => [
            keyword('detail', 'Show detail crypto session information', {
              key: 'detail',
              action,
              children: [pipeNode(action)],
            }),
          ],
        ),
      ],
    }),
    showLeaf('clock', 'Display the system clock', ({ context }) => showClock(context.nowMs)),
    showLeaf('debugging', 'State of each debugging option', ({ state }) =>
      debuggingLines(state.debug),
    ),
    showLeaf('dmvpn', 'DMVPN information', ({ context }) =>
      linesOf(showDmvpn(context.view, context.nowMs)),
    ),
    showLeaf('history', 'Display the session command history', ({ state }) =>
      state.history.map((line) => `  ${line}`),
    ),
    keyword('ip', 'IP information', {
      children: [
        keyword('interface', 'IP interface status and configuration', {
          children: [
            showLeaf('brief', 'Brief summary of IP status and configuration', ({ context }) =>
              showIpInterfaceBrief({
                running: runningConfigOf(context),
                startup: parseIosConfig(context.startupConfig).config,
                linksDown: context.linksDown ?? false,
              }),
            ),
          ],
        }),
        showLeaf('nhrp', 'NHRP information', ({ context }) => linesOf(showIpNhrp(context.view))),
      ],
    }),
    showLeaf('logging', 'Show the contents of logging buffers', ({ context }) =>
      showLogging(context.logging),
    ),
    showLeaf('running-config', 'Current operating configuration', ({ context }) =>
      showRunningConfig(context.runningConfig),
    ),
    keyword('standby', 'Hot standby protocol information', {
      children: [
        showLeaf('brief', 'Brief output', ({ context }) => linesOf(showStandbyBrief(context.view))),
      ],
    }),
    showLeaf('startup-config', 'Contents of startup configuration', ({ context }) =>
      showStartupConfig(context.startupConfig),
    ),
    versionLeaf,
  ],
});

/** User EXEC mode (`R1>`) shows only what needs no privilege here: the version. */
export const USER_SHOW: ExecNode = keyword('show', 'Show running system information', {
  children: [versionLeaf],
});
