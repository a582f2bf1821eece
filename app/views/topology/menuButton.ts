// What makes an SVG group act as a button that opens its action menu (click, Enter, Space), or,
// for a read-only source (compare), a labelled picture.

import type { KeyboardEvent, MouseEvent } from 'react';

export type Activate = (id: string, element: Element) => void;

export function menuButtonProps(id: string, menuOpen: boolean, onActivate?: Activate) {
  if (!onActivate) return { role: 'img' };
  return {
    role: 'button',
    tabIndex: 0,
    'aria-haspopup': 'dialog',
    'aria-expanded': menuOpen,
    onClick: (event: MouseEvent<SVGGElement>) => {
      event.stopPropagation();
      onActivate(id, event.currentTarget);
    },
    onKeyDown: (event: KeyboardEvent<SVGGElement>) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      event.stopPropagation();
      onActivate(id, event.currentTarget);
    },
  } as const;
}

/** A menu button's name ends in "Actions…"; a picture's does not. */
export function menuButtonLabel(label: string, onActivate?: Activate): string {
  return onActivate ? label : label.replace(/\. Actions…$/, '');
}
