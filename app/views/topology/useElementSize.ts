// The content box of an element in CSS px, followed with a ResizeObserver.

import { type RefCallback, useCallback, useState } from 'react';
import type { Size } from './geometry';

/**
 * A ref callback for the element, and its size (`fallback` until measured, and in environments
 * without layout such as jsdom, where clientWidth is 0).
 */
export function useElementSize<T extends HTMLElement>(fallback: Size): [RefCallback<T>, Size] {
  const [size, setSize] = useState<Size>(fallback);
  const ref = useCallback((element: T | null) => {
    if (!element) return;
    const measure = (width: number, height: number) => {
      if (width <= 0 || height <= 0) return;
      setSize((old) => (old.width === width && old.height === height ? old : { width, height }));
    };
    measure(element.clientWidth, element.clientHeight);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (box) measure(Math.round(box.width), Math.round(box.height));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, size];
}
