// "Paste configs": plain IOS startup-configs in (pasted, one after another, or dropped/chosen as
// files), the scenario inferred from them shown (routers, pings, assumed routes, lines not
// simulated, or what is wrong and where), and Run, which opens it in the studio as an edited
// scenario (its link then holds it, as for an opened file), or Edit before running, which opens it
// in the scenario editor to adjust first. Loaded only when first opened.

import { type DragEvent, useId, useMemo, useRef, useState } from 'react';
import { inferScenario } from '../scenario/fromConfigs/inferScenario';
import { splitPaste } from '../scenario/fromConfigs/splitPaste';
import type { Inference, SourceNote } from '../scenario/fromConfigs/types';
import { parseScenario } from '../scenario/parseScenario';
import type { ScenarioDocument } from '../scenario/schema';
import { loadDocument } from '../store/actions';
import { useModalDialog } from '../ui/useModalDialog';
import './pasteConfigs.css';

/** `config 2, line 16`, or the config alone. */
function place(note: SourceNote): string {
  return note.line === undefined ? note.source : `${note.source}, line ${note.line}`;
}

function NoteList({ notes, testId }: { notes: readonly SourceNote[]; testId: string }) {
  return (
    <ul className="paste-notes" data-testid={testId}>
      {notes.map((note, index) => (
        // Notes have no identity beyond their place in the list.
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole on each change.
        <li key={index}>
          <span className="paste-place">{place(note)}</span>: {note.message}
          {note.text !== undefined && <code className="paste-line">{note.text.trim()}</code>}
        </li>
      ))}
    </ul>
  );
}

function Summary({ inference }: { inference: Inference }) {
  if (!inference.ok) {
    return (
      <div role="alert">
        <p className="paste-status paste-status-warn">Nothing runs until these are fixed:</p>
        <NoteList notes={inference.errors} testId="paste.errors" />
      </div>
    );
  }
  const { document, assumptions, notSimulated } = inference;
  const routers = document.nodes.filter((node) => node.kind === 'router');
  return (
    <>
      <h3 className="paste-subtitle">Routers</h3>
      <p data-testid="paste.routers">{routers.map((node) => node.id).join(', ')}</p>
      <h3 className="paste-subtitle">Pings, one a second from 5 s</h3>
      <ul className="paste-notes" data-testid="paste.pings">
        {(document.traffic ?? []).map((flow) => (
          <li key={flow.id}>
            {flow.id}: {flow.src} → {flow.dst}
          </li>
        ))}
      </ul>
      {assumptions.length > 0 && (
        <>
          <h3 className="paste-subtitle">Assumed</h3>
          <ul className="paste-notes" data-testid="paste.assumptions">
            {assumptions.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </>
      )}
      {notSimulated.length > 0 && (
        <details className="paste-details">
          <summary>{notSimulated.length} lines kept but not simulated</summary>
          <NoteList notes={notSimulated} testId="paste.not-simulated" />
        </details>
      )}
    </>
  );
}

export function PasteConfigsDialog({
  onClose,
  onEdit,
}: {
  onClose: () => void;
  /** Opens the inferred scenario in the scenario editor, to adjust before running it. */
  onEdit: (document: ScenarioDocument) => void;
}) {
  const { ref, restoreFocus } = useModalDialog(true);
  const titleId = useId();
  const [text, setText] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);
  const inference = useMemo(
    () => (text.trim() === '' ? null : inferScenario(splitPaste(text))),
    [text],
  );

  const close = () => {
    onClose();
    restoreFocus();
  };

  const addFiles = async (files: FileList | null) => {
    const texts = await Promise.all([...(files ?? [])].map((file) => file.text()));
    if (texts.length > 0)
      setText((current) => [current.trimEnd(), ...texts].filter(Boolean).join('\n'));
  };

  const run = () => {
    if (inference === null || !inference.ok) return;
    const parsed = parseScenario(inference.document);
    if (!parsed.ok) return;
    loadDocument(parsed.loaded.scenario, null, parsed);
    close();
  };

  const editFirst = () => {
    if (inference === null || !inference.ok) return;
    onEdit(inference.document);
    close();
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    void addFiles(event.dataTransfer.files);
  };

  return (
    <dialog
      ref={ref}
      className="modal-dialog paste-dialog"
      aria-labelledby={titleId}
      data-testid="paste.dialog"
      onClose={close}
    >
      <div className="paste-body">
        <h2 id={titleId} className="paste-title">
          Scenario from IOS configs
        </h2>
        <div className="paste-columns">
          <label className="paste-input">
            <span>
              Paste each router’s startup-config (show running-config, or typed lines), one after
              another, or drop the files here
            </span>
            <textarea
              value={text}
              spellCheck={false}
              onChange={(event) => setText(event.target.value)}
              onDragOver={(event) => event.preventDefault()}
              onDrop={onDrop}
              placeholder={'hostname R1\n!\ncrypto isakmp policy 10\n…\nhostname R2\n…'}
              data-testid="paste.text"
            />
          </label>
          <section className="paste-result" aria-live="polite" data-testid="paste.result">
            {inference === null ? (
              <p className="paste-status">
                Each config becomes a router named by its hostname; the interfaces with crypto meet
                in a WAN cloud, and a host on each protected subnet pings its peer.
              </p>
            ) : (
              <Summary inference={inference} />
            )}
          </section>
        </div>
        <div className="paste-actions">
          <button type="button" className="share-button" onClick={() => fileRef.current?.click()}>
            Add files…
          </button>
          <input
            ref={fileRef}
            className="visually-hidden"
            type="file"
            multiple
            tabIndex={-1}
            aria-hidden="true"
            data-testid="paste.file-input"
            onChange={(event) => {
              void addFiles(event.target.files);
              event.target.value = '';
            }}
          />
          <span className="paste-spacer" />
          <button type="button" className="share-button" onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            className="share-button"
            disabled={inference === null || !inference.ok}
            onClick={editFirst}
            data-testid="paste.edit"
          >
            Edit before running
          </button>
          <button
            type="button"
            className="share-button share-button-primary"
            disabled={inference === null || !inference.ok}
            onClick={run}
            data-testid="paste.run"
          >
            Run
          </button>
        </div>
      </div>
    </dialog>
  );
}
