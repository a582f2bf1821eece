import { useMemo, useState } from 'react';
import { DEFAULT_PRESET_ID } from '../scenario/presets';
import { ErrorAlert } from './ErrorAlert';
import { Header } from './Header';
import { LogPanel } from './LogPanel';
import { PresetPicker } from './PresetPicker';
import { RunSummary } from './RunSummary';
import { runPreset } from './runPreset';
import { ScenarioIntro } from './ScenarioIntro';
import { invalidSpiSummaries, pingSummaries } from './summarize';
import { TraceFilters } from './TraceFilters';
import { filterTrace, type KindFilter } from './traceFilter';
import { usePresetHash } from './usePresetHash';

/** The first page: pick a preset, read its trace as IOS logs, see how the pings fared. */
export function App() {
  const [presetId, setPresetId] = usePresetHash(DEFAULT_PRESET_ID);
  const [kind, setKind] = useState<KindFilter>('logs');
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());

  // Deterministic and quick (well under a second for every preset): run it during render.
  const run = useMemo(() => runPreset(presetId), [presetId]);
  const shown = useMemo(() => filterTrace(run.records, kind, hidden), [run, kind, hidden]);
  const flows = useMemo(() => pingSummaries(run.records), [run]);
  const invalidSpi = useMemo(() => invalidSpiSummaries(run.routers, run.records, run.views), [run]);

  const toggleRouter = (router: string) =>
    setHidden((previous) => {
      const next = new Set(previous);
      if (!next.delete(router)) next.add(router);
      return next;
    });

  return (
    <div className="app">
      <Header>
        <PresetPicker value={presetId} onChange={setPresetId} />
      </Header>
      <main className="page">
        <ScenarioIntro preset={run.preset} />
        <ErrorAlert errors={run.errors} />
        {run.errors.length === 0 && (
          <div className="workspace">
            <div className="trace">
              <TraceFilters
                routers={run.routers}
                hidden={hidden}
                onToggleRouter={toggleRouter}
                kind={kind}
                onKind={setKind}
              />
              <LogPanel records={shown} />
            </div>
            <RunSummary
              flows={flows}
              invalidSpi={invalidSpi}
              endMs={run.endMs}
              recordCount={run.records.length}
            />
          </div>
        )}
      </main>
    </div>
  );
}
