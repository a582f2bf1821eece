// Pan and zoom of the topology SVG as React state. The d3-zoom behaviour itself
// (panZoomBehaviour.ts, with d3-selection and d3-zoom) loads after the first draw: the first
// frame does not need it, and a button pressed before it arrives acts once it has.

import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { IDENTITY_ZOOM, type ZoomState } from './geometry';
import type { PanZoomHandle } from './panZoomBehaviour';

/** Scale factor of one zoom-in / zoom-out button press. */
export const ZOOM_STEP = 1.5;

export interface PanZoom {
  svgRef: RefObject<SVGSVGElement | null>;
  transform: ZoomState;
  /** Back to the fitted view (identity transform). */
  resetView: () => void;
  zoomBy: (factor: number) => void;
}

/**
 * @param resetKey when it changes (another layout), the view returns to the fitted one
 */
export function usePanZoom(resetKey: string): PanZoom {
  const svgRef = useRef<SVGSVGElement | null>(null);
  /** The behaviour attached to the SVG, once loaded; null before and after the SVG's life. */
  const handle = useRef<Promise<PanZoomHandle | null> | null>(null);
  const [transform, setTransform] = useState<ZoomState>(IDENTITY_ZOOM);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    // StrictMode mounts, unmounts and mounts again: a behaviour that arrives after its effect
    // was cleaned up is never attached, so the SVG has one set of listeners.
    let live = true;
    const attached = import('./panZoomBehaviour').then(({ attachPanZoom }) =>
      live
        ? attachPanZoom(svg, ({ k, x, y }) =>
            setTransform((old) => (old.k === k && old.x === x && old.y === y ? old : { k, x, y })),
          )
        : null,
    );
    handle.current = attached;
    return () => {
      live = false;
      handle.current = null;
      void attached.then((h) => h?.detach());
    };
  }, []);

  const resetView = useCallback(() => {
    if (handle.current) void handle.current.then((h) => h?.reset());
    else setTransform(IDENTITY_ZOOM);
  }, []);

  const zoomBy = useCallback((factor: number) => {
    void handle.current?.then((h) => h?.scaleBy(factor));
  }, []);

  // A new layout starts fitted; a re-run of the same layout (an injected action) keeps the view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: resetKey is the trigger
  useEffect(() => {
    resetView();
  }, [resetKey, resetView]);

  return { svgRef, transform, resetView, zoomBy };
}
