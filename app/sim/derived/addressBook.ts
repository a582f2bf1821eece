// Which router answers to an address at one moment: how every view names a peer ("R2
// (20.1.1.2)") and finds the peer's own tables to compare SPIs with. The engine's rule
// (simulate.ts, transmit): an interface address of the first router, in scenario order, that
// has it up in its running-config; otherwise an HSRP virtual IP of the first router Active for
// it. So a virtual IP names the headend answering for it now, and nobody between two Actives.
// Pure; one book per frame.

import type { Frame } from '../frame';

/** Address → router id at the frame's moment. */
export type AddressBook = ReadonlyMap<string, string>;

const books = new WeakMap<Frame, AddressBook>();

export function addressBookAt(frame: Frame): AddressBook {
  let book = books.get(frame);
  if (!book) {
    const owners = new Map<string, string>();
    for (const view of frame.routers)
      for (const address of view.addresses)
        if (!owners.has(address)) owners.set(address, view.node);
    for (const view of frame.routers)
      for (const group of view.hsrp ?? [])
        if (group.state === 'Active' && !owners.has(group.vip)) owners.set(group.vip, view.node);
    book = owners;
    books.set(frame, book);
  }
  return book;
}

/** Every address `node` answers to in this book (interfaces and the virtual IPs it holds). */
export function addressesOf(book: AddressBook, node: string): string[] {
  const addresses: string[] = [];
  for (const [address, owner] of book) if (owner === node) addresses.push(address);
  return addresses;
}

/** "R2 (20.1.1.2)" when a router answers to the address, else the address. */
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
