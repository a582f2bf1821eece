// The scenario editor, a full-window dialog over the studio: the topology to draw on the left
// (add routers and clouds, draw links, drag nodes), and on the right the selected node or link
// (a router's startup-config in the IOS editor), the pings, the timeline and the scenario's own
// fields; under them what keeps it from running, each problem with its place. The document is
// read as a link or a file would be (parseScenario: the schema and the IOS parser), and Run is
// enabled only when that reading succeeds; Run then opens it in the studio as an edited scenario,
// its link in the address. Undo/redo cover the document (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y outside
// the config editor, which keeps its own text history). Loaded on demand, with CodeMirror.

import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { withDefaults } from '../scenario/loadScenario';
import { parseScenario } from '../scenario/parseScenario';
import type { Scenario } from '../scenario/types';
import { loadDocument } from '../store/actions';
import { useModalDialog } from '../ui/useModalDialog';
import { blankScenario } from './blankScenario';
import { freshId } from './documentEdits';
import { EditorTabs } from './EditorTabs';
import type { EditorStart } from './editorStart';
import { type PlacedError, placeError } from './errorPlaces';
import { FlowsPanel } from './FlowsPanel';
import { errorsByField } from './fieldErrors';
import { canRedo, canUndo } from './history';
import { ProblemList } from './ProblemList';
import { ScenarioPanel } from './ScenarioPanel';
import { SelectionPanel } from './SelectionPanel';
import { TimelinePanel } from './TimelinePanel';
import { type Selection, TopologyCanvas } from './TopologyCanvas';
import { useDocumentHistory } from './useDocumentHistory';
import './editor.css';

type Tab = 'selection' | 'pings' | 'timeline' | 'scenario';
const TABS: ReadonlyArray<readonly [Tab, string]> = [
  ['selection', 'Selection'],
  ['pings', 'Pings'],
  ['timeline', 'Timeline'],
  ['scenario', 'Scenario'],
];

/** Default latency of a link drawn in the editor, as the presets' router–ISP links. */
const NEW_LINK_LATENCY_MS = 10;

function startDocument(start: EditorStart): Scenario {
  return start.kind === 'new' ? blankScenario() : withDefaults(start.document);
}

/** Where a new node goes: right of the rightmost node, level with it. */
function newNodePlace(document: Scenario): { x: number; y: number } {
  const rightmost = document.nodes.reduce<Scenario['nodes'][number] | undefined>(
    (best, node) => (best === undefined || node.x > best.x ? node : best),
    undefined,
  );
  return rightmost === undefined ? { x: 200, y: 200 } : { x: rightmost.x + 160, y: rightmost.y };
}

/** The tab and selection that show a problem's field. */
function problemTarget(
  document: Scenario,
  problem: PlacedError,
): { tab: Tab; selection?: Selection } {
  const match = /^(nodes|links|traffic|timeline)\[(\d+)\]/.exec(problem.field ?? '');
  const index = Number(match?.[2]);
  switch (match?.[1]) {
    case 'nodes': {
      const node = document.nodes[index];
      return {
        tab: 'selection',
        selection: node === undefined ? null : { kind: 'node', id: node.id },
      };
    }
    case 'links': {
      const link = document.links[index];
      return {
        tab: 'selection',
        selection: link === undefined ? null : { kind: 'link', id: link.id },
      };
    }
    case 'traffic':
      return { tab: 'pings' };
    case 'timeline':
      return { tab: 'timeline' };
    default:
      return { tab: 'scenario' };
  }
}

/**
 * Ctrl+Z undoes and Ctrl+Shift+Z (or Ctrl+Y) redoes the document while the editor is open, with
 * the focus anywhere but in the config editor, whose own text history takes those keys. Heard on
 * the window, so that they work when what had the focus has just been removed.
 */
function useDocumentKeys(undo: () => void, redo: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || !(event.ctrlKey || event.metaKey) || event.altKey) return;
      if (event.target instanceof Element && event.target.closest('.cm-editor') !== null) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [undo, redo]);
}

export function ScenarioEditor({ start, onClose }: { start: EditorStart; onClose: () => void }) {
  const { ref, restoreFocus } = useModalDialog(true);
  const titleId = useId();
  const { history, edit, undo, redo, closeStep } = useDocumentHistory(() => startDocument(start));
  const document = history.present;
  const [selection, setSelection] = useState<Selection>(() => {
    const router = startDocument(start).nodes.find((node) => node.kind === 'router');
    return router === undefined ? null : { kind: 'node', id: router.id };
  });
  const [tab, setTab] = useState<Tab>('selection');
  const [drawingLink, setDrawingLink] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const canvasRef = useRef<HTMLDivElement>(null);

  // Read as a link or a file is; a few keystrokes behind while the reading is under way.
  const checked = useDeferredValue(document);
  const result = useMemo(() => parseScenario(checked), [checked]);
  const problems = useMemo(
    () => (result.ok ? [] : result.errors.map((error) => placeError(checked, error))),
    [result, checked],
  );
  const byField = useMemo(() => errorsByField(problems), [problems]);
  const checking = checked !== document;
  const runnable = result.ok && !checking;

  useDocumentKeys(undo, redo);

  const close = () => {
    onClose();
    restoreFocus();
  };

  const select = (next: Selection) => {
    setSelection(next);
    setNotice(null);
    if (next !== null) setTab('selection');
  };

  const say = (refusal: string | null) => setNotice(refusal);

  const addNode = (kind: 'router' | 'cloud') => {
    const id = freshId(document, kind === 'router' ? 'R' : 'C');
    const place = newNodePlace(document);
    const node =
      kind === 'router'
        ? {
            id,
            kind,
            ...place,
            bootMs: 30_000,
            config: `hostname ${id}\n!`,
            dpdSupport: true,
            saInstallDelayMs: 0,
          }
        : { id, kind, ...place };
    say(edit({ kind: 'add-node', node }));
    select({ kind: 'node', id });
  };

  const addLink = (a: string, b: string) => {
    const named = `${a}-${b}`;
    const id =
      document.links.some((link) => link.id === named) ||
      document.nodes.some((node) => node.id === named)
        ? freshId(document, 'L')
        : named;
    say(edit({ kind: 'add-link', link: { id, a, b, latencyMs: NEW_LINK_LATENCY_MS } }));
    setDrawingLink(false);
    select({ kind: 'link', id });
  };

  /** Nothing selected, focus on the topology: what had focus (a Remove button) is gone. */
  const deselect = () => {
    select(null);
    canvasRef.current?.focus();
  };

  const remove = (target: NonNullable<Selection>) => {
    say(
      edit(
        target.kind === 'node'
          ? { kind: 'remove-node', id: target.id }
          : { kind: 'remove-link', id: target.id },
      ),
    );
    deselect();
  };

  const run = () => {
    const parsed = parseScenario(document);
    if (!parsed.ok) return;
    loadDocument(parsed.loaded.scenario, null, parsed);
    close();
  };

  const goTo = (problem: PlacedError) => {
    const target = problemTarget(document, problem);
    if (target.selection !== undefined) setSelection(target.selection);
    setTab(target.tab);
  };

  const tabName = (value: Tab, text: string) => {
    if (value !== 'selection' || selection === null) return text;
    return selection.kind === 'node'
      ? `${document.nodes.find((node) => node.id === selection.id)?.kind === 'cloud' ? 'Cloud' : 'Router'} ${selection.id}`
      : `Link ${selection.id}`;
  };

  const panelProps = { document, errors: byField, edit, closeStep };
  return (
    <dialog
      ref={ref}
      className="modal-dialog scenario-editor"
      aria-labelledby={titleId}
      data-testid="editor.dialog"
      onClose={close}
      onCancel={(event) => {
        // Escape would drop the edits: only an untouched scenario closes with it.
        if (canUndo(history)) {
          event.preventDefault();
          setNotice('Press Close to leave the editor without running the changes.');
        }
      }}
      // The studio's shortcuts (Space, arrows, ?) stay out of the editor.
      onKeyDown={(event) => event.stopPropagation()}
    >
      <div className="ed-body">
        <div className="ed-top">
          <h2 id={titleId} className="ed-title">
            Scenario editor
          </h2>
          <button
            type="button"
            className="share-button"
            onClick={undo}
            disabled={!canUndo(history)}
            aria-keyshortcuts="Control+Z"
          >
            Undo
          </button>
          <button
            type="button"
            className="share-button"
            onClick={redo}
            disabled={!canRedo(history)}
            aria-keyshortcuts="Control+Shift+Z"
          >
            Redo
          </button>
          <span className="ed-notice" role="status" data-testid="editor.notice">
            {notice}
          </span>
          <button type="button" className="share-button" onClick={close}>
            Close
          </button>
          <button
            type="button"
            className="share-button share-button-primary"
            onClick={run}
            disabled={!runnable}
            data-testid="editor.run"
          >
            Run
          </button>
        </div>
        <div className="ed-main">
          <section className="ed-topology" aria-label="Topology">
            <div className="ed-toolbar">
              <button type="button" className="share-button" onClick={() => addNode('router')}>
                Add router
              </button>
              <button type="button" className="share-button" onClick={() => addNode('cloud')}>
                Add cloud
              </button>
              <button
                type="button"
                className="share-button"
                aria-pressed={drawingLink}
                onClick={() => setDrawingLink((drawing) => !drawing)}
              >
                Draw link
              </button>
              <span className="ed-hint">
                {drawingLink ? 'Click one node, then the other.' : 'Drag nodes to place them.'}
              </span>
            </div>
            <div ref={canvasRef} className="ed-canvas-box" tabIndex={-1}>
              <TopologyCanvas
                document={document}
                selection={selection}
                drawingLink={drawingLink}
                onSelect={select}
                onMove={(id, x, y) => edit({ kind: 'move-node', id, x, y }, `move:${id}`)}
                onMoveEnd={closeStep}
                onLink={addLink}
                onRemove={remove}
              />
            </div>
          </section>
          <section className="ed-inspector">
            <EditorTabs tabs={TABS} current={tab} name={tabName} onChoose={setTab} />
            <div
              className="ed-panel"
              role="tabpanel"
              aria-label={tabName(tab, TABS.find(([value]) => value === tab)?.[1] ?? '')}
            >
              {tab === 'selection' && (
                <SelectionPanel
                  selection={selection}
                  onSelect={select}
                  onRemoved={deselect}
                  {...panelProps}
                />
              )}
              {tab === 'pings' && <FlowsPanel {...panelProps} />}
              {tab === 'timeline' && <TimelinePanel {...panelProps} />}
              {tab === 'scenario' && <ScenarioPanel {...panelProps} />}
            </div>
          </section>
        </div>
        <ProblemList problems={problems} checking={checking} onGo={goTo} />
      </div>
    </dialog>
  );
}
