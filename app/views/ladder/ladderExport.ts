// The ladder's visible part as a standalone SVG file, for slides and handouts: the drawing as it
// is on screen (its colours and fonts are attributes), cut to the viewport, on white.

import { downloadBlob } from '../../share/download';
import { fileStem } from '../../share/fileNames';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * The SVG text of `svg` cut to the band from topPx, heightPx tall (px in the drawing's own
 * coordinates), with a white background and no interactive leftovers.
 */
export function visibleLadderSvg(svg: SVGSVGElement, topPx: number, heightPx: number): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const width = svg.getAttribute('width') ?? '800';
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('viewBox', `0 ${topPx} ${width} ${heightPx}`);
  copy.setAttribute('height', String(heightPx));
  copy.removeAttribute('style');
  copy.removeAttribute('class');
  const background = window.document.createElementNS(SVG_NS, 'rect');
  for (const [name, value] of [
    ['x', '0'],
    ['y', String(topPx)],
    ['width', width],
    ['height', String(heightPx)],
    ['fill', '#ffffff'],
  ] as const) {
    background.setAttribute(name, value);
  }
  copy.prepend(background);
  return new XMLSerializer().serializeToString(copy);
}

/** Downloads the visible ladder as `<scenario title> - ladder.svg`; returns the name. */
export function downloadLadderSvg(
  svg: SVGSVGElement,
  topPx: number,
  heightPx: number,
  title: string,
): string {
  const name = `${fileStem(title)} - ladder.svg`;
  const text = visibleLadderSvg(svg, topPx, heightPx);
  downloadBlob(name, new Blob([text], { type: 'image/svg+xml' }));
  return name;
}
