// The real IOS text of `show crypto isakmp sa` and `show crypto ipsec sa` (and `show ip nhrp`
// on a DMVPN router) at the cursor, behind a disclosure: computed only while it is open.

import { useState } from 'react';
import { showCryptoIpsecSa, showCryptoIsakmpSa, showIpNhrp } from '../../ios/show';
import type { RouterView } from '../../sim/snapshot';

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

export function IosOutput({ view }: { view: RouterView }) {
  const [open, setOpen] = useState(false);
  return (
    <details
      className="rp-ios"
      data-testid={`ios-output.${view.node}`}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="rp-ios-summary">
        IOS output: <code>show crypto isakmp sa</code>, <code>show crypto ipsec sa</code>
      </summary>
      {open && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
        <pre className="rp-pre" tabIndex={0} data-testid={`ios-text.${view.node}`}>
          {iosText(view)}
        </pre>
      )}
    </details>
  );
}
