// d3-zoom on the topology SVG: the one place that owns d3-selection and d3-zoom. Loaded lazily by
// usePanZoom (the first drawn topology does not need them). d3-zoom listens on the <svg> and
// reports a transform; React draws with it (d3 never touches the drawing). Wheel zooms only with
// Ctrl/⌘ (a plain wheel scrolls the page, as students expect); drag pans.

import { select } from 'd3-selection';
import { zoom, zoomIdentity } from 'd3-zoom';
import type { ZoomState } from './geometry';

const ZOOM_EXTENT: [number, number] = [0.5, 12];

/** What usePanZoom drives once the behaviour is attached. */
export interface PanZoomHandle {
  /** Back to the fitted view (identity transform), reported through onZoom. */
  reset: () => void;
  scaleBy: (factor: number) => void;
  /** Removes d3-zoom's listeners from the SVG. */
  detach: () => void;
}

/** Wheel with Ctrl/⌘ (also a trackpad pinch), or a primary-button drag / touch. */
function acceptsEvent(event: MouseEvent | WheelEvent | TouchEvent): boolean {
  if (event.type === 'wheel') return event.ctrlKey || event.metaKey;
  if ('button' in event && event.button !== 0) return false;
  return !event.ctrlKey;
}

/** Attaches d3-zoom to `svg`; every change of the transform goes to onZoom. */
export function attachPanZoom(
  svg: SVGSVGElement,
  onZoom: (transform: ZoomState) => void,
): PanZoomHandle {
  const selection = select(svg);
  const behaviour = zoom<SVGSVGElement, unknown>()
    .scaleExtent(ZOOM_EXTENT)
    .filter(acceptsEvent)
    .on('zoom', (event: { transform: ZoomState }) => {
      const { k, x, y } = event.transform;
      onZoom({ k, x, y });
    });
  selection.call(behaviour).on('dblclick.zoom', null);
  return {
    reset: () => behaviour.transform(selection, zoomIdentity),
    scaleBy: (factor) => behaviour.scaleBy(selection, factor),
    detach: () => {
      selection.on('.zoom', null);
    },
  };
}
