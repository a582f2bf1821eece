// @vitest-environment jsdom
// The component's contract with the scenario editor: a CodeMirror editor (in the host's shadow
// root) labelled for assistive technology, typing reported as the whole text, a new value taken
// in without a history entry, another router starting a fresh history.

import { undoDepth } from '@codemirror/commands';
import { EditorView } from '@codemirror/view';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IosConfigEditor } from './IosConfigEditor';

let container: HTMLDivElement;
let root: Root;

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function editorView(): EditorView {
  const host = container.querySelector('.ios-config-editor');
  const dom = host?.shadowRoot?.querySelector<HTMLElement>('.cm-editor');
  const view = dom === null || dom === undefined ? null : EditorView.findFromDOM(dom);
  if (view === null) throw new Error('no CodeMirror editor in the host');
  return view;
}

describe('IosConfigEditor', () => {
  it('edits a config: label, typed text out, new values in, a fresh history per router', () => {
    const changes: string[] = [];
    const render = (value: string, routerId: string) =>
      act(() =>
        root.render(
          <IosConfigEditor
            value={value}
            onChange={(text) => changes.push(text)}
            label={`${routerId} startup-config`}
            routerId={routerId}
          />,
        ),
      );
    render('hostname R1\n', 'R1');
    const view = editorView();
    expect(view.contentDOM.getAttribute('aria-label')).toBe('R1 startup-config');
    expect(view.state.doc.toString()).toBe('hostname R1\n');

    act(() => view.dispatch({ changes: { from: view.state.doc.length, insert: 'cry isa key K' } }));
    expect(changes).toEqual(['hostname R1\ncry isa key K']);
    expect(undoDepth(view.state)).toBe(1);

    // The parent's value comes back (its own echo, then an edit of its own): only the latter
    // changes the text, neither is reported back nor undoable in the editor.
    render('hostname R1\ncry isa key K', 'R1');
    render('hostname R9\ncry isa key K', 'R1');
    expect(view.state.doc.toString()).toBe('hostname R9\ncry isa key K');
    expect(changes).toHaveLength(1);
    expect(undoDepth(view.state)).toBe(1);

    render('hostname R2\n', 'R2');
    const other = editorView();
    expect(other.state.doc.toString()).toBe('hostname R2\n');
    expect(undoDepth(other.state)).toBe(0);
    expect(other.contentDOM.getAttribute('aria-label')).toBe('R2 startup-config');
  });
});
