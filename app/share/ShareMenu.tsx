// The header's Share and Open file… buttons, and the small panel under them: the copied link (or
// a field to copy it from), "Download scenario", and what was wrong with a file that did not open.
// Inside a lesson, Share copies the lesson's link at the step on screen. The link codec and the
// file code load on the first click that needs them, not with the page, and so does the panel
// (SharePanel.tsx); this module keeps its state and its actions.

import { type KeyboardEvent, lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { useLessonStore } from '../lessons/lessonStore';
import { loadDocument } from '../store/actions';
import { useSimStore } from '../store/simStore';
import { formatTime } from '../trace/formatText';
import { useStageView } from '../ui/stageView';
import { copyToClipboard } from './clipboard';
import { lessonHash, pageBase } from './hashRoute';
import { loadLinkCodec } from './linkCodecStore';
import { useRouteStore } from './routeStore';
import type { Panel } from './sharePanelState';
import './share.css';

/** The panel under the buttons, loaded when it first opens (with the link or file code). */
const SharePanel = lazy(() => import('./SharePanel').then((m) => ({ default: m.SharePanel })));

/** Downloading and reading scenario files, loaded by the first click that needs them. */
const loadFileIo = () => import('./scenarioFileIo');

/** The lesson on screen and its step (1-based), or null outside a lesson. */
function lessonOnScreen(): { id: string; step: number } | null {
  const { route } = useRouteStore.getState();
  const { lessonId, index } = useLessonStore.getState();
  return route?.kind === 'lesson' && lessonId === route.id
    ? { id: route.id, step: index + 1 }
    : null;
}

export function ShareMenu() {
  const hasDocument = useSimStore((s) => s.document !== null);
  const inLesson = useRouteStore((s) => s.route?.kind === 'lesson');
  const [panel, setPanel] = useState<Panel | null>(null);
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const shareRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const panelId = useId();
  const shareCount = useRef(0);

  // The panel belongs to the button that opened it: Open file… for a file's errors, else Share.
  const fromFile = panel?.kind === 'file-errors';
  const close = (refocus: boolean) => {
    setPanel(null);
    setDownloaded(null);
    if (refocus) (fromFile ? openRef : shareRef).current?.focus();
  };

  // A click anywhere else closes the panel.
  useEffect(() => {
    if (panel === null) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!(event.target instanceof Node) || !wrapperRef.current?.contains(event.target)) {
        setPanel(null);
        setDownloaded(null);
      }
    };
    window.addEventListener('pointerdown', onPointerDown);
    return () => window.removeEventListener('pointerdown', onPointerDown);
  }, [panel]);

  const share = async () => {
    const { presetId, document, t, playing, selection } = useSimStore.getState();
    if (!document) return;
    setDownloaded(null);
    // A later click (or a close) wins over this one.
    const attempt = ++shareCount.current;
    const base = pageBase(window.location);
    const lesson = lessonOnScreen();
    let link: { title: string; url: string; opens: string };
    if (lesson) {
      const url = `${base}${lessonHash(lesson.id, lesson.step)}`;
      link = {
        title: 'Share this lesson step',
        url,
        opens: `opens the lesson at step ${lesson.step}`,
      };
    } else {
      const codec = await loadLinkCodec();
      if (attempt !== shareCount.current) return;
      if (codec === null) {
        setPanel({ kind: 'unavailable', why: 'the link code could not be loaded' });
        return;
      }
      const selected = selection?.kind === 'router' ? selection.id : null;
      const { view, chart } = useStageView.getState();
      const atMs = Math.round(t);
      const moment = { presetId, document, atMs, paused: !playing, selected, view, chart };
      const scenario = codec.shareLink(base, moment);
      if (!scenario.ok) {
        setPanel({ kind: 'too-large', errors: scenario.errors });
        return;
      }
      const opens = `opens at ${formatTime(moment.atMs)}, ${moment.paused ? 'paused' : 'playing'}${
        selected === null ? '' : `, ${selected} selected`
      }${view === 'topology' ? '' : `, on the ${view}`}`;
      link = { title: 'Share this moment', url: scenario.url, opens };
    }
    const shown = { kind: 'link', attempt, ...link } as const;
    setPanel({ ...shown, copy: 'pending' });
    const copied = await copyToClipboard(link.url);
    if (attempt !== shareCount.current) return;
    setPanel((current) =>
      current === null ? null : { ...shown, copy: copied ? 'copied' : 'manual' },
    );
  };

  const download = async () => {
    const { document } = useSimStore.getState();
    if (!document) return;
    try {
      const { downloadScenario } = await loadFileIo();
      setDownloaded(downloadScenario(document));
    } catch {
      setPanel({ kind: 'unavailable', why: 'the file code could not be loaded' });
    }
  };

  const openFile = async (file: File) => {
    let parsed: Awaited<ReturnType<Awaited<ReturnType<typeof loadFileIo>>['readScenarioFile']>>;
    try {
      parsed = await (await loadFileIo()).readScenarioFile(file);
    } catch {
      setPanel({ kind: 'unavailable', why: 'the file code could not be loaded' });
      return;
    }
    if (parsed.ok) {
      loadDocument(parsed.loaded.scenario, null, parsed);
      setPanel(null);
      setDownloaded(null);
      openRef.current?.focus();
    } else {
      setPanel({ kind: 'file-errors', fileName: file.name, errors: parsed.errors });
    }
  };

  const onPanelKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    shareCount.current++;
    close(true);
  };

  return (
    <div className="share-menu" ref={wrapperRef}>
      <button
        ref={shareRef}
        type="button"
        className="share-button share-header-button"
        onClick={share}
        disabled={!hasDocument}
        aria-expanded={panel !== null && !fromFile}
        aria-controls={panel !== null && !fromFile ? panelId : undefined}
        title={
          inLesson
            ? 'Copy a link to this lesson at this step'
            : 'Copy a link to this scenario at this moment'
        }
        data-testid="share.button"
      >
        <ShareIcon />
        Share
      </button>
      <button
        ref={openRef}
        type="button"
        className="share-button share-header-button"
        onClick={() => fileRef.current?.click()}
        aria-expanded={fromFile}
        aria-controls={fromFile ? panelId : undefined}
        title="Open a .tunnelscope.json scenario file"
        data-testid="share.open-file"
      >
        {/* One flex item: the button's gap must not part "Open", " file" and "…". */}
        <span>
          Open<span className="share-wide-only"> file</span>…
        </span>
      </button>
      <input
        ref={fileRef}
        className="visually-hidden"
        type="file"
        accept=".json,application/json"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="share.file-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void openFile(file);
        }}
      />
      {panel !== null && (
        <Suspense fallback={null}>
          <SharePanel
            panel={panel}
            panelId={panelId}
            downloaded={downloaded}
            onClose={() => close(true)}
            onKeyDown={onPanelKeyDown}
            onDownload={download}
            onChooseFile={() => fileRef.current?.click()}
          />
        </Suspense>
      )}
    </div>
  );
}

function ShareIcon() {
  return (
    <svg className="share-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M12 3l4.5 4.5-1.4 1.4L13 6.8V15h-2V6.8L8.9 8.9 7.5 7.5z" />
      <path d="M5 11h3v2H7v6h10v-6h-1v-2h3v10H5z" />
    </svg>
  );
}
