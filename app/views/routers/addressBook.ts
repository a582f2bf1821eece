// Which router owns an address: how a panel names a peer ("R2 (20.1.1.2)") and finds the
// peer's own view to compare SPIs with. Built from the parsed startup-configs. Pure.

import type { RouterConfig } from '../../ios/types';

/** Address → router id, for every configured interface address of every router. */
export type AddressBook = ReadonlyMap<string, string>;

export function addressBook(configs: Readonly<Record<string, RouterConfig>>): AddressBook {
  const book = new Map<string, string>();
  for (const [id, config] of Object.entries(configs)) {
    for (const iface of config.interfaces) {
      if (iface.address && !book.has(iface.address.ip)) book.set(iface.address.ip, id);
    }
  }
  return book;
}

/** "R2 (20.1.1.2)" when a router of the scenario owns the address, else the address. */
export function peerLabel(address: string, book: AddressBook): string {
  const router = book.get(address);
  return router ? `${router} (${address})` : address;
}

/**
 * The id part of `state.<router>.<peer>.<machine>`: the peer router's id when known (dots in an
 * address would blur the dotted id), else the address.
 */
export function peerKey(address: string, book: AddressBook): string {
  return book.get(address) ?? address;
}
