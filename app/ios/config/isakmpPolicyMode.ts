// ISAKMP (IKEv1 phase 1) policy mode: `crypto isakmp policy PRIORITY`.

import type { IsakmpPolicy } from '../types';
import { ArgReader } from './argReader';
import { SINGLE_SETTING, type SubmodeSpec } from './commandTable';

/** Diffie-Hellman groups IOS offers for IKEv1. */
const DH_GROUPS = ['1', '2', '5', '14', '15', '16', '19', '20', '21', '24'] as const;

/** A policy with the IOS defaults: DES, SHA, RSA signatures, DH group 1, 86400 s. */
export function newIsakmpPolicy(priority: number): IsakmpPolicy {
  return {
    priority,
    encryption: 'des',
    hash: 'sha',
    authentication: 'rsa-sig',
    group: 1,
    lifetimeSec: 86400,
  };
}

export const ISAKMP_POLICY_MODE: SubmodeSpec<IsakmpPolicy> = {
  label: 'ISAKMP policy',
  opener: 'crypto isakmp policy PRIORITY',
  commands: [
    {
      path: 'encr',
      aliases: ['encryption'],
      identityArgs: SINGLE_SETTING,
      apply: (policy, args, report) => {
        const r = new ArgReader(args, report);
        const cipher = r.keyword('cipher', ['des', '3des', 'aes']);
        const keyBits = cipher === 'aes' ? r.optionalKeyword(['128', '192', '256']) : null;
        if (cipher === null || !r.end()) return;
        // IOS writes AES-128 as plain `aes`.
        policy.encryption = keyBits === null || keyBits === '128' ? cipher : `aes ${keyBits}`;
      },
    },
    {
      path: 'hash',
      identityArgs: SINGLE_SETTING,
      apply: (policy, args, report) => {
        const r = new ArgReader(args, report);
        const hash = r.keyword('hash', ['sha', 'md5', 'sha256', 'sha384', 'sha512']);
        if (hash !== null && r.end()) policy.hash = hash;
      },
    },
    {
      path: 'authentication',
      identityArgs: SINGLE_SETTING,
      apply: (policy, args, report) => {
        const r = new ArgReader(args, report);
        const method = r.keyword('authentication method', ['pre-share', 'rsa-sig', 'rsa-encr']);
        if (method !== null && r.end()) policy.authentication = method;
      },
    },
    {
      path: 'group',
      identityArgs: SINGLE_SETTING,
      apply: (policy, args, report) => {
        const r = new ArgReader(args, report);
        const group = r.keyword('Diffie-Hellman group', DH_GROUPS);
        if (group !== null && r.end()) policy.group = Number(group);
      },
    },
    {
      path: 'lifetime',
      identityArgs: SINGLE_SETTING,
      apply: (policy, args, report) => {
        const r = new ArgReader(args, report);
        const seconds = r.integer('ISAKMP SA lifetime in seconds', 60, 86400);
        if (seconds !== null && r.end()) policy.lifetimeSec = seconds;
      },
    },
  ],
};
