// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { focusClaimsKey } from './focusClaims';

function element(html: string): Element {
  const host = document.createElement('div');
  host.innerHTML = html;
  const first = host.firstElementChild;
  if (!first) throw new Error(html);
  return first;
}

describe('focusClaimsKey', () => {
  it('leaves every key to the page when nothing special has focus', () => {
    expect(focusClaimsKey(' ', null)).toBe(false);
    expect(focusClaimsKey('ArrowRight', document.body)).toBe(false);
    expect(focusClaimsKey('ArrowRight', element('<div tabindex="0">log</div>'))).toBe(false);
  });

  it('keeps every key in text fields and selects', () => {
    for (const html of [
      '<input>',
      '<input type="search">',
      '<textarea></textarea>',
      '<select></select>',
    ])
      for (const key of ['a', ' ', 'ArrowLeft', '?'])
        expect(focusClaimsKey(key, element(html)), html).toBe(true);
  });

  it('sees through a shadow root to the text field that has focus there', () => {
    const host = document.createElement('div');
    const field = document.createElement('textarea');
    host.attachShadow({ mode: 'open' }).append(field);
    document.body.append(host);
    expect(focusClaimsKey(' ', host)).toBe(false);
    field.focus();
    expect(document.activeElement).toBe(host);
    expect(focusClaimsKey(' ', host)).toBe(true);
    host.remove();
  });

  it('keeps the arrows in the slider, but not Space', () => {
    const slider = element('<div role="slider" tabindex="0"></div>');
    expect(focusClaimsKey('ArrowRight', slider)).toBe(true);
    expect(focusClaimsKey('Home', slider)).toBe(true);
    expect(focusClaimsKey(' ', slider)).toBe(false);
    expect(focusClaimsKey('a', slider)).toBe(false);
    expect(focusClaimsKey('ArrowLeft', element('<input type="range">'))).toBe(true);
  });

  it('keeps Space on buttons and switches, not the arrows', () => {
    const button = element('<button>Play</button>');
    expect(focusClaimsKey(' ', button)).toBe(true);
    expect(focusClaimsKey('ArrowRight', button)).toBe(false);
    expect(focusClaimsKey(' ', element('<button role="switch"></button>'))).toBe(true);
    expect(focusClaimsKey(' ', element('<input type="checkbox">'))).toBe(true);
    expect(focusClaimsKey('a', element('<input type="checkbox">'))).toBe(false);
  });
});
