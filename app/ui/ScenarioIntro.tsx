import type { Preset } from '../scenario/presets';
import { SourceList } from '../sources/SourceLink';
import { InlineCode } from './InlineCode';

/** The scenario's title, its one-line summary, and what to look for. */
export function ScenarioIntro({ preset }: { preset: Preset | undefined }) {
  if (!preset) return null;
  return (
    <section className="intro" aria-labelledby="scenario-title">
      <h2 id="scenario-title" className="intro-title">
        {preset.title}
      </h2>
      <p className="intro-summary">
        <InlineCode text={preset.summary} />
      </p>
      <details className="intro-teaches">
        <summary>What to look for</summary>
        <p>
          <InlineCode text={preset.teaches} />{' '}
          <span className="intro-source">
            <SourceList ids={preset.sources} />
          </span>
        </p>
      </details>
    </section>
  );
}
