import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_PRESET_ID } from './scenario/presets/catalog';
import { loadPresets, type PresetLoadFailure } from './scenario/presets/library';
import { presetsOfHash } from './share/hashRoute';
import { loadLinkCodecFor } from './share/linkCodecStore';
import { enableBackgroundRuns } from './store/runProgress';
import { App } from './ui/App';
import './ui/tokens.css';
import './ui/app.css';

// Long scenarios are shown after their first minute and computed on in the background.
enableBackgroundRuns();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

/** Without the default preset (the network failed) nothing can be shown: say so. */
function StartFailure({ failure }: { failure: PresetLoadFailure }) {
  return (
    <div className="alert" role="alert">
      <h2 className="alert-title">TunnelScope could not start</h2>
      <p>
        The scenario <code>{failure.id}</code> could not be loaded ({failure.message}). Check the
        connection and reload the page.
      </p>
    </div>
  );
}

// The address's preset (and the default, shown behind a link that cannot be opened) is loaded
// before the first render, which shows it straight away; so is the link codec for a link that
// carries a scenario (`#s=`).
const hash = window.location.hash;
void Promise.all([loadPresets(presetsOfHash(hash)), loadLinkCodecFor(hash)]).then(([failures]) => {
  const fatal = failures.find((failure) => failure.id === DEFAULT_PRESET_ID);
  createRoot(root).render(
    <StrictMode>{fatal ? <StartFailure failure={fatal} /> : <App />}</StrictMode>,
  );
});
