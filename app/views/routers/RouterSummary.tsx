// The comparable part of a router's panel: who it is, its state machines per peer, its SA
// tables, and whether its peer can decrypt what it sends. Shown for every router side by side
// (two or three routers), or for the expanded one of a long list.

import { useState } from 'react';
import { type AddressBook, peerKey, peerLabel } from '../../sim/derived/addressBook';
import { type Peer, peersOf } from '../../sim/derived/peers';
import type { SpiMismatch } from '../../sim/derived/spiMismatches';
import type { RouterView } from '../../sim/snapshot';
import { dpdChip, hsrpChip, ikeChip, ipsecChip } from './peerStates';
import { IkeSaLine, IpsecFlowTable } from './SaTables';
import { Simplified } from './Simplified';
import { StateChip } from './StateChip';

/** Peers shown before "Show all": a hub with fifty spokes stays readable. */
const PEERS_SHOWN = 4;

export interface RouterSummaryProps {
  view: RouterView;
  /** Crypto configuration styles, already labelled ("static crypto map"). */
  styles: string[];
  /** Who answers to each address at the cursor. */
  book: AddressBook;
  /** Peer addresses this router runs quick mode with now. */
  negotiating: ReadonlySet<string>;
  /** This router's outbound SPIs its peers do not know. */
  mismatches: SpiMismatch[];
  selected: boolean;
  /** In a list whose row already names the router and its power: the header says the rest. */
  inList?: boolean;
}

export function RouterSummary({
  view,
  styles,
  book,
  negotiating,
  mismatches,
  selected,
  inList = false,
}: RouterSummaryProps) {
  const [showAll, setShowAll] = useState(false);
  const peers = peersOf(view);
  const shown = showAll ? peers : peers.slice(0, PEERS_SHOWN);
  const booting = view.power === 'booting';
  return (
    <article
      className={`rp-card${selected ? ' rp-card-selected' : ''}${booting ? ' rp-card-booting' : ''}`}
      data-testid={`panel.${view.node}`}
      data-power={view.power}
      aria-labelledby={`rp-title-${view.node}`}
    >
      <header className="rp-card-header">
        <h3 className={inList ? 'visually-hidden' : 'rp-hostname'} id={`rp-title-${view.node}`}>
          {view.hostname}
        </h3>
        {!inList && (
          <span className={`rp-power power-${view.power}`} data-testid={`power.${view.node}`}>
            <span aria-hidden="true">{booting ? '⟳' : '●'} </span>
            {booting ? 'reloading…' : 'up'}
          </span>
        )}
        <span className="rp-style">
          {styles.length > 0 ? styles.join(' + ') : 'no crypto configuration'}
        </span>
      </header>
      {view.hsrp && view.hsrp.length > 0 && (
        <div className="rp-chips rp-hsrp">
          {view.hsrp.map((group) => (
            <StateChip
              key={`${group.interfaceName}.${group.group}`}
              chip={hsrpChip(group)}
              router={view.node}
              peerKey={`grp${group.group}`}
              machineLabel={`HSRP ${group.group}`}
            />
          ))}
          <Simplified what="hsrp" />
        </div>
      )}
      {peers.length === 0 && (
        <p className="rp-empty" data-testid={`no-sa.${view.node}`} data-sa-count={0}>
          <span aria-hidden="true">○ </span>
          {booting
            ? 'Reloading: every SA was lost with the running state.'
            : 'No IKE or IPsec SA with any peer.'}
        </p>
      )}
      {shown.map((peer) => (
        <PeerBlock
          key={peer.address}
          router={view.node}
          peer={peer}
          book={book}
          negotiating={negotiating.has(peer.address)}
          mismatches={mismatches}
        />
      ))}
      {peers.length > PEERS_SHOWN && (
        <button
          type="button"
          className="rp-link-button"
          onClick={() => setShowAll(!showAll)}
          aria-expanded={showAll}
        >
          {showAll
            ? `Show the first ${PEERS_SHOWN} peers only`
            : `Show all ${peers.length} peers of ${view.hostname}`}
        </button>
      )}
    </article>
  );
}

function PeerBlock({
  router,
  peer,
  book,
  negotiating,
  mismatches,
}: {
  router: string;
  peer: Peer;
  book: AddressBook;
  negotiating: boolean;
  mismatches: readonly SpiMismatch[];
}) {
  const key = peerKey(peer.address, book);
  const label = peerLabel(peer.address, book);
  const ike = ikeChip(peer.ike);
  const ipsec = ipsecChip(peer.flows, negotiating);
  const dpd = dpdChip(peer.ike);
  const legacy = peer.ike?.liveness === 'legacy-keepalive';
  const inProgress = ike.tone === 'pending' || ipsec.state === 'negotiating';
  return (
    <section className="rp-peer" data-peer={key} aria-label={`${router} with ${label}`}>
      <h4 className="rp-peer-title">
        <span className="rp-muted">with</span> {label}
      </h4>
      <div className="rp-chips">
        <StateChip chip={ike} router={router} peerKey={key} />
        <StateChip chip={ipsec} router={router} peerKey={key} />
        <StateChip
          chip={dpd}
          router={router}
          peerKey={key}
          machineLabel={legacy ? 'keepalive' : 'DPD'}
        />
        {inProgress && <Simplified what="ikeRetransmit" />}
      </div>
      {peer.ike ? (
        <IkeSaLine sa={peer.ike} />
      ) : (
        <p className="rp-empty">
          <span aria-hidden="true">○ </span>No IKE SA
        </p>
      )}
      {peer.flows.map((flow) => (
        <IpsecFlowTable
          key={`${flow.interfaceName}|${flow.localIdent.addr}|${flow.remoteIdent.addr}`}
          flow={flow}
          router={router}
          mismatches={mismatches}
        />
      ))}
    </section>
  );
}
