// One router's startup-config in CodeMirror 6: IOS colours, the parser's diagnostics inline,
// completion from its command tables, undo/redo (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y). Controlled:
// `value` is the text, typing calls `onChange` with the whole text. Loaded lazily with the
// scenario editor, so that CodeMirror is not part of the studio's first load.
//
// The editor lives in an open shadow root of its host element: there CodeMirror's styles go into
// a constructed style sheet, which the app's Content-Security-Policy (`style-src 'self'`, no
// inline <style>) allows; in the document itself they would be an inline <style> element. The
// root is open: Playwright's CSS and role locators (`.cm-editor`, the textbox by its label) reach
// inside it, `document.querySelector` does not; keyboard events outside it name the host
// (focusClaims.ts looks inside for the page shortcuts).

import { autocompletion, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { linter, lintGutter, lintKeymap } from '@codemirror/lint';
import {
  Annotation,
  Compartment,
  EditorState,
  type Extension,
  Transaction,
} from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { iosCompletions } from './iosCompletion';
import { iosLanguage } from './iosLanguage';
import { iosDiagnostics } from './iosLint';
import { iosTheme } from './iosTheme';
import { textChange } from './textChange';
import './iosEditor.css';

export interface IosConfigEditorProps {
  /** The config text. */
  value: string;
  /** Called with the whole text after each edit typed in the editor. */
  onChange: (text: string) => void;
  /** The accessible name of the text area ("R1 startup-config"). */
  label: string;
  /** The router whose config this is: another router starts a fresh undo history. */
  routerId?: string;
  className?: string;
}

/** Marks the transactions that bring in a new `value`: they are not the user's edits. */
const external = Annotation.define<boolean>();

/** Diagnostics wait for a pause in typing, in milliseconds. */
const LINT_DELAY_MS = 300;

function contentLabel(label: string): Extension {
  return EditorView.contentAttributes.of({ 'aria-label': label });
}

function editorState(
  text: string,
  labelled: Extension,
  report: (text: string) => void,
): EditorState {
  return EditorState.create({
    doc: text,
    extensions: [
      lineNumbers(),
      highlightActiveLineGutter(),
      highlightActiveLine(),
      drawSelection(),
      // A panel may be narrow (420 px at 1024x768): long lines wrap rather than hide.
      EditorView.lineWrapping,
      history(),
      iosTheme,
      iosLanguage(),
      linter((view) => iosDiagnostics(view.state.doc), { delay: LINT_DELAY_MS }),
      lintGutter(),
      autocompletion({ override: [iosCompletions], icons: false }),
      keymap.of([...completionKeymap, ...defaultKeymap, ...historyKeymap, ...lintKeymap]),
      labelled,
      EditorView.updateListener.of((update) => {
        const typed = update.transactions.some(
          (transaction) => transaction.docChanged && transaction.annotation(external) !== true,
        );
        if (typed) report(update.state.doc.toString());
      }),
    ],
  });
}

export function IosConfigEditor({
  value,
  onChange,
  label,
  routerId,
  className,
}: IosConfigEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const labelCompartment = useRef(new Compartment());
  const latest = useRef({ value, onChange, label });
  useLayoutEffect(() => {
    latest.current = { value, onChange, label };
  });

  // A new editor state for each router: its own text and undo history.
  // biome-ignore lint/correctness/useExhaustiveDependencies: routerId names the history to start
  useEffect(() => {
    const element = host.current;
    if (element === null) return;
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const { value: text, label: name } = latest.current;
    const state = editorState(text, labelCompartment.current.of(contentLabel(name)), (changed) =>
      latest.current.onChange(changed),
    );
    const created = new EditorView({ state, parent: root, root });
    view.current = created;
    return () => {
      created.destroy();
      view.current = null;
    };
  }, [routerId]);

  useEffect(() => {
    view.current?.dispatch({
      effects: labelCompartment.current.reconfigure(contentLabel(label)),
    });
  }, [label]);

  // A value from outside (the document's own undo, another router's edit) replaces only the
  // part that differs, so the cursor and the undo history stay where they are elsewhere.
  useEffect(() => {
    const current = view.current;
    if (current === null) return;
    const change = textChange(current.state.doc.toString(), value);
    if (change === null) return;
    current.dispatch({
      changes: change,
      annotations: [external.of(true), Transaction.addToHistory.of(false)],
    });
  }, [value]);

  return <div ref={host} className={['ios-config-editor', className].filter(Boolean).join(' ')} />;
}

export default IosConfigEditor;
