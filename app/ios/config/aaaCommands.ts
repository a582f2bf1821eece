// The local AAA lines an Easy VPN server with XAUTH needs: `aaa new-model`,
// `aaa authentication login LIST METHOD...` and `username NAME password|secret PASSWORD`
// (Cisco "Easy VPN Server" configuration guide); other `aaa` lines are accepted, not simulated.

import type { RouterConfig } from '../types';
import { ArgReader } from './argReader';
import { leadingArgs, SINGLE_SETTING } from './commandTable';
import type { GlobalCommandSpec } from './modes';
import type { Reporter } from './reporter';

/**
 * `[0] PASSWORD` after `password` or `secret`: a clear-text password. An encrypted one (type 5,
 * 7, 8, 9) cannot be compared with what a client sends here, so the line is not simulated.
 */
export function readPassword(r: ArgReader, report: Reporter): string | null {
  const first = r.word('password');
  if (first === null) return null;
  if (first === '0') return r.word('password');
  if (/^[5-9]$/.test(first) && r.peek() !== undefined) {
    report.unsupported(
      `type ${first} (encrypted) passwords are not simulated: give it in clear text`,
    );
    return null;
  }
  return first;
}

/** `username NAME [privilege N] password|secret [0] PASSWORD`. */
function setUsername(config: RouterConfig, args: string[], report: Reporter): null {
  const r = new ArgReader(args, report);
  const name = r.word('user name');
  if (r.peek()?.toLowerCase() === 'privilege') {
    r.word('privilege');
    r.integer('privilege level', 0, 15);
  }
  r.keyword('keyword', ['password', 'secret']);
  const password = readPassword(r, report);
  if (name === null || password === null || !r.end()) return null;
  config.localUsers = [
    ...config.localUsers.filter((user) => user.name !== name),
    { name, password },
  ];
  return null;
}

/** `aaa authentication login LIST METHOD...`: only `local` is simulated among the methods. */
function setLoginList(config: RouterConfig, args: string[], report: Reporter): null {
  const r = new ArgReader(args, report);
  const name = r.word('method list name');
  const methods = r.rest().map((word) => word.toLowerCase());
  if (name === null || methods.length === 0) {
    if (name !== null) report.error('a method list needs at least one method (local)');
    return null;
  }
  if (!config.aaaNewModel) {
    report.error("'aaa authentication' needs 'aaa new-model' first");
    return null;
  }
  if (!methods.includes('local'))
    report.unsupported('only the local user database is simulated: add the method local');
  config.aaaLoginLists = [
    ...config.aaaLoginLists.filter((list) => list.name !== name),
    { name, methods },
  ];
  return null;
}

export const AAA_COMMANDS: GlobalCommandSpec[] = [
  {
    path: 'aaa new-model',
    identityArgs: SINGLE_SETTING,
    apply: (config, args, report) => {
      if (new ArgReader(args, report).end()) config.aaaNewModel = true;
      return null;
    },
  },
  { path: 'aaa authentication login', identityArgs: leadingArgs(1), apply: setLoginList },
  { path: 'aaa' },
  { path: 'username', identityArgs: leadingArgs(1), apply: setUsername },
];
