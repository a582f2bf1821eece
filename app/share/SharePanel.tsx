// The panel under Share and Open file…: the copied link (or a field to copy it from),
// "Download scenario", Download capture, and what was wrong with a file that did not open. Loaded
// when it first opens, with the link or file code; ShareMenu keeps its state and its actions.

import { type KeyboardEvent, lazy, Suspense, useEffect, useId, useRef } from 'react';
import { ErrorList } from './ErrorList';
import type { Panel } from './sharePanelState';

/** Links longer than this may be cut by chat and mail clients. */
const LONG_LINK_CHARS = 2000;

const NUMBER = new Intl.NumberFormat('en-US');

/** Download capture, with the capture code, loads when the panel first opens. */
const CaptureDownload = lazy(() =>
  import('./CaptureDownload').then((m) => ({ default: m.CaptureDownload })),
);

export interface SharePanelProps {
  panel: Panel;
  panelId: string;
  /** The file name of the last download, or null. */
  downloaded: string | null;
  onClose: () => void;
  onKeyDown: (event: KeyboardEvent) => void;
  onDownload: () => void;
  onChooseFile: () => void;
}

export function SharePanel({
  panel,
  panelId,
  downloaded,
  onClose,
  onKeyDown,
  onDownload,
  onChooseFile,
}: SharePanelProps) {
  const titleId = useId();
  return (
    <div
      id={panelId}
      className="share-panel"
      role="dialog"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
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
          onClick={onClose}
          data-testid="share.close"
        >
          ×
        </button>
      </div>
      {panel.kind === 'link' && <LinkSection key={panel.attempt} panel={panel} />}
      {panel.kind === 'too-large' && (
        <div className="share-section" role="alert">
          <p className="share-status share-status-warn">
            This scenario cannot go in a link: the link would not open again (why below). Download
            the scenario file and send that instead.
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
            <span className="share-file-name">{panel.fileName}</span> is not a scenario TunnelScope
            can run. What is wrong:
          </p>
          <ErrorList errors={panel.errors} />
        </div>
      )}
      <div className="share-section share-file-actions">
        {panel.kind === 'file-errors' ? (
          <button
            type="button"
            className="share-button share-button-primary"
            onClick={onChooseFile}
          >
            Choose another file…
          </button>
        ) : (
          <>
            <button
              type="button"
              className={`share-button${panel.kind === 'too-large' ? ' share-button-primary' : ''}`}
              onClick={onDownload}
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
