import { type MouseEvent, type ReactNode, useMemo } from 'react';
import { encodePresetHash } from '../scenario/linkHash';
import { DEFAULT_PRESET_ID } from '../scenario/presets/catalog';
import { addressHashWith, useLinkCodec } from '../share/linkCodecStore';
import { openStudio } from '../share/routeStore';
import { useSimStore } from '../store/simStore';

/** The app's screens, as the header's navigation names them. */
export type Screen = 'studio' | 'lessons' | 'compare';

/**
 * The product bar, one row on every screen: name, the screens (Studio · Lessons · Compare), and
 * the screen's own controls on the right (the studio's scenario picker, Share and Open file…).
 */
export function Header({ screen, children }: { screen: Screen; children?: ReactNode }) {
  return (
    <header className="topbar">
      <div className="brand">
        <img className="brand-mark" src="/favicon.svg" alt="" width={28} height={28} />
        <h1 className="brand-name">TunnelScope</h1>
        <span className="brand-tagline">IPsec SA lifecycle on Cisco IOS, step by step</span>
      </div>
      <nav className="topnav" aria-label="Screens">
        <StudioLink current={screen === 'studio'} />
        <a
          className="topnav-link"
          href="#lessons"
          aria-current={screen === 'lessons' ? 'page' : undefined}
        >
          Lessons
        </a>
        <a
          className="topnav-link"
          href="#compare"
          aria-current={screen === 'compare' ? 'page' : undefined}
        >
          Compare
        </a>
      </nav>
      {children && <div className="topbar-controls">{children}</div>}
    </header>
  );
}

/**
 * Back to the studio with the scenario last shown there, at the moment it was left (a plain
 * click); the address is that scenario's link, for opening it in a new tab.
 */
function StudioLink({ current }: { current: boolean }) {
  const document = useSimStore((s) => s.document);
  const presetId = useSimStore((s) => s.presetId);
  // An edited scenario's link needs the link codec: the default's until it has arrived.
  const codec = useLinkCodec(document !== null && presetId === null);
  // Once per scenario, not per frame: a custom scenario's link costs a compression.
  const href = useMemo(
    () =>
      (document === null ? null : addressHashWith(codec, presetId, document)) ??
      encodePresetHash(DEFAULT_PRESET_ID),
    [document, presetId, codec],
  );
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    if (!current) openStudio();
  };
  return (
    <a
      className="topnav-link"
      href={href}
      onClick={onClick}
      aria-current={current ? 'page' : undefined}
    >
      Studio
    </a>
  );
}
