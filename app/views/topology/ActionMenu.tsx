// The small menu a router or a link opens: reload, clear crypto sa / isakmp for a router; break
// or restore for a link. Each acts at the cursor (inject re-runs the scenario from there).
// Buttons with their action as accessible name; Escape closes and returns focus to the glyph.

import { type KeyboardEvent, type RefObject, useEffect, useRef } from 'react';
import { inject } from '../../store/actions';
import { useSimStore } from '../../store/simStore';
import { formatTime } from '../../trace/formatText';
import { useViewFrame } from '../runContext';

export interface MenuTarget {
  kind: 'router' | 'link';
  id: string;
}

export interface ActionMenuProps {
  target: MenuTarget;
  /** Position (px) inside the stage. */
  left: number;
  top: number;
  /** Closes the menu; `refocus` returns focus to the router or link that opened it. */
  onClose: (refocus: boolean) => void;
  /** Lets the owner tell a press inside the menu from one outside it. */
  containerRef?: RefObject<HTMLDivElement | null>;
}

interface Item {
  label: string;
  entry: Parameters<typeof inject>[0];
  disabledWhy?: string;
  mono?: boolean;
}

export const MENU_WIDTH_PX = 240;

export function ActionMenu({ target, left, top, onClose, containerRef }: ActionMenuProps) {
  const frame = useViewFrame();
  const t = useSimStore((s) => s.t);
  const first = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    first.current?.focus();
  }, []);

  const items: Item[] = [];
  let title = target.id;
  if (target.kind === 'router') {
    const view = frame?.routers.find((r) => r.node === target.id);
    const name = view?.hostname || target.id;
    const booting = view?.power === 'booting';
    title = `${name}${booting ? ' (reloading)' : ''}`;
    const why = booting ? `${name} is reloading` : undefined;
    items.push({ label: `Reload ${name}`, entry: { action: 'reload', node: target.id } });
    for (const command of ['clear crypto sa', 'clear crypto isakmp'] as const) {
      items.push({
        label: command,
        entry: { action: 'exec', node: target.id, command },
        disabledWhy: why,
        mono: true,
      });
    }
  } else {
    const up = frame?.linksUp[target.id] !== false;
    title = `Link ${target.id} (${up ? 'up' : 'down'})`;
    items.push(
      up
        ? { label: `Break link ${target.id}`, entry: { action: 'link-down', link: target.id } }
        : { label: `Restore link ${target.id}`, entry: { action: 'link-up', link: target.id } },
    );
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose(true);
    }
  };

  return (
    <div
      ref={containerRef}
      className="topo-menu"
      role="dialog"
      aria-label={`${title} actions`}
      data-testid={`menu.${target.kind}.${target.id}`}
      style={{ left, top, width: MENU_WIDTH_PX }}
      onKeyDown={onKeyDown}
    >
      <div className="topo-menu-head">
        <strong>{title}</strong>
        <button
          type="button"
          className="topo-menu-close"
          aria-label="Close menu"
          onClick={() => onClose(true)}
        >
          ×
        </button>
      </div>
      <p className="topo-menu-when">at {formatTime(t)}</p>
      <div className="topo-menu-items">
        {items.map((item, i) => (
          <button
            key={item.label}
            ref={i === 0 ? first : undefined}
            type="button"
            className={item.mono ? 'is-mono' : undefined}
            disabled={item.disabledWhy !== undefined}
            title={item.disabledWhy}
            onClick={() => {
              inject(item.entry);
              onClose(true);
            }}
          >
            {item.label}
          </button>
        ))}
      </div>
    </div>
  );
}
