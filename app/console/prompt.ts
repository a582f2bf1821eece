// The prompt IOS prints before each line: `R1>`, `R1#`, `R1(config)#`, `R1(config-if)#`, or
// the question a command is waiting on.

import type { ConsoleMode, ConsoleState, PendingQuestion } from './types';

/** IOS's own names of the submodes (12.4 prompts). */
const SUBMODE_PROMPTS: Record<
  Exclude<ConsoleMode, 'user-exec' | 'exec' | 'config' | 'config-block'>,
  string
> = {
  'config-if': 'config-if',
  'config-subif': 'config-subif',
  'config-crypto-map': 'config-crypto-map',
  'config-isakmp': 'config-isakmp',
  'config-transform': 'cfg-crypto-trans',
  'config-ipsec-profile': 'ipsec-profile',
  'config-ext-nacl': 'config-ext-nacl',
  'config-crypto-ezvpn': 'config-crypto-ezvpn',
  'config-isakmp-group': 'config-isakmp-group',
};

/** Prompts of the blocks IOS opens that the simulator does not model, by header keywords. */
const BLOCK_PROMPTS: ReadonlyArray<readonly [header: string, prompt: string]> = [
  ['line', 'config-line'],
  ['router', 'config-router'],
  ['control-plane', 'config-cp'],
  ['class-map', 'config-cmap'],
  ['policy-map', 'config-pmap'],
  ['key chain', 'config-keychain'],
  ['ip dhcp pool', 'dhcp-config'],
  ['ip access-list standard', 'config-std-nacl'],
  ['ip sla', 'config-ip-sla'],
  ['track', 'config-track'],
  ['archive', 'config-archive'],
  ['redundancy', 'config-red'],
  ['vrf definition', 'config-vrf'],
  ['crypto pki trustpoint', 'ca-trustpoint'],
  ['crypto isakmp profile', 'conf-isa-prof'],
  ['crypto keyring', 'conf-keyring'],
  ['crypto ikev2 proposal', 'config-ikev2-proposal'],
  ['crypto ikev2 policy', 'config-ikev2-policy'],
  ['crypto ikev2 keyring', 'config-ikev2-keyring'],
  ['crypto ikev2 profile', 'config-ikev2-profile'],
  ['crypto gdoi group', 'config-gdoi-group'],
];

const QUESTIONS: Record<PendingQuestion['kind'], string> = {
  'reload-save': 'System configuration has been modified. Save? [yes/no]: ',
  'reload-confirm': 'Proceed with reload? [confirm]',
  'copy-destination': 'Destination filename [startup-config]? ',
  'configure-from': 'Configuring from terminal, memory, or network [terminal]? ',
  // After `exit`, the console line waits for RETURN before a new session.
  'press-return': '',
};

/** The prompt of a block the simulator does not model, from its header line. */
function blockPrompt(header: string | null): string {
  const words = (header ?? '').toLowerCase().split(/\s+/);
  const found = BLOCK_PROMPTS.find(([keywords]) =>
    keywords.split(' ').every((keyword, index) => words[index] === keyword),
  );
  return found?.[1] ?? 'config';
}

/**
 * @example prompt(state, 'R1') // "R1(config-crypto-map)#"
 */
export function prompt(state: ConsoleState, hostname: string): string {
  if (state.pending !== null) return QUESTIONS[state.pending.kind];
  switch (state.mode) {
    case 'user-exec':
      return `${hostname}>`;
    case 'exec':
      return `${hostname}#`;
    case 'config':
      return `${hostname}(config)#`;
    case 'config-block':
      return `${hostname}(${blockPrompt(state.submodeHeader)})#`;
    default:
      return `${hostname}(${SUBMODE_PROMPTS[state.mode]})#`;
  }
}
