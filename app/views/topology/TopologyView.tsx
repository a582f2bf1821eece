// The topology stage: routers, clouds and links where the scenario puts them, packets flying
// along their paths and drops where they die, all drawn by React from the frame at the cursor.
// Layers are split by how often they change: links and clouds (static: layout, zoom, link
// state), routers (memoised glyphs that redraw only when their status changes) and the moving
// layer (packets, drops: every frame, O(visible packets)).

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Run } from '../../sim/run';
import { select } from '../../store/actions';
import { useSimStore } from '../../store/simStore';
import { frameFor, useFrame } from '../../store/useFrame';
import { ActionMenu, MENU_WIDTH_PX, type MenuTarget } from './ActionMenu';
import { CloudGlyph } from './CloudGlyph';
import { DropLayer } from './DropLayer';
import { fitView, type Point, suggestedHeight, toScreen } from './geometry';
import { downLinksKey, LinksLayer } from './LinksLayer';
import { PacketLayer } from './PacketLayer';
import { RouterGlyph } from './RouterGlyph';
import { statusKey } from './routerStatus';
import { stableStatuses } from './statusMemo';
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
/** Below this distance to the nearest node (screen px) a router is drawn compact. */
const FULL_GLYPH_MIN_SPACING_PX = 150;
/** Compact routers print their name when neighbours are at least this far (px). */
const COMPACT_NAME_MIN_SPACING_PX = 72;

export function TopologyView() {
  const run = useSimStore((s) => s.run);
  return (
    <section className="topo" aria-label="Topology" data-testid="topology">
      {run && <TopologyStage run={run} />}
    </section>
  );
}

function TopologyStage({ run }: { run: Run }) {
  const index = topologyIndex(run);
  const [stageRef, size] = useElementSize<HTMLDivElement>(FALLBACK_SIZE);
  const glyphScale = Math.max(1, Math.min(MAX_GLYPH_SCALE, size.width / REFERENCE_WIDTH_PX));
  const margin = { x: MARGIN_PX.x * glyphScale, y: MARGIN_PX.y * glyphScale };
  const height = suggestedHeight(index.bounds, size.width, margin, MIN_HEIGHT_PX, MAX_HEIGHT_PX);
  const view = useMemo(() => {
    const full = fitView(index.bounds, size, { x: margin.x, y: margin.y });
    // When even the roomiest node is drawn compact (a dense ring), compact margins suffice.
    const roomiest = Math.max(0, ...index.routers.map((r) => index.nearest.get(r.id) ?? 0));
    if ((roomiest * full.scale) / glyphScale >= FULL_GLYPH_MIN_SPACING_PX) return full;
    const compact = COMPACT_MARGIN_PX * glyphScale;
    return fitView(index.bounds, size, { x: compact, y: compact });
  }, [index, size, margin.x, margin.y, glyphScale]);
  const { svgRef, transform, resetView, zoomBy } = usePanZoom(index.layoutKey);
  /** Glyph px per scenario unit: every layer draws its glyphs in a group scaled by 1 / this. */
  const pxPerUnit = (view.scale * transform.k) / glyphScale;
  const unit = 1 / pxPerUnit;

  const selection = useSimStore((s) => s.selection);
  const downKey = useSimStore((s) => (s.run ? downLinksKey(frameFor(s.run, s.t).linksUp) : ''));
  const [menu, setMenu] = useState<MenuTarget | null>(null);
  const anchor = useRef<Element | null>(null);

  const open = useCallback((target: MenuTarget, element: Element) => {
    select({ kind: target.kind, id: target.id });
    anchor.current = element;
    setMenu((old) => (old?.kind === target.kind && old.id === target.id ? null : target));
  }, []);
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

  return (
    <>
      <div className="topo-bar">
        <h2 className="topo-title">Topology</h2>
        <p className="topo-hint">Click a router or link for actions; drag to pan</p>
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
        </div>
      </div>
      <div className="topo-stage" ref={stageRef} style={{ height }}>
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
              onActivate={openLink}
            />
            <g className="topo-clouds">
              {index.clouds.map((cloud) => (
                <CloudGlyph
                  key={cloud.id}
                  id={cloud.id}
                  x={cloud.x}
                  y={cloud.y}
                  unit={unit}
                  compact={
                    (index.nearest.get(cloud.id) ?? Number.POSITIVE_INFINITY) * pxPerUnit <
                    FULL_GLYPH_MIN_SPACING_PX
                  }
                />
              ))}
            </g>
            <RoutersLayer
              index={index}
              pxPerUnit={pxPerUnit}
              selectedId={selectedRouter}
              menuId={menu?.kind === 'router' ? menu.id : null}
              onActivate={openRouter}
            />
            <MovingLayer index={index} pxPerUnit={pxPerUnit} />
          </g>
        </svg>
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
      <TopologyLegend hsrp={index.hasHsrp} />
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
  const compact =
    (index.nearest.get(menu.id) ?? Number.POSITIVE_INFINITY) * pxPerUnit <
    FULL_GLYPH_MIN_SPACING_PX;
  const gap = (menu.kind === 'link' ? 24 : compact ? 28 : 82) * glyphScale;
  let x = screen.x + gap;
  if (x + MENU_WIDTH_PX > size.width - 4) x = screen.x - gap - MENU_WIDTH_PX;
  // The menu may overhang the stage's bottom edge (over the legend), not its top.
  const y = Math.max(4, Math.min(size.height - 120, screen.y - 40));
  return { x: Math.max(4, x), y };
}

function RoutersLayer({
  index,
  pxPerUnit,
  selectedId,
  menuId,
  onActivate,
}: {
  index: TopologyIndex;
  pxPerUnit: number;
  selectedId: string | null;
  menuId: string | null;
  onActivate: (id: string, element: Element) => void;
}) {
  // Re-renders when a router's drawing changes, not on every frame (see stableStatuses).
  const statuses = useSimStore((s) =>
    s.run ? stableStatuses(frameFor(s.run, s.t), topologyIndex(s.run)) : null,
  );
  if (!statuses) return null;
  const unit = 1 / pxPerUnit;
  return (
    <g className="topo-routers">
      {index.routers.map((place) => {
        const status = statuses.get(place.id);
        if (!status) return null;
        const spacingPx = (index.nearest.get(place.id) ?? Number.POSITIVE_INFINITY) * pxPerUnit;
        const compact = spacingPx < FULL_GLYPH_MIN_SPACING_PX;
        const selected = selectedId === place.id;
        const showName =
          !compact ||
          spacingPx >= COMPACT_NAME_MIN_SPACING_PX ||
          selected ||
          status.power === 'booting' ||
          status.stale.length > 0 ||
          status.peers.length > 2;
        return (
          <RouterGlyph
            key={place.id}
            status={status}
            statusKey={statusKey(status)}
            x={place.x}
            y={place.y}
            unit={unit}
            compactSize={compact ? Math.round(Math.max(16, Math.min(28, spacingPx * 0.8))) : 0}
            showName={showName}
            selected={selected}
            menuOpen={menuId === place.id}
            onActivate={onActivate}
          />
        );
      })}
    </g>
  );
}

/** Packets and drops: the only layer whose work every frame is more than a memo check. */
function MovingLayer({ index, pxPerUnit }: { index: TopologyIndex; pxPerUnit: number }) {
  const frame = useFrame();
  if (!frame) return null;
  return (
    <>
      <PacketLayer frame={frame} index={index} pxPerUnit={pxPerUnit} />
      <DropLayer frame={frame} index={index} pxPerUnit={pxPerUnit} />
    </>
  );
}
