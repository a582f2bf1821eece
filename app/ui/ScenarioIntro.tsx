import { type ReactNode, useState } from 'react';
import type { Preset } from '../scenario/presets';
import { SourceList } from '../sources/lazySourceList';
import { InlineCode } from './InlineCode';

/**
 * The scenario's title, its one-line summary, and what to look for. The studio shows it in one
 * line above the stage (the summary cut to fit); "What to look for" opens the summary in full
 * and what the scenario teaches.
 */
export function ScenarioIntro({ preset }: { preset: Preset | undefined }) {
  if (!preset) return null;
  return (
    <section className="intro" aria-labelledby="scenario-title">
      <h2 id="scenario-title" className="intro-title">
        {preset.title}
      </h2>
      <p className="intro-summary" title={preset.summary.replaceAll('`', '')}>
        <InlineCode text={preset.summary} />
      </p>
      <IntroMore label="What to look for">
        <p className="intro-more-summary">
          <InlineCode text={preset.summary} />
        </p>
        <p>
          <InlineCode text={preset.teaches} />{' '}
          <span className="intro-source">
            <SourceList ids={preset.sources} />
          </span>
        </p>
      </IntroMore>
    </section>
  );
}

/**
 * A disclosure whose box lies over the stage. Its content exists only while open, so the
 * summary it repeats is on the page once when it is closed.
 */
export function IntroMore({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="intro-teaches" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{label}</summary>
      {open && <div className="intro-more">{children}</div>}
    </details>
  );
}
