// The header's Share and Open file… buttons, and the small panel under them: the copied link (or
// a field to copy it from), "Download scenario", and what was wrong with a file that did not open.
// Inside a lesson, Share copies the lesson's link at the step on screen. The link codec and the
// file code load on the first click that needs them, not with the page.

import { type KeyboardEvent, lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { useLessonStore } from '../lessons/lessonStore';
import type { ScenarioError } from '../scenario/types';
import { loadDocument } from '../store/actions';
import { useSimStore } from '../store/simStore';
import { formatTime } from '../trace/formatText';
import { useStageView } from '../ui/stageView';
import { copyToClipboard } from './clipboard';
import { ErrorList } from './ErrorList';
import { lessonHash, pageBase } from './hashRoute';
import { loadLinkCodec } from './linkCodecStore';
import { useRouteStore } from './routeStore';
import './share.css';

/** Links longer than this may be cut by chat and mail clients. */
const LONG_LINK_CHARS = 2000;

type Panel =
  | {
      kind: 'link';
      /** Which click of Share this is: each one selects the field afresh. */
      attempt: number;
      /** The panel's heading: what the link shares. */
      title: string;
      url: string;
      /** Where the link opens, e.g. "opens at 00:02:30.020, paused". */
      opens: string;
      /** pending while the clipboard answers; manual when it refused. */
      copy: 'pending' | 'copied' | 'manual';
    }
  | { kind: 'too-large'; errors: ScenarioError[] }
  | { kind: 'file-errors'; fileName: string; errors: ScenarioError[] }
  /** The link code could not be loaded (the network, most likely). */
  | { kind: 'unavailable'; why: string };

const NUMBER = new Intl.NumberFormat('en-US');

/** Download capture, with the capture code, loads when the panel first opens. */
const CaptureDownload = lazy(() =>
  import('./CaptureDownload').then((m) => ({ default: m.CaptureDownload })),
);

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
  const titleId = useId();
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
        <div
          id={panelId}
          className="share-panel"
          role="dialog"
          aria-labelledby={titleId}
          onKeyDown={onPanelKeyDown}
          data-testid="share.panel"
          data-state={panel.kind === 'link' ? panel.copy : panel.kind}
        >
          <div className="share-panel-head">
            <h2 id={titleId} className="share-panel-title">
              {panel.kind === 'file-errors'
                ? 'This file cannot be opened'
                : panel.kind === 'link'
                  ? panel.title
                  : 'Share this moment'}
            </h2>
            <button
              type="button"
              className="share-close"
              aria-label="Close"
              onClick={() => close(true)}
              data-testid="share.close"
            >
              ×
            </button>
          </div>
          {panel.kind === 'link' && <LinkSection key={panel.attempt} panel={panel} />}
          {panel.kind === 'too-large' && (
            <div className="share-section" role="alert">
              <p className="share-status share-status-warn">
                This scenario cannot go in a link: the link would not open again (why below).
                Download the scenario file and send that instead.
              </p>
              <ErrorList errors={panel.errors} />
            </div>
          )}
          {panel.kind === 'unavailable' && (
            <div className="share-section" role="alert">
              <p className="share-status share-status-warn">
                This did not work: {panel.why}. Check the connection and try again.
              </p>
            </div>
          )}
          {panel.kind === 'file-errors' && (
            <div className="share-section" role="alert">
              <p className="share-status share-status-warn">
                <span className="share-file-name">{panel.fileName}</span> is not a scenario
                TunnelScope can run. What is wrong:
              </p>
              <ErrorList errors={panel.errors} />
            </div>
          )}
          <div className="share-section share-file-actions">
            {panel.kind === 'file-errors' ? (
              <button
                type="button"
                className="share-button share-button-primary"
                onClick={() => fileRef.current?.click()}
              >
                Choose another file…
              </button>
            ) : (
              <>
                <button
                  type="button"
                  className={`share-button${panel.kind === 'too-large' ? ' share-button-primary' : ''}`}
                  onClick={download}
                  data-testid="share.download"
                >
                  {panel.kind === 'too-large' ? 'Download the scenario file' : 'Download scenario'}
                </button>
                <span className="share-hint" aria-live="polite">
                  {downloaded === null
                    ? 'A .tunnelscope.json file, to keep or send'
                    : `Saved as ${downloaded}`}
                </span>
              </>
            )}
          </div>
          {panel.kind !== 'file-errors' && (
            <Suspense fallback={null}>
              <CaptureDownload />
            </Suspense>
          )}
        </div>
      )}
    </div>
  );
}

function LinkSection({ panel }: { panel: Extract<Panel, { kind: 'link' }> }) {
  const fieldRef = useRef<HTMLInputElement>(null);
  const fieldId = useId();
  const { url, copy } = panel;
  // The field takes focus with the link selected (Ctrl+C copies it when the clipboard did not);
  // a new link remounts the section (key), so a second Share selects again.
  useEffect(() => {
    fieldRef.current?.focus();
    fieldRef.current?.select();
  }, []);
  const moment = panel.opens;
  const length = `${NUMBER.format(url.length)} characters`;
  return (
    <div className="share-section">
      <p className="share-status" role="status" data-testid="share.status">
        {copy === 'copied' && (
          <>
            <strong className="share-status-ok">✓ Link copied</strong> · {length} · {moment}
          </>
        )}
        {copy === 'pending' && <>Copying the link… · {length}</>}
        {copy === 'manual' && (
          <>
            <strong>Copy this link</strong> (the browser did not let the page use the clipboard): it
            is selected, press Ctrl+C. {length} · {moment}
          </>
        )}
      </p>
      <label className="share-field-label" htmlFor={fieldId}>
        Link
      </label>
      <input
        ref={fieldRef}
        id={fieldId}
        className="share-field"
        type="text"
        readOnly
        value={url}
        onFocus={(event) => event.currentTarget.select()}
        data-testid="share.link"
        data-length={url.length}
      />
      {url.length > LONG_LINK_CHARS && (
        <p className="share-hint">
          A long link: some chat and mail apps cut links past {NUMBER.format(LONG_LINK_CHARS)}{' '}
          characters. If it arrives broken, send the scenario file.
        </p>
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
