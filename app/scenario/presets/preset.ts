import type { ScenarioDocument } from '../schema';

/** The crypto configuration styles of the table in ios-behavior.md 1.6, for the picker. */
export type CryptoStyle =
  | 'static-map'
  | 'dynamic-map'
  | 'gre-tp'
  | 'mgre-static-nhrp'
  | 'mgre-dynamic-nhrp'
  | 'svti'
  | 'ezvpn';

/** A built-in scenario and the lesson it carries. */
export interface Preset {
  /** Stable and URL-safe: `#preset=<id>`. */
  id: string;
  title: string;
  /** One sentence for the picker: what happens. */
  summary: string;
  /** What the student should see, in 2-4 sentences, citing the IOS behaviour. */
  teaches: string;
  /** Section of ios-behavior.md, e.g. '7.4.2'. */
  source: string;
  /** Crypto configuration style, for the picker. */
  cryptoStyle: CryptoStyle;
  document: ScenarioDocument;
}
