// "Download capture" in the share panel: the run as a libpcap file for Wireshark, whole or up to
// the cursor. ShareMenu loads this module, and the capture code with it, when the panel opens.

import { useState } from 'react';
import { captureRun } from '../pcap/captureRun';
import { computeAll, computeUntil } from '../store/runProgress';
import { useSimStore } from '../store/simStore';
import { formatTime } from '../trace/formatText';
import { downloadBlob } from './download';
import { fileStem } from './fileNames';

type Scope = 'whole' | 'cursor';

type Status =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'saved'; name: string; frameCount: number }
  | { kind: 'failed'; message: string };

const NUMBER = new Intl.NumberFormat('en-US');

/** "2m30s", "1h02m05.020s": a virtual time that file systems accept in a name. */
function timeInName(atMs: number): string {
  const hours = Math.floor(atMs / 3_600_000);
  const minutes = Math.floor(atMs / 60_000) % 60;
  const seconds = Math.floor(atMs / 1000) % 60;
  const ms = atMs % 1000;
  const head = hours > 0 ? `${hours}h${String(minutes).padStart(2, '0')}m` : `${minutes}m`;
  const tail = ms > 0 ? `.${String(ms).padStart(3, '0')}` : '';
  return `${head}${String(seconds).padStart(2, '0')}${tail}s`;
}

/** "<title> - whole run.pcap" or "<title> - up to 2m30s.pcap". */
export function captureFileName(title: string, untilMs: number | null): string {
  const scope = untilMs === null ? 'whole run' : `up to ${timeInName(untilMs)}`;
  return `${fileStem(title)} - ${scope}.pcap`;
}

export function CaptureDownload() {
  const cursorMs = useSimStore((s) => Math.round(s.t));
  const hasRun = useSimStore((s) => s.run !== null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const make = (scope: Scope) => {
    try {
      const untilMs = scope === 'whole' ? null : Math.round(useSimStore.getState().t);
      // The whole run may not be computed yet: computing it is what can take a moment.
      if (untilMs === null) computeAll();
      else computeUntil(untilMs);
      const { run, document } = useSimStore.getState();
      if (!run || !document) {
        setStatus({ kind: 'idle' });
        return;
      }
      const capture = captureRun(run.loaded, run.records, { untilMs: untilMs ?? run.durationMs });
      const name = captureFileName(document.title, untilMs);
      downloadBlob(name, new Blob([capture.bytes], { type: 'application/vnd.tcpdump.pcap' }));
      setStatus({ kind: 'saved', name, frameCount: capture.frameCount });
    } catch (error) {
      setStatus({
        kind: 'failed',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  };

  // "Preparing…" is drawn before the work starts.
  const save = (scope: Scope) => {
    setStatus({ kind: 'busy' });
    setTimeout(() => make(scope), 0);
  };

  const busy = status.kind === 'busy';
  return (
    <div className="share-section share-capture" data-testid="share.capture">
      <h3 className="share-capture-title">Packet capture for Wireshark</h3>
      <div className="share-file-actions">
        <button
          type="button"
          className="share-button"
          onClick={() => save('whole')}
          disabled={!hasRun || busy}
          data-testid="share.capture-whole"
        >
          Download capture: whole run
        </button>
        <button
          type="button"
          className="share-button"
          onClick={() => save('cursor')}
          disabled={!hasRun || busy}
          data-testid="share.capture-cursor"
        >
          Up to {formatTime(cursorMs)}
        </button>
      </div>
      <p
        className={`share-hint${status.kind === 'failed' ? ' share-status-warn' : ''}`}
        aria-live="polite"
        data-testid="share.capture-status"
        data-state={status.kind}
      >
        {status.kind === 'idle' &&
          'A .pcap file of every packet as it crossed the wire (IKE, ESP, dropped ones too), at its simulated time.'}
        {status.kind === 'busy' && 'Preparing the capture…'}
        {status.kind === 'saved' &&
          `Saved as ${status.name} · ${NUMBER.format(status.frameCount)} packets`}
        {status.kind === 'failed' && `The capture could not be made: ${status.message}`}
      </p>
    </div>
  );
}
