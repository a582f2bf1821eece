// The share-link code the first frame does without: lz-string, reading the scenario of an `s=`
// link (with zod and the scenario schema, which only what comes from outside needs), writing an
// edited scenario's address and the Share button's link. One module, so that it arrives as one
// chunk; linkCodecStore.ts loads it when a link, an edit or Share first needs it.

export { readScenarioPart } from '../scenario/scenarioUrl';
export { addressHashFor } from './addressHash';
export { shareLink } from './shareLink';
