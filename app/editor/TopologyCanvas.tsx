// The editor's topology: routers and clouds where the document places them (x, y), the links
// between them with their latency. Click a node or a link to select it; drag a node to move it
// (one undo step per drag); in "draw link" mode, click one node, then another, to join them.
// Nodes are buttons for the keyboard too: Enter selects, Delete removes, arrows move by 10.

import {
  type KeyboardEvent,
  type PointerEvent,
  type RefObject,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import type { Scenario, ScenarioNode } from '../scenario/types';

export type Selection = { kind: 'node'; id: string } | { kind: 'link'; id: string } | null;

/** Sizes on screen, in CSS pixels, whatever the scale of the drawing. */
const NODE_RADIUS_PX = 22;
const LABEL_PX = 16;
const LINK_LABEL_PX = 14;
/** Room around the nodes' bounds for their names. */
const PADDING_PX = 56;
/** The least span of the drawing in document units, so that two close nodes are not blown up. */
const MIN_SPAN = 300;
const KEY_STEP = 10;
/** The canvas's size until it has been measured. */
const DEFAULT_BOX = { width: 800, height: 420 };

interface ViewBox {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Document units per CSS pixel. */
  unit: number;
}

/** The nodes' bounds centred in a canvas of `box` CSS pixels, with PADDING_PX around them. */
function fitViewBox(
  nodes: readonly ScenarioNode[],
  box: { width: number; height: number },
): ViewBox {
  const xs = nodes.map((node) => node.x);
  const ys = nodes.map((node) => node.y);
  const left = nodes.length === 0 ? 0 : Math.min(...xs);
  const right = nodes.length === 0 ? MIN_SPAN : Math.max(...xs);
  const top = nodes.length === 0 ? 0 : Math.min(...ys);
  const bottom = nodes.length === 0 ? MIN_SPAN : Math.max(...ys);
  const usableWidth = Math.max(box.width - 2 * PADDING_PX, 50);
  const usableHeight = Math.max(box.height - 2 * PADDING_PX, 50);
  const unit = Math.max(
    Math.max(right - left, MIN_SPAN) / usableWidth,
    Math.max(bottom - top, MIN_SPAN) / usableHeight,
  );
  const width = box.width * unit;
  const height = box.height * unit;
  return { x: (left + right - width) / 2, y: (top + bottom - height) / 2, width, height, unit };
}

/** The element's size in CSS pixels, followed as it changes. */
function useElementBox(ref: RefObject<Element | null>): { width: number; height: number } {
  const [box, setBox] = useState(DEFAULT_BOX);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const observer = new ResizeObserver(([entry]) => {
      const rect = entry?.contentRect;
      if (rect !== undefined && rect.width > 0 && rect.height > 0)
        setBox({ width: rect.width, height: rect.height });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return box;
}

function svgPoint(svg: SVGSVGElement, event: PointerEvent): { x: number; y: number } {
  const matrix = svg.getScreenCTM();
  if (matrix === null) return { x: 0, y: 0 };
  const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
  return { x: point.x, y: point.y };
}

interface Drag {
  id: string;
  pointerId: number;
  /** Pointer offset from the node's centre, so the node does not jump to the pointer. */
  dx: number;
  dy: number;
  moved: boolean;
}

export function TopologyCanvas({
  document,
  selection,
  drawingLink,
  onSelect,
  onMove,
  onMoveEnd,
  onLink,
  onRemove,
}: {
  document: Scenario;
  selection: Selection;
  /** In draw-link mode, a node click picks an end instead of selecting. */
  drawingLink: boolean;
  onSelect: (selection: Selection) => void;
  onMove: (id: string, x: number, y: number) => void;
  onMoveEnd: () => void;
  onLink: (a: string, b: string) => void;
  onRemove: (selection: NonNullable<Selection>) => void;
}) {
  const svgRef = useRef<SVGSVGElement>(null);
  const drag = useRef<Drag | null>(null);
  // Frozen while a node is dragged, so that the drawing does not rescale under the pointer.
  const [frozen, setFrozen] = useState<ViewBox | null>(null);
  const [linkStart, setLinkStart] = useState<string | null>(null);
  const box = useElementBox(svgRef);
  const viewBox = frozen ?? fitViewBox(document.nodes, box);
  const px = (size: number) => size * viewBox.unit;
  const byId = new Map(document.nodes.map((node) => [node.id, node]));
  const start = drawingLink ? linkStart : null;

  const pickNode = (id: string) => {
    if (!drawingLink) {
      onSelect({ kind: 'node', id });
      return;
    }
    if (start === null) setLinkStart(id);
    else {
      if (start !== id) onLink(start, id);
      setLinkStart(null);
    }
  };

  const onPointerDown = (event: PointerEvent<SVGGElement>, node: ScenarioNode) => {
    const svg = svgRef.current;
    if (svg === null || event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.focus();
    if (drawingLink) {
      pickNode(node.id);
      return;
    }
    const at = svgPoint(svg, event);
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = {
      id: node.id,
      pointerId: event.pointerId,
      dx: at.x - node.x,
      dy: at.y - node.y,
      moved: false,
    };
    setFrozen(viewBox);
    onSelect({ kind: 'node', id: node.id });
  };

  const onPointerMove = (event: PointerEvent<SVGGElement>) => {
    const current = drag.current;
    const svg = svgRef.current;
    if (current === null || svg === null || current.pointerId !== event.pointerId) return;
    const at = svgPoint(svg, event);
    current.moved = true;
    onMove(current.id, Math.round(at.x - current.dx), Math.round(at.y - current.dy));
  };

  const endDrag = (event: PointerEvent<SVGGElement>) => {
    const current = drag.current;
    if (current === null || current.pointerId !== event.pointerId) return;
    drag.current = null;
    setFrozen(null);
    if (current.moved) onMoveEnd();
  };

  const onNodeKey = (event: KeyboardEvent, node: ScenarioNode) => {
    const arrows: Record<string, [number, number]> = {
      ArrowLeft: [-KEY_STEP, 0],
      ArrowRight: [KEY_STEP, 0],
      ArrowUp: [0, -KEY_STEP],
      ArrowDown: [0, KEY_STEP],
    };
    const arrow = arrows[event.key];
    if (arrow !== undefined) {
      event.preventDefault();
      onMove(node.id, node.x + arrow[0], node.y + arrow[1]);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      pickNode(node.id);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      onRemove({ kind: 'node', id: node.id });
    }
  };

  return (
    <svg
      ref={svgRef}
      className="ed-canvas"
      viewBox={`${viewBox.x} ${viewBox.y} ${viewBox.width} ${viewBox.height}`}
      preserveAspectRatio="xMidYMid meet"
      data-testid="editor.canvas"
      data-drawing-link={drawingLink || undefined}
      aria-label="Topology"
      onPointerDown={(event) => {
        if (event.target === event.currentTarget) onSelect(null);
      }}
    >
      {document.links.map((link) => {
        const a = byId.get(link.a);
        const b = byId.get(link.b);
        if (a === undefined || b === undefined) return null;
        const selected = selection?.kind === 'link' && selection.id === link.id;
        const select = () => onSelect({ kind: 'link', id: link.id });
        return (
          // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>.
          <g
            key={link.id}
            className="ed-link"
            data-selected={selected || undefined}
            data-testid={`editor.link.${link.id}`}
            role="button"
            tabIndex={0}
            aria-label={`link ${link.id}, ${link.a} to ${link.b}, ${link.latencyMs} ms`}
            aria-pressed={selected}
            onPointerDown={(event) => {
              event.stopPropagation();
              select();
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') select();
              else if (event.key === 'Delete' || event.key === 'Backspace')
                onRemove({ kind: 'link', id: link.id });
            }}
          >
            <line className="ed-link-hit" x1={a.x} y1={a.y} x2={b.x} y2={b.y} />
            <line className="ed-link-line" x1={a.x} y1={a.y} x2={b.x} y2={b.y} />
            <text
              className="ed-link-label"
              x={(a.x + b.x) / 2}
              y={(a.y + b.y) / 2 - px(8)}
              fontSize={px(LINK_LABEL_PX)}
            >
              {link.latencyMs} ms
            </text>
          </g>
        );
      })}
      {document.nodes.map((node) => {
        const selected = selection?.kind === 'node' && selection.id === node.id;
        return (
          // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>.
          <g
            key={node.id}
            className={`ed-node ed-node-${node.kind}`}
            transform={`translate(${node.x} ${node.y})`}
            data-selected={selected || undefined}
            data-link-start={start === node.id || undefined}
            data-testid={`editor.node.${node.id}`}
            role="button"
            tabIndex={0}
            aria-label={`${node.kind} ${node.id}`}
            aria-pressed={selected}
            onPointerDown={(event) => onPointerDown(event, node)}
            onPointerMove={onPointerMove}
            onPointerUp={endDrag}
            onPointerCancel={endDrag}
            onKeyDown={(event) => onNodeKey(event, node)}
          >
            {node.kind === 'router' ? (
              <circle r={px(NODE_RADIUS_PX)} />
            ) : (
              <ellipse rx={px(NODE_RADIUS_PX * 1.5)} ry={px(NODE_RADIUS_PX * 0.9)} />
            )}
            <text
              className="ed-node-label"
              y={px(NODE_RADIUS_PX + LABEL_PX + 2)}
              fontSize={px(LABEL_PX)}
            >
              {node.id}
            </text>
            <text className="ed-node-kind" y={px(LABEL_PX / 3)} fontSize={px(LABEL_PX)}>
              {node.kind === 'router' ? 'R' : '☁'}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
