import type { ReactNode } from 'react';

/** The product bar: name and tagline on the left, the controls (preset picker) on the right. */
export function Header({ children }: { children: ReactNode }) {
  return (
    <header className="topbar">
      <div className="topbar-inner">
        <div className="brand">
          <img className="brand-mark" src="/favicon.svg" alt="" width={32} height={32} />
          <h1 className="brand-name">TunnelScope</h1>
          <span className="brand-tagline">IPsec SA lifecycle on Cisco IOS, step by step</span>
        </div>
        <div className="topbar-controls">{children}</div>
      </div>
    </header>
  );
}
