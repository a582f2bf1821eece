// A vertical bar between the stage and a side panel that resizes the panel: drag it with the
// pointer, or focus it and use the arrow keys (WAI-ARIA window splitter pattern: a focusable
// separator whose value is the panel's width). Enter folds and unfolds the panel.

import { type KeyboardEvent, type PointerEvent, useRef } from 'react';

/** Arrow keys move the bar by this much (with Shift: by BIG_STEP_PX). */
const STEP_PX = 16;
const BIG_STEP_PX = 64;

export interface SplitterProps {
  /** What it resizes, as a screen reader says it: "Resize the side panel". */
  label: string;
  /** The id of the panel it resizes. */
  controls: string;
  valuePx: number;
  minPx: number;
  maxPx: number;
  onResize: (px: number) => void;
  /** Folds the panel (Enter on the bar). */
  onCollapse: () => void;
  testId: string;
}

/** For a panel on the right of the bar: moving the bar left makes the panel wider. */
export function Splitter({
  label,
  controls,
  valuePx,
  minPx,
  maxPx,
  onResize,
  onCollapse,
  testId,
}: SplitterProps) {
  const drag = useRef<{ pointerId: number; startX: number; startPx: number } | null>(null);
  const resize = (px: number) => onResize(Math.round(Math.max(minPx, Math.min(maxPx, px))));

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus({ preventScroll: true });
    drag.current = { pointerId: event.pointerId, startX: event.clientX, startPx: valuePx };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    if (start?.pointerId !== event.pointerId) return;
    resize(start.startPx - (event.clientX - start.startX));
  };
  const endDrag = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current?.pointerId !== event.pointerId) return;
    drag.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId))
      event.currentTarget.releasePointerCapture(event.pointerId);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const step = event.shiftKey ? BIG_STEP_PX : STEP_PX;
    switch (event.key) {
      case 'ArrowLeft':
        resize(valuePx + step);
        break;
      case 'ArrowRight':
        resize(valuePx - step);
        break;
      case 'Home':
        resize(maxPx);
        break;
      case 'End':
        resize(minPx);
        break;
      case 'Enter':
        onCollapse();
        break;
      default:
        return;
    }
    // The page's shortcuts (arrows step the playback) leave a handled key alone.
    event.preventDefault();
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a focusable window splitter; <hr> cannot take focus or keys.
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-controls={controls}
      aria-valuenow={valuePx}
      aria-valuemin={minPx}
      aria-valuemax={maxPx}
      aria-valuetext={`${valuePx} pixels wide`}
      tabIndex={0}
      title="Drag, or focus and use ← →, to resize; Enter folds the panel"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onKeyDown={onKeyDown}
      data-testid={testId}
    />
  );
}
