// The tabs of the editor's right-hand side, as a WAI-ARIA tab list: a click or the left and
// right arrows choose one (the arrows wrap around and move the focus with them).

import { useRef } from 'react';

export function EditorTabs<Tab extends string>({
  tabs,
  current,
  name,
  onChoose,
}: {
  tabs: ReadonlyArray<readonly [Tab, string]>;
  current: Tab;
  /** The text a tab shows, from its value and its default text. */
  name: (tab: Tab, text: string) => string;
  onChoose: (tab: Tab) => void;
}) {
  const list = useRef<HTMLDivElement>(null);
  const move = (step: number) => {
    const at = tabs.findIndex(([value]) => value === current);
    const index = (at + step + tabs.length) % tabs.length;
    const next = tabs[index];
    if (next === undefined) return;
    onChoose(next[0]);
    list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[index]?.focus();
  };
  return (
    <div ref={list} className="ed-tabs" role="tablist" aria-label="Edit">
      {tabs.map(([value, text]) => (
        <button
          key={value}
          type="button"
          role="tab"
          className="ed-tab"
          aria-selected={current === value}
          tabIndex={current === value ? 0 : -1}
          onClick={() => onChoose(value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowRight') move(1);
            else if (event.key === 'ArrowLeft') move(-1);
          }}
        >
          {name(value, text)}
        </button>
      ))}
    </div>
  );
}
