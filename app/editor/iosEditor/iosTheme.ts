// The editor's look, from the app's design tokens (custom properties inherit into the editor's
// shadow root): the app's monospace at 15px for the projector, a light surface, the focus ring
// and selection colours of the app's controls.

import { EditorView } from '@codemirror/view';

export const iosTheme = EditorView.theme({
  '&': {
    flex: '1 1 auto',
    minHeight: '0',
    minWidth: '0',
    background: 'var(--surface)',
    color: 'var(--ink)',
    border: '1px solid var(--control-line)',
    borderRadius: 'var(--radius)',
    fontSize: '15px',
  },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '1px' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.45', overflow: 'auto' },
  '.cm-content': { caretColor: 'var(--ink)' },
  '.cm-gutters': {
    background: 'var(--bg)',
    color: 'var(--ink-muted)',
    borderRight: '1px solid var(--line)',
  },
  '.cm-activeLine': { background: '#eef3f9' },
  '.cm-activeLineGutter': { background: '#e1e8f0', color: 'var(--ink)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground':
    { background: '#c9daf0' },
  '.cm-tooltip': {
    fontFamily: 'var(--sans)',
    fontSize: '14px',
    border: '1px solid var(--control-line)',
    borderRadius: 'var(--radius-sm)',
    background: 'var(--surface)',
    color: 'var(--ink)',
  },
  '.cm-tooltip.cm-tooltip-autocomplete > ul': { fontFamily: 'var(--mono)' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': {
    background: 'var(--accent)',
    color: 'var(--accent-ink)',
  },
  '.cm-completionDetail': {
    fontFamily: 'var(--sans)',
    fontStyle: 'normal',
    opacity: '0.85',
    marginLeft: '1em',
  },
  '.cm-diagnostic': { maxWidth: '38em' },
});
