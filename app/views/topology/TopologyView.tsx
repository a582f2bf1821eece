// The topology stage: routers, clouds and links where the scenario puts them, packets flying
// along their paths and drops where they die, all drawn by React from the frame at the cursor.
// Layers are split by how often they change: links and clouds (static: layout, zoom, link
// state), routers (memoised glyphs that redraw only when their status changes) and the moving
// layer (packets, drops: every frame, O(visible packets)). Labels are placed in two passes: the
// routers' badges and tags when a router's drawing changes (staticLabels), then the packets' and
// drops' labels every frame around them (frameLayout), none covering another or a name.

import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Run } from '../../sim/run';
import { frameFor } from '../../store/useFrame';
import { useRunSource, useView, useViewFrame, useViewRun } from '../runContext';
import { ActionMenu, MENU_WIDTH_PX, type MenuTarget } from './ActionMenu';
import { CloudGlyph } from './CloudGlyph';
import { DropLabels, DropMarks } from './DropLayer';
import { layoutMoving } from './frameLayout';
import {
  type Bounds,
  fitView,
  type Point,
  suggestedHeight,
  toScreen,
  visibleBounds,
} from './geometry';
import { downLinksKey, LinksLayer } from './LinksLayer';
import { PacketLayer } from './PacketLayer';
import { RouterGlyph } from './RouterGlyph';
import { statusKey } from './routerStatus';
import { ScannerTag, scannersByNode } from './ScannerTag';
import {
  FULL_GLYPH_MIN_SPACING_PX,
  isCompactAt,
  placeStaticLabels,
  type StaticLabels,
  stacksKey,
} from './staticLabels';
import { stableStatuses, staleSpiKeys } from './statusMemo';
import { TopologyLegend } from './TopologyLegend';
import { type TopologyIndex, topologyIndex } from './topologyIndex';
import { useElementSize } from './useElementSize';
import { usePanZoom, ZOOM_STEP } from './usePanZoom';
import './topology.css';

/** Glyph px kept around the outermost node centres: half a router glyph and its badges. */
const MARGIN_PX = { x: 100, y: 96 };
/** The same when every router is a compact square. */
const COMPACT_MARGIN_PX = 44;
/**
 * Glyphs are designed in "glyph px" (18 px names, 13.5 px badges) and drawn at that size on a
 * stage of REFERENCE_WIDTH_PX or less; wider stages (1920 projectors) draw them up to
 * MAX_GLYPH_SCALE larger.
 */
const REFERENCE_WIDTH_PX = 820;
const MAX_GLYPH_SCALE = 1.35;
const MIN_HEIGHT_PX = 300;
/** CSS caps the stage at 72vh as well. */
const MAX_HEIGHT_PX = 960;
/** Size before the first measurement (and in jsdom). */
const FALLBACK_SIZE = { width: 960, height: 400 };
/** Labels keep this far (px) inside the stage's edges. */
const STAGE_INSET_PX = 4;
/** How to use the stage; with compact chrome it heads the packet key. */
const HINT = 'Click a router or link for actions; drag to pan';
const READ_ONLY_HINT = 'Drag to pan';

/**
 * `fill`: the stage takes the height its container gives the section (a flex or grid item with a
 * definite height, such as presenter mode's), instead of the height the topology's shape asks for.
 * `compact`: the chrome gives the drawing the height (the studio, compare): the zoom buttons float
 * in the drawing's bottom-right corner, the hint and the packet key fold behind a Key button on a
 * short stage (CSS).
 */
export function TopologyView({
  fill = false,
  compact = false,
}: {
  fill?: boolean;
  compact?: boolean;
}) {
  const run = useViewRun();
  return (
    <section
      className={compact ? 'topo topo-compact' : 'topo'}
      aria-label="Topology"
      data-testid="topology"
      data-fill={fill}
    >
      {run && <TopologyStage run={run} fill={fill} compact={compact} />}
    </section>
  );
}

function TopologyStage({ run, fill, compact }: { run: Run; fill: boolean; compact: boolean }) {
  const index = topologyIndex(run);
  const [stageRef, size] = useElementSize<HTMLDivElement>(FALLBACK_SIZE);
  const glyphScale = Math.max(1, Math.min(MAX_GLYPH_SCALE, size.width / REFERENCE_WIDTH_PX));
  const margin = { x: MARGIN_PX.x * glyphScale, y: MARGIN_PX.y * glyphScale };
  const height = suggestedHeight(index.bounds, size.width, margin, MIN_HEIGHT_PX, MAX_HEIGHT_PX);
  const view = useMemo(() => {
    const full = fitView(index.bounds, size, { x: margin.x, y: margin.y });
    // When every router is drawn compact (a dense ring), compact margins suffice; but not when
    // the larger scale they allow would draw some router full again (it would be cut off).
    const roomiest = Math.max(0, ...index.routers.map((r) => index.nearest.get(r.id) ?? 0));
    const anyFull = (scale: number) => (roomiest * scale) / glyphScale >= FULL_GLYPH_MIN_SPACING_PX;
    if (anyFull(full.scale)) return full;
    const compactPx = COMPACT_MARGIN_PX * glyphScale;
    const compact = fitView(index.bounds, size, { x: compactPx, y: compactPx });
    return anyFull(compact.scale) ? full : compact;
  }, [index, size, margin.x, margin.y, glyphScale]);
  const { svgRef, transform, resetView, zoomBy } = usePanZoom(index.layoutKey);
  /** Glyph px per scenario unit: every layer draws its glyphs in a group scaled by 1 / this. */
  const pxPerUnit = (view.scale * transform.k) / glyphScale;
  const unit = 1 / pxPerUnit;

  const { select } = useRunSource();
  const selection = useView((s) => s.selection);
  const downKey = useView((s) => (s.run ? downLinksKey(frameFor(s.run, s.t).linksUp) : ''));
  // Changes only when a router's drawing changes (see stableStatuses), not on every frame.
  const statuses = useView((s) =>
    s.run ? stableStatuses(frameFor(s.run, s.t), topologyIndex(s.run)) : null,
  );
  const [menu, setMenu] = useState<MenuTarget | null>(null);
  const anchor = useRef<Element | null>(null);
  /** With compact chrome, the packet key's Key button (see .topo-key in the studio's CSS). */
  const [keyOpen, setKeyOpen] = useState(false);
  const keyId = useId();

  const open = useCallback(
    (target: MenuTarget, element: Element) => {
      select?.({ kind: target.kind, id: target.id });
      anchor.current = element;
      setMenu((old) => (old?.kind === target.kind && old.id === target.id ? null : target));
    },
    [select],
  );
  const openRouter = useCallback(
    (id: string, element: Element) => open({ kind: 'router', id }, element),
    [open],
  );
  const openLink = useCallback(
    (id: string, element: Element) => open({ kind: 'link', id }, element),
    [open],
  );
  const closeMenu = useCallback((refocus: boolean) => {
    setMenu(null);
    const element = anchor.current;
    if (refocus && element && 'focus' in element) (element as SVGElement).focus();
  }, []);
  // A pointer pressed outside the menu and its glyph closes the menu (a press on the glyph
  // lets its click toggle it).
  const menuElement = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (!menu) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (!target || menuElement.current?.contains(target) || anchor.current?.contains(target))
        return;
      setMenu(null);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [menu]);
  // A different layout has different nodes: the menu's target may be gone.
  // biome-ignore lint/correctness/useExhaustiveDependencies: layoutKey is the trigger
  useEffect(() => setMenu(null), [index.layoutKey]);

  const menuAt = menu
    ? menuPosition(menu, index, view, transform, size, pxPerUnit, glyphScale)
    : null;
  const selectedRouter = selection?.kind === 'router' ? selection.id : null;
  const selectedLink = selection?.kind === 'link' ? selection.id : null;
  const { viewBox } = view;
  const bounds = useMemo(() => {
    const visible = visibleBounds(view, transform);
    return {
      minX: visible.minX * pxPerUnit + STAGE_INSET_PX,
      minY: visible.minY * pxPerUnit + STAGE_INSET_PX,
      maxX: visible.maxX * pxPerUnit - STAGE_INSET_PX,
      maxY: visible.maxY * pxPerUnit - STAGE_INSET_PX,
    };
  }, [view, transform, pxPerUnit]);
  const labels = useMemo(
    () =>
      statuses &&
      placeStaticLabels({
        index,
        statuses,
        pxPerUnit,
        selectedId: selectedRouter,
        down: new Set(downKey ? downKey.split(' ') : []),
        bounds,
      }),
    [index, statuses, pxPerUnit, selectedRouter, downKey, bounds],
  );

  /** With compact chrome, the buttons float in the drawing's bottom-right corner, like a map's. */
  const zoomButtons = (
    <div className="topo-zoom" title="Ctrl + mouse wheel (or pinch) zooms too">
      <button type="button" aria-label="Zoom in" onClick={() => zoomBy(ZOOM_STEP)}>
        +
      </button>
      <button type="button" aria-label="Zoom out" onClick={() => zoomBy(1 / ZOOM_STEP)}>
        −
      </button>
      <button type="button" onClick={resetView} data-testid="topology.fit">
        Fit
      </button>
      {compact && (
        <button
          type="button"
          className="topo-key-toggle"
          aria-expanded={keyOpen}
          aria-controls={keyId}
          onClick={() => setKeyOpen((open) => !open)}
          data-testid="topology.key"
        >
          Key
        </button>
      )}
    </div>
  );

  return (
    <>
      <div className="topo-bar">
        <h2 className="topo-title">Topology</h2>
        {!compact && <p className="topo-hint">{select ? HINT : READ_ONLY_HINT}</p>}
        {!compact && zoomButtons}
      </div>
      <div className="topo-stage" ref={stageRef} style={fill ? undefined : { height }}>
        <svg
          ref={svgRef}
          className="topo-svg"
          viewBox={`${viewBox.x} ${viewBox.y} ${viewBox.width} ${viewBox.height}`}
          preserveAspectRatio="xMidYMid meet"
          aria-label="Network diagram: routers, links and packets in flight"
          data-zoom={transform.k.toFixed(2)}
        >
          <g transform={`translate(${transform.x} ${transform.y}) scale(${transform.k})`}>
            <LinksLayer
              links={index.links}
              unit={unit}
              downKey={downKey}
              selectedId={selectedLink}
              menuId={menu?.kind === 'link' ? menu.id : null}
              onActivate={select && openLink}
            />
            <g className="topo-clouds">
              {index.clouds.map((cloud) => (
                <CloudGlyph
                  key={cloud.id}
                  id={cloud.id}
                  x={cloud.x}
                  y={cloud.y}
                  unit={unit}
                  compact={isCompactAt(index, cloud.id, pxPerUnit)}
                />
              ))}
              {scannersByNode(index.scanners).map((group) => (
                <ScannerTag key={group[0]?.node} scanners={group} unit={unit} />
              ))}
            </g>
            {labels && (
              <>
                <RoutersLayer
                  labels={labels}
                  unit={unit}
                  selectedId={selectedRouter}
                  menuId={menu?.kind === 'router' ? menu.id : null}
                  onActivate={select && openRouter}
                />
                <MovingLayer index={index} pxPerUnit={pxPerUnit} labels={labels} bounds={bounds} />
              </>
            )}
          </g>
        </svg>
        {compact && zoomButtons}
        {menu && menuAt && (
          <ActionMenu
            target={menu}
            left={menuAt.x}
            top={menuAt.y}
            onClose={closeMenu}
            containerRef={menuElement}
          />
        )}
      </div>
      {compact ? (
        <div id={keyId} className="topo-key" data-open={keyOpen}>
          <p className="topo-hint">{select ? HINT : READ_ONLY_HINT}</p>
          <TopologyLegend hsrp={index.hasHsrp} />
        </div>
      ) : (
        <TopologyLegend hsrp={index.hasHsrp} />
      )}
    </>
  );
}

/** Where the menu goes: beside the glyph, inside the stage. */
function menuPosition(
  menu: MenuTarget,
  index: TopologyIndex,
  view: ReturnType<typeof fitView>,
  zoom: { k: number; x: number; y: number },
  size: { width: number; height: number },
  pxPerUnit: number,
  glyphScale: number,
): Point | null {
  const at =
    menu.kind === 'router'
      ? index.positions.get(menu.id)
      : index.links.find((l) => l.id === menu.id)?.mid;
  if (!at) return null;
  const screen = toScreen(at, view, zoom);
  const compact = isCompactAt(index, menu.id, pxPerUnit);
  const gap = (menu.kind === 'link' ? 24 : compact ? 28 : 82) * glyphScale;
  let x = screen.x + gap;
  if (x + MENU_WIDTH_PX > size.width - 4) x = screen.x - gap - MENU_WIDTH_PX;
  // The menu may overhang the stage's bottom edge (over the legend), not its top.
  const y = Math.max(4, Math.min(size.height - 120, screen.y - 40));
  return { x: Math.max(4, x), y };
}

function RoutersLayer({
  labels,
  unit,
  selectedId,
  menuId,
  onActivate,
}: {
  labels: StaticLabels;
  unit: number;
  selectedId: string | null;
  menuId: string | null;
  /** Absent for a read-only source (compare): the routers are pictures, not buttons. */
  onActivate?: (id: string, element: Element) => void;
}) {
  return (
    <g className="topo-routers">
      {labels.looks.map((look) => {
        const stacks = labels.stacks.get(look.id) ?? [];
        return (
          <RouterGlyph
            key={look.id}
            status={look.status}
            statusKey={statusKey(look.status)}
            x={look.x}
            y={look.y}
            unit={unit}
            compactSize={look.compactSize}
            showName={look.showName}
            stacks={stacks}
            stacksKey={stacksKey(stacks)}
            selected={selectedId === look.id}
            menuOpen={menuId === look.id}
            onActivate={onActivate}
          />
        );
      })}
    </g>
  );
}

/**
 * Packets and drops with their labels: the only layer whose work every frame is more than a
 * memo check. While playing, each label first tries the slot it had in the previous frame, so
 * labels do not hop as packets move; a paused picture depends on t alone.
 */
function MovingLayer({
  index,
  pxPerUnit,
  labels,
  bounds,
}: {
  index: TopologyIndex;
  pxPerUnit: number;
  labels: StaticLabels;
  bounds: Bounds;
}) {
  const frame = useViewFrame();
  const playing = useView((s) => s.playing);
  const slots = useRef<Map<string, number>>(new Map());
  if (!frame) return null;
  const layout = layoutMoving(frame, index, staleSpiKeys(frame, index), pxPerUnit, labels, {
    bounds,
    previous: playing ? slots.current : undefined,
  });
  slots.current = layout.slots;
  const unit = 1 / pxPerUnit;
  const { summary } = layout;
  return (
    <>
      <DropMarks drops={layout.drops} unit={unit} />
      <PacketLayer packets={layout.packets} unit={unit} />
      <DropLabels drops={layout.drops} unit={unit} />
      {summary && layout.hidden > 0 && (
        <text
          className="topo-hidden-labels"
          transform={`translate(${(summary.x - summary.width / 2) * unit} ${(summary.y + 5) * unit}) scale(${unit})`}
          data-label="summary"
          data-testid="topology.hidden-labels"
        >
          {`+${layout.hidden} label${layout.hidden === 1 ? '' : 's'} hidden`}
        </text>
      )}
    </>
  );
}
