import { lazy, Suspense, useEffect, useState } from 'react';
import { useKeyboardShortcuts } from '../controls/useKeyboardShortcuts';
import { usePlaybackLoop } from '../controls/usePlaybackLoop';
import type { EditorStart } from '../editor/editorStart';
import type { HashRoute } from '../share/hashRoute';
import { ShareMenu } from '../share/ShareMenu';
import { useHashRoute } from '../share/useHashRoute';
import { SourcesDialog } from '../sources/lazySourcesDialog';
import { loadPreset } from '../store/actions';
import { useSimStore } from '../store/simStore';
import { Header, type Screen } from './Header';
import { lazyComponent } from './lazyComponent';
import { PresetPicker } from './PresetPicker';
import { ScenarioEditButtons } from './ScenarioEditButtons';
import { Studio } from './Studio';

// Screens not needed for the first drawn topology load on demand (smaller first JS).
const LessonScreen = lazy(() => import('../lessons').then((m) => ({ default: m.LessonScreen })));
const LessonLibrary = lazy(() => import('../lessons').then((m) => ({ default: m.LessonLibrary })));
const CompareScreen = lazy(() =>
  import('../compare/CompareScreen').then((m) => ({ default: m.CompareScreen })),
);

/** The scenario editor, with CodeMirror and the scenario reader, loads when first opened. */
const ScenarioEditor = lazyComponent(() =>
  import('../editor/ScenarioEditor').then((m) => m.ScenarioEditor),
);

/** Paste configs, with the inference from configs, loads when first opened. */
const PasteConfigsDialog = lazyComponent(() =>
  import('../share/PasteConfigsDialog').then((m) => m.PasteConfigsDialog),
);

function Loading() {
  return <p className="loading">Loading…</p>;
}

function screenOf(route: HashRoute): Screen {
  if (route.kind === 'lesson' || route.kind === 'lessons') return 'lessons';
  if (route.kind === 'compare') return 'compare';
  return 'studio';
}

/**
 * The app shell: the header on every screen, and the screen under it filling the window. The
 * page itself never scrolls; a screen's panels scroll inside themselves.
 */
export function App() {
  const route = useHashRoute();
  usePlaybackLoop();
  useKeyboardShortcuts();
  const presetId = useSimStore((s) => s.presetId);
  const screen = screenOf(route);
  const [pasting, setPasting] = useState(false);
  const [editing, setEditing] = useState<EditorStart | null>(null);
  // The paste and edit dialogs belong to the studio: leaving it (a lesson or compare link, the
  // Back button) closes them, as Run or Close would, instead of leaving them over another screen.
  useEffect(() => {
    if (screen === 'studio') return;
    setPasting(false);
    setEditing(null);
  }, [screen]);

  return (
    <div className="shell" data-screen={screen}>
      <Header screen={screen}>
        {screen === 'studio' && (
          <PresetPicker
            value={presetId}
            onChange={loadPreset}
            onPasteConfigs={() => setPasting(true)}
          />
        )}
        {screen === 'studio' && <ScenarioEditButtons onEdit={setEditing} />}
        {/* Share copies the studio's moment, or the lesson at its step. */}
        {(screen === 'studio' || route.kind === 'lesson') && <ShareMenu />}
      </Header>
      {screen === 'studio' ? (
        <Studio route={route} />
      ) : (
        <div className="shell-screen">
          <Suspense fallback={<Loading />}>
            {route.kind === 'lesson' && <LessonScreen route={route} />}
            {route.kind === 'lessons' && <LessonLibrary />}
            {route.kind === 'compare' && <CompareScreen payload={route.payload} />}
          </Suspense>
        </div>
      )}
      <SourcesDialog />
      {screen === 'studio' && pasting && (
        <PasteConfigsDialog
          onClose={() => setPasting(false)}
          onEdit={(document) => setEditing({ kind: 'document', document })}
        />
      )}
      {screen === 'studio' && editing !== null && (
        <ScenarioEditor start={editing} onClose={() => setEditing(null)} />
      )}
    </div>
  );
}
