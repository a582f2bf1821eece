import type { SourceId } from '../../sources/sources';
import type { ScenarioDocument } from '../schema';

/** The crypto configuration styles of tech note 115801's table (ios-behavior.md 1.6). */
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
  /** For us, never shown: the section of ios-behavior.md it follows, e.g. '7.4.2'. */
  notesScenario: string;
  /** The public documents behind what it teaches (the Sources list). */
  sources: readonly SourceId[];
  /** Crypto configuration style, for the picker. */
  cryptoStyle: CryptoStyle;
  document: ScenarioDocument;
}
