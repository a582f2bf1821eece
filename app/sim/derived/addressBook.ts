// Which router answers to an address at one moment: how every view names a peer ("R2
// (20.1.1.2)") and finds the peer's own tables to compare SPIs with. The engine's rule
// (simulate.ts, transmit): an interface address of the first router, in scenario order, that
// has it up in its running-config; otherwise an HSRP virtual IP of the first router Active for
// it. So a virtual IP names the headend answering for it now, and nobody between two Actives.
// Pure; one book per frame.

import type { Frame } from '../frame';

/** Address → router id at the frame's moment. */
export interface AddressBook extends ReadonlyMap<string, string> {
  /** The HSRP virtual IPs among its addresses: they name a role, not a router. */
  readonly virtual: ReadonlySet<string>;
}

class Book extends Map<string, string> implements AddressBook {
  readonly virtual = new Set<string>();
}

const books = new WeakMap<Frame, AddressBook>();

export function addressBookAt(frame: Frame): AddressBook {
  let book = books.get(frame);
  if (!book) {
    const owners = new Book();
    for (const view of frame.routers)
      for (const address of view.addresses)
        if (!owners.has(address)) owners.set(address, view.node);
    for (const view of frame.routers)
      for (const group of view.hsrp ?? [])
        if (group.state === 'Active' && !owners.has(group.vip)) {
          owners.set(group.vip, view.node);
          owners.virtual.add(group.vip);
        }
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

/**
 * "R2 (20.1.1.2)" when a router answers to the address; "20.1.1.10 (HSRP: HE2 Active)" for a
 * virtual IP, whose router changes with a failover; else the address.
 */
export function peerLabel(address: string, book: AddressBook): string {
  const router = book.get(address);
  if (router === undefined) return address;
  return book.virtual.has(address)
    ? `${address} (HSRP: ${router} Active)`
    : `${router} (${address})`;
}

/**
 * A peer's short, stable name, also the id part of `state.<router>.<peer>.<machine>`: the
 * router's id for one of its interface addresses (dots in an address would blur the dotted id),
 * else the address (a virtual IP keeps its address whoever holds it).
 */
export function peerKey(address: string, book: AddressBook): string {
  return (book.virtual.has(address) ? undefined : book.get(address)) ?? address;
}
