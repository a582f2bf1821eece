// Which keys the focused element needs for itself, so that a page shortcut must not take them:
// letters in a text field, arrows in a select, a slider or a radio group, Space on a button.

const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
  'date',
  'time',
  'datetime-local',
  'month',
  'week',
]);

/** ARIA widgets that move with the arrow keys. */
const ARROW_ROLES = new Set([
  'slider',
  'spinbutton',
  'radiogroup',
  'radio',
  'tablist',
  'tab',
  'listbox',
  'option',
  'menu',
  'menubar',
  'menuitem',
  'tree',
  'treeitem',
  'grid',
  'gridcell',
  'combobox',
]);

/** Elements that Space (and Enter) activate. */
const SPACE_ROLES = new Set(['button', 'switch', 'checkbox', 'link', 'menuitem', 'option', 'tab']);

function isTextEntry(element: Element): boolean {
  if (element instanceof HTMLElement && element.isContentEditable) return true;
  const tag = element.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (element.getAttribute('type') ?? 'text').toLowerCase();
    return TEXT_INPUT_TYPES.has(type);
  }
  return false;
}

function role(element: Element): string | null {
  const explicit = element.getAttribute('role');
  if (explicit) return explicit;
  const tag = element.tagName;
  if (tag === 'BUTTON' || tag === 'SUMMARY') return 'button';
  if (tag === 'A' && element.hasAttribute('href')) return 'link';
  if (tag === 'INPUT') {
    const type = (element.getAttribute('type') ?? 'text').toLowerCase();
    if (type === 'range') return 'slider';
    if (type === 'radio') return 'radio';
    if (type === 'checkbox') return 'checkbox';
    if (type === 'button' || type === 'submit' || type === 'reset') return 'button';
  }
  return null;
}

/**
 * The element that has focus when `element` is the host of an open shadow root (the IOS config
 * editor lives in one): outside it, focus and key events name the host only.
 */
function deepFocus(element: Element): Element {
  let focused = element;
  for (
    let inner = focused.shadowRoot?.activeElement;
    inner;
    inner = inner.shadowRoot?.activeElement
  )
    focused = inner;
  return focused;
}

/**
 * True when the element with focus (or the shadow host holding it) uses `key` itself (so a page shortcut must leave it alone).
 * Text fields and selects keep every key; arrow widgets keep arrows, Home/End and pages; buttons,
 * switches, checkboxes and links keep Space and Enter.
 */
export function focusClaimsKey(key: string, focusedOrHost: Element | null): boolean {
  if (!focusedOrHost) return false;
  const focused = deepFocus(focusedOrHost);
  if (isTextEntry(focused)) return true;
  const r = role(focused);
  if (r === null) return false;
  if (key.startsWith('Arrow') || key === 'Home' || key === 'End' || key.startsWith('Page'))
    return ARROW_ROLES.has(r);
  if (key === ' ' || key === 'Enter') return SPACE_ROLES.has(r);
  return false;
}
