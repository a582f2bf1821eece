import { useEffect } from 'react';
import { PlaybackBar } from '../controls/PlaybackBar';
import { TimelineBar } from '../controls/TimelineBar';
import { useKeyboardShortcuts } from '../controls/useKeyboardShortcuts';
import { usePlaybackLoop } from '../controls/usePlaybackLoop';
import { DEFAULT_PRESET_ID, findPreset } from '../scenario/presets';
import { loadPreset } from '../store/actions';
import { useSimStore } from '../store/simStore';
import { HealthView } from '../views/health/HealthView';
import { LogView } from '../views/log/LogView';
import { RouterPanels } from '../views/routers/RouterPanels';
import { TopologyView } from '../views/topology/TopologyView';
import { ErrorAlert } from './ErrorAlert';
import { Header } from './Header';
import { PresetPicker } from './PresetPicker';
import { ScenarioIntro } from './ScenarioIntro';
import { usePresetHash } from './usePresetHash';

/** Page layout only: which panel goes where. Views read the store; actions change it. */
export function App() {
  const [presetId, setPresetId] = usePresetHash(DEFAULT_PRESET_ID);
  useEffect(() => {
    loadPreset(presetId);
  }, [presetId]);
  usePlaybackLoop();
  useKeyboardShortcuts();
  const errors = useSimStore((s) => s.errors);
  const hasRun = useSimStore((s) => s.run !== null);

  return (
    <div className="app">
      <Header>
        <PresetPicker value={presetId} onChange={setPresetId} />
      </Header>
      <main className="studio">
        <ScenarioIntro preset={findPreset(presetId)} />
        <ErrorAlert errors={errors} />
        {hasRun && (
          <div className="studio-grid">
            <div className="stage">
              <TopologyView />
              <PlaybackBar />
              <TimelineBar />
            </div>
            <aside className="side">
              <RouterPanels />
            </aside>
            <div className="bottom">
              <LogView />
              <HealthView />
            </div>
          </div>
        )}
      </main>
    </div>
  );
}
