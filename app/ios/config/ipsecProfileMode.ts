// IPsec profile mode (`crypto ipsec profile NAME`): the SA settings a protected tunnel uses.

import type { IpsecProfile } from '../types';
import { notSimulatedSettings, SINGLE_SETTING, type SubmodeSpec } from './commandTable';
import { readIdleTime, readLifetimeKb, readLifetimeSec, readTransformSetName } from './saSettings';

/** A profile with nothing set: the global transform defaults and lifetimes apply. */
export function newIpsecProfile(name: string): IpsecProfile {
  return { name, transformSet: null, saLifetimeSec: null, saLifetimeKb: null, idleTimeSec: null };
}

export const IPSEC_PROFILE_MODE: SubmodeSpec<IpsecProfile> = {
  label: 'IPsec profile',
  opener: 'crypto ipsec profile NAME',
  commands: [
    {
      path: 'set transform-set',
      identityArgs: SINGLE_SETTING,
      apply: (profile, args, report) => {
        profile.transformSet = readTransformSetName(args, report) ?? profile.transformSet;
      },
    },
    {
      path: 'set security-association lifetime seconds',
      identityArgs: SINGLE_SETTING,
      apply: (profile, args, report) => {
        profile.saLifetimeSec = readLifetimeSec(args, report) ?? profile.saLifetimeSec;
      },
    },
    {
      path: 'set security-association lifetime kilobytes',
      identityArgs: SINGLE_SETTING,
      apply: (profile, args, report) => {
        profile.saLifetimeKb = readLifetimeKb(args, report) ?? profile.saLifetimeKb;
      },
    },
    {
      path: 'set security-association idle-time',
      identityArgs: SINGLE_SETTING,
      apply: (profile, args, report) => {
        profile.idleTimeSec = readIdleTime(args, report, false)?.seconds ?? profile.idleTimeSec;
      },
    },
    ...notSimulatedSettings([
      'set pfs',
      'set isakmp-profile',
      'set ikev2-profile',
      'set security-association replay',
      'set security-association level',
      'set identity',
      'responder-only',
      'description',
    ]),
  ],
};
