// The share-link codec (linkCodec.ts), loaded on demand: a `#s=` link is read once it has arrived
// (main.tsx and useHashRoute wait for it), an edited scenario's address is written once it has
// arrived, and Share waits for it. `#preset=` links and the empty hash never load it.

import { useEffect } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { carriesScenario, encodePresetHash, type ScenarioPartReader } from '../scenario/linkHash';
import type { ScenarioDocument } from '../scenario/schema';

export type LinkCodec = typeof import('./linkCodec');

interface LinkCodecState {
  /** The module, once loaded. */
  codec: LinkCodec | null;
  /** Why the last load failed (the network, most likely), or null. */
  failure: string | null;
}

const linkCodecStore = createStore<LinkCodecState>()(() => ({ codec: null, failure: null }));

let loading: Promise<LinkCodec | null> | null = null;

/** Loads the codec (once at a time); resolves to it, or to null when it could not be loaded. */
export function loadLinkCodec(): Promise<LinkCodec | null> {
  const { codec } = linkCodecStore.getState();
  if (codec !== null) return Promise.resolve(codec);
  loading ??= import('./linkCodec').then(
    (loaded) => {
      linkCodecStore.setState({ codec: loaded, failure: null });
      return loaded;
    },
    (error: unknown) => {
      loading = null;
      linkCodecStore.setState({ failure: error instanceof Error ? error.message : String(error) });
      return null;
    },
  );
  return loading;
}

/** The codec if it has been loaded, else null. */
export function loadedLinkCodec(): LinkCodec | null {
  return linkCodecStore.getState().codec;
}

/**
 * Calls `use` with the codec: at once (synchronously) when it is loaded, else once it has arrived;
 * with null when it could not be loaded.
 */
export function withLinkCodec(use: (codec: LinkCodec | null) => void): void {
  const codec = loadedLinkCodec();
  if (codec !== null) use(codec);
  else void loadLinkCodec().then(use);
}

/** Loads the codec when `hash` carries a scenario; resolves once it is there or has failed. */
export async function loadLinkCodecFor(hash: string): Promise<void> {
  if (carriesScenario(hash)) await loadLinkCodec();
}

/**
 * Calls `use` once what routeFromHash(hash) needs of the codec is there: at once (synchronously)
 * when the hash carries no scenario or the codec is loaded, else once it has arrived or failed.
 */
export function withLinkCodecFor(hash: string, use: () => void): void {
  if (!carriesScenario(hash) || loadedLinkCodec() !== null) use();
  else void loadLinkCodec().then(() => use());
}

/**
 * The address bar's hash for the scenario (addressHash.ts's addressHashFor): a preset's without
 * the codec, an edited scenario's through it; null when no link carries it or the codec is null.
 */
export function addressHashWith(
  codec: LinkCodec | null,
  presetId: string | null,
  document: ScenarioDocument,
): string | null {
  if (presetId !== null) return encodePresetHash(presetId);
  return codec?.addressHashFor(null, document) ?? null;
}

/** The reader of `s=` parts, for linkHash.ts's decodeLinkHash; null until the codec is loaded. */
export function scenarioPartReader(): ScenarioPartReader | null {
  return loadedLinkCodec()?.readScenarioPart ?? null;
}

/** What to say of an `s=` link read without the codec: why it could not be loaded. */
export function missingReaderMessage(): string {
  const { failure } = linkCodecStore.getState();
  return `the code that reads shared scenarios could not be loaded (${failure ?? 'not loaded yet'}); check the connection and reload the page`;
}

/** The codec for a view, loading it when `needed`; null until it has arrived. */
export function useLinkCodec(needed: boolean): LinkCodec | null {
  const codec = useStore(linkCodecStore, (state) => state.codec);
  useEffect(() => {
    if (needed && codec === null) void loadLinkCodec();
  }, [needed, codec]);
  return codec;
}
