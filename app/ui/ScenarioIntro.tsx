import { type ReactNode, useState } from 'react';
import type { Preset } from '../scenario/presets';
import { SourceList } from '../sources/lazySourceList';
import { InlineCode } from './InlineCode';

/**
 * The scenario's title, its one-line summary, and what to look for. The studio shows it in one
 * row above the stage (the summary, and on a narrow stage the title, cut to fit); the title's
 * tooltip holds it whole, and "What to look for" opens the title, the summary in full and what
 * the scenario teaches.
 */
export function ScenarioIntro({ preset }: { preset: Preset | undefined }) {
  if (!preset) return null;
  return (
    <section className="intro" aria-labelledby="scenario-title">
      <h2 id="scenario-title" className="intro-title" title={preset.title}>
        {preset.title}
      </h2>
      <p className="intro-summary" title={preset.summary.replaceAll('`', '')}>
        <InlineCode text={preset.summary} />
      </p>
      <IntroMore
        label={
          <>
            <span className="intro-more-lead">What to </span>look for
          </>
        }
      >
        <p className="intro-more-title">{preset.title}</p>
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
 * summary it repeats is on the page once when it is closed. A narrow stage hides the label's
 * `.intro-more-lead` words (CSS: "What to look for" reads "Look for").
 */
export function IntroMore({ label, children }: { label: ReactNode; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="intro-teaches" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{label}</summary>
      {open && <div className="intro-more">{children}</div>}
    </details>
  );
}
