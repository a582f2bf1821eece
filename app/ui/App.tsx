import { lazy, Suspense } from 'react';
import { PlaybackBar } from '../controls/PlaybackBar';
import { TimelineBar } from '../controls/TimelineBar';
import { useKeyboardShortcuts } from '../controls/useKeyboardShortcuts';
import { usePlaybackLoop } from '../controls/usePlaybackLoop';
import { LinkErrorBanner } from '../share/LinkErrorBanner';
import { ScenarioHeading } from '../share/ScenarioHeading';
import { ShareMenu } from '../share/ShareMenu';
import { useHashRoute } from '../share/useHashRoute';
import { SourcesDialog } from '../sources/lazySourcesDialog';
import { loadPreset } from '../store/actions';
import { useSimStore } from '../store/simStore';
import { HealthView } from '../views/health/HealthView';
import { LogView } from '../views/log/LogView';
import { RouterPanels } from '../views/routers/RouterPanels';
import { TopologyView } from '../views/topology/TopologyView';
import { ErrorAlert } from './ErrorAlert';
import { Header } from './Header';
import { PresetPicker } from './PresetPicker';

// Screens and panels not needed for the first drawn topology load on demand (smaller first JS).
const LessonScreen = lazy(() => import('../lessons').then((m) => ({ default: m.LessonScreen })));
const LessonLibrary = lazy(() => import('../lessons').then((m) => ({ default: m.LessonLibrary })));
const CompareScreen = lazy(() =>
  import('../compare/CompareScreen').then((m) => ({ default: m.CompareScreen })),
);
const ConsolePanel = lazy(() =>
  import('../views/console/ConsolePanel').then((m) => ({ default: m.ConsolePanel })),
);

function Loading() {
  return <p className="loading">Loading…</p>;
}

/** Page layout only: which screen, and which panel goes where. Views read the store. */
export function App() {
  const route = useHashRoute();
  usePlaybackLoop();
  useKeyboardShortcuts();
  const presetId = useSimStore((s) => s.presetId);
  const errors = useSimStore((s) => s.errors);
  const hasRun = useSimStore((s) => s.run !== null);

  return (
    <div className="app">
      <Header>
        <PresetPicker value={presetId} onChange={loadPreset} />
        <ShareMenu />
      </Header>
      <Suspense fallback={<Loading />}>
        {route.kind === 'lesson' && <LessonScreen route={route} />}
        {route.kind === 'lessons' && <LessonLibrary />}
        {route.kind === 'compare' && <CompareScreen payload={route.payload} />}
      </Suspense>
      {(route.kind === 'scenario' || route.kind === 'error') && (
        <main className="studio">
          <LinkErrorBanner route={route} />
          <ScenarioHeading />
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
              <div className="console-row">
                <Suspense fallback={<Loading />}>
                  <ConsolePanel />
                </Suspense>
              </div>
            </div>
          )}
        </main>
      )}
      <SourcesDialog />
    </div>
  );
}
