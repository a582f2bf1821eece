// Pan and zoom of the topology SVG: the one place that owns d3-selection and d3-zoom. d3-zoom
// listens on the <svg> and reports a transform; React draws with it (d3 never touches the
// drawing). Wheel zooms only with Ctrl/⌘ (a plain wheel scrolls the page, as students expect);
// drag pans; the buttons zoom and fit from the keyboard.

import { select } from 'd3-selection';
import { type ZoomBehavior, zoom, zoomIdentity } from 'd3-zoom';
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { IDENTITY_ZOOM, type ZoomState } from './geometry';

export const ZOOM_EXTENT: [number, number] = [0.5, 12];
/** Scale factor of one zoom-in / zoom-out button press. */
export const ZOOM_STEP = 1.5;

export interface PanZoom {
  svgRef: RefObject<SVGSVGElement | null>;
  transform: ZoomState;
  /** Back to the fitted view (identity transform). */
  resetView: () => void;
  zoomBy: (factor: number) => void;
}

/** Wheel with Ctrl/⌘ (also a trackpad pinch), or a primary-button drag / touch. */
function acceptsEvent(event: MouseEvent | WheelEvent | TouchEvent): boolean {
  if (event.type === 'wheel') return event.ctrlKey || event.metaKey;
  if ('button' in event && event.button !== 0) return false;
  return !event.ctrlKey;
}

/**
 * @param resetKey when it changes (another layout), the view returns to the fitted one
 */
export function usePanZoom(resetKey: string): PanZoom {
  const svgRef = useRef<SVGSVGElement | null>(null);
  const behaviour = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const [transform, setTransform] = useState<ZoomState>(IDENTITY_ZOOM);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const selection = select(svg);
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent(ZOOM_EXTENT)
      .filter(acceptsEvent)
      .on('zoom', (event: { transform: ZoomState }) => {
        const { k, x, y } = event.transform;
        setTransform((old) => (old.k === k && old.x === x && old.y === y ? old : { k, x, y }));
      });
    selection.call(z).on('dblclick.zoom', null);
    behaviour.current = z;
    return () => {
      selection.on('.zoom', null);
      behaviour.current = null;
    };
  }, []);

  const resetView = useCallback(() => {
    const svg = svgRef.current;
    if (svg && behaviour.current) behaviour.current.transform(select(svg), zoomIdentity);
    else setTransform(IDENTITY_ZOOM);
  }, []);

  const zoomBy = useCallback((factor: number) => {
    const svg = svgRef.current;
    if (svg && behaviour.current) behaviour.current.scaleBy(select(svg), factor);
  }, []);

  // A new layout starts fitted; a re-run of the same layout (an injected action) keeps the view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: resetKey is the trigger
  useEffect(() => {
    resetView();
  }, [resetKey, resetView]);

  return { svgRef, transform, resetView, zoomBy };
}
