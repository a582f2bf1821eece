import { PRESET_CATALOG } from '../scenario/presets/catalog';
import { useSimStore } from '../store/simStore';
import { IntroMore, ScenarioIntro } from '../ui/ScenarioIntro';
import { useLoadedPreset } from '../ui/useLoadedPreset';
import { ScenarioWarnings } from './ScenarioWarnings';
import './share.css';

/**
 * The scenario's heading, for whatever the store shows: a preset's intro; for an edited preset
 * (same title) that intro under an "Edited" tag; otherwise the document's own title and
 * description, as plain text (they may come from anyone's link or file), and its warnings.
 */
export function ScenarioHeading() {
  const presetId = useSimStore((s) => s.presetId);
  const document = useSimStore((s) => s.document);
  const base =
    presetId === null ? PRESET_CATALOG.find((p) => p.title === document?.title) : undefined;
  const preset = useLoadedPreset(presetId ?? base?.id);
  if (presetId !== null) return preset ? <ScenarioIntro preset={preset} /> : null;
  if (!document) return null;
  const tag = base
    ? 'Edited scenario: this preset with your changes'
    : 'Custom scenario: from a link, a file or your edits';
  return (
    <div className="share-heading" data-testid="scenario-heading" data-edited-from={base?.id}>
      <p className="share-heading-tag" title={tag}>
        {/* The studio's one-line band shows the first word; the sentence stays the tag's text. */}
        {base ? 'Edited' : 'Custom'}
        <span className="share-heading-more">{tag.slice(tag.indexOf(' '))}</span>
      </p>
      <ScenarioWarnings />
      {base ? (
        <ScenarioIntro preset={preset} />
      ) : (
        <section className="intro" aria-labelledby="scenario-title">
          <h2
            id="scenario-title"
            className="intro-title"
            title={document.title}
            data-testid="scenario-heading.title"
          >
            {document.title}
          </h2>
          {document.description !== undefined && (
            <>
              <p className="intro-summary" title={document.description}>
                {document.description}
              </p>
              <IntroMore label="About this scenario">
                <p className="intro-more-title">{document.title}</p>
                <p className="intro-more-summary">{document.description}</p>
              </IntroMore>
            </>
          )}
        </section>
      )}
    </div>
  );
}
