// The real IOS text of `show crypto isakmp sa` and `show crypto ipsec sa` (and `show ip nhrp`
// on a DMVPN router) at the cursor, behind a disclosure: computed only while it is open.

import { useState } from 'react';
import { showCryptoIpsecSa, showCryptoIsakmpSa, showIpNhrp } from '../../ios/show';
import type { RouterView } from '../../sim/snapshot';
import { useViewFrame } from '../runContext';

function iosText(view: RouterView): string {
  const parts = [
    `${view.hostname}#show crypto isakmp sa`,
    showCryptoIsakmpSa(view),
    `${view.hostname}#show crypto ipsec sa`,
    showCryptoIpsecSa(view),
  ];
  if (view.nhrp.length > 0) parts.push(`${view.hostname}#show ip nhrp`, showIpNhrp(view));
  return parts.join('\n').replace(/\n{3,}/g, '\n\n');
}

/** The disclosure; it follows the cursor only while open (the text inside reads the frame). */
export function IosOutput({ router }: { router: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details
      className="rp-ios"
      data-testid={`ios-output.${router}`}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="rp-ios-summary">
        IOS output: <code>show crypto isakmp sa</code>, <code>show crypto ipsec sa</code>
      </summary>
      {open && <IosText router={router} />}
    </details>
  );
}

function IosText({ router }: { router: string }) {
  const view = useViewFrame()?.routers.find((candidate) => candidate.node === router);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <pre className="rp-pre" tabIndex={0} data-testid={`ios-text.${router}`}>
      {view ? iosText(view) : ''}
    </pre>
  );
}
