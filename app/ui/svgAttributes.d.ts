// SVG elements take keyboard focus through the lower-case `tabindex` attribute. Preact (our
// renderer, through preact/compat) writes SVG props as attributes by their JSX name, and SVG
// attribute names are case-sensitive, so `tabIndex` on an SVG element would have no effect.
// Focusable SVG groups therefore write `tabindex`, which this declaration allows.
import 'react';

declare module 'react' {
  interface SVGAttributes<T> {
    tabindex?: number | undefined;
  }
}
