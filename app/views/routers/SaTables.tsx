// `show crypto isakmp sa` and `show crypto ipsec sa` for one peer, as small readable tables.
// The SPI cells carry data-spi; an outbound SPI the peer does not know is flagged in place.

import { Fragment } from 'react';
import type { SpiMismatch } from '../../sim/derived/spiMismatches';
import type { IkeSaView, IpsecFlowView, SaEntryView } from '../../sim/snapshot';
import { formatSpi } from '../../sim/trace';
import { MismatchRow } from './MismatchWarning';
import { prefix } from './peerStates';
import { Simplified } from './Simplified';

function seconds(value: number | null): string {
  return value === null ? '—' : `${value} s`;
}

/** The IKE SA with this peer in one line: role, conn-id and the lifetime counting down. */
export function IkeSaLine({ sa }: { sa: IkeSaView }) {
  return (
    <p className="rp-ike-line" data-testid="ike-sa" data-conn-id={sa.connId}>
      <span className="rp-caption-main">IKE SA</span> {sa.role}, conn-id{' '}
      <span className="rp-mono">{sa.connId}</span>,{' '}
      {sa.expiresAtMs === null ? (
        <span>still negotiating</span>
      ) : (
        <>
          lifetime left{' '}
          <span className="rp-mono rp-num" data-seconds={sa.lifetimeRemainingSec}>
            {seconds(sa.lifetimeRemainingSec)}
          </span>
        </>
      )}
    </p>
  );
}

interface SaRow {
  direction: 'outbound' | 'inbound';
  sa: SaEntryView;
  current: boolean;
  /** The direction's packet count, on the direction's first row only. */
  count: number | null;
}

function rowsOf(flow: IpsecFlowView): SaRow[] {
  const rows: SaRow[] = [];
  for (const [index, sa] of flow.outbound.entries()) {
    rows.push({
      direction: 'outbound',
      sa,
      current: sa.spi === flow.currentOutboundSpi,
      count: index === 0 ? flow.encaps : null,
    });
  }
  for (const [index, sa] of flow.inbound.entries()) {
    rows.push({
      direction: 'inbound',
      sa,
      current: false,
      count: index === 0 ? flow.decaps : null,
    });
  }
  return rows;
}

/**
 * One `show crypto ipsec sa` flow: its SAs with SPI, packet counters (#pkts encaps on the
 * outbound rows, #pkts decaps on the inbound ones), lifetime and idle timer left.
 * `mismatches` are this router's outbound SPIs that their peer has no inbound SA for: each gets
 * a warning row under its SA.
 */
export function IpsecFlowTable({
  flow,
  router,
  mismatches,
}: {
  flow: IpsecFlowView;
  router: string;
  mismatches: readonly SpiMismatch[];
}) {
  const proxies = `${prefix(flow.localIdent.addr, flow.localIdent.mask)} ⇄ ${prefix(flow.remoteIdent.addr, flow.remoteIdent.mask)}`;
  // A tunnel interface says which tunnel; a crypto map interface is the obvious WAN one.
  const where = flow.interfaceName.startsWith('Tunnel') ? ` on ${flow.interfaceName}` : '';
  const rows = rowsOf(flow);
  if (rows.length === 0) {
    return (
      <p className="rp-empty" data-testid={`no-sa.${router}`} data-sa-count={0}>
        <span aria-hidden="true">○ </span>
        No IPsec SA for {proxies}
        {where} <span className="rp-muted">(current outbound spi </span>
        <span className="rp-mono" data-spi="0x0">
          0x0
        </span>
        <span className="rp-muted">)</span>
      </p>
    );
  }
  const showIdle = rows.some((row) => row.sa.idleTimeSec !== null);
  const columns = showIdle ? 5 : 4;
  return (
    <table className="rp-table rp-ipsec-table" data-sa-count={rows.length}>
      <caption>
        <span className="rp-caption-main">IPsec SAs</span>{' '}
        <span className="rp-muted">
          for {proxies}
          {where}
        </span>
      </caption>
      <thead>
        <tr>
          <th scope="col">SA</th>
          <th scope="col">SPI</th>
          <th scope="col">#pkts</th>
          <th scope="col">lifetime left</th>
          {showIdle && <th scope="col">idle left</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const spi = formatSpi(row.sa.spi);
          const mismatch = row.current
            ? mismatches.find((m) => m.spi === row.sa.spi && m.peer === flow.currentPeer)
            : undefined;
          return (
            <Fragment key={`${row.direction}-${row.sa.spi}`}>
              <tr
                className={mismatch ? 'rp-row-mismatch' : undefined}
                data-direction={row.direction}
              >
                <th scope="row">
                  {row.direction === 'outbound' ? 'out ▸' : 'in ◂'}
                  {row.current && flow.outbound.length > 1 && (
                    <span className="rp-muted"> current</span>
                  )}
                </th>
                <td
                  className="rp-mono rp-spi"
                  data-spi={spi}
                  data-unknown-to-peer={mismatch ? true : undefined}
                >
                  {spi}
                  {mismatch && <span aria-hidden="true"> ⚠</span>}
                </td>
                {row.sa.programming ? (
                  <td className="rp-programming" data-programming="true">
                    programming… <Simplified what="saProgramming" />
                  </td>
                ) : (
                  <td className="rp-mono rp-num" data-count={row.count ?? undefined}>
                    {row.count === null
                      ? ''
                      : `${row.direction === 'outbound' ? 'encaps' : 'decaps'} ${row.count}`}
                  </td>
                )}
                <td className="rp-mono rp-num" data-seconds={row.sa.remainingSec}>
                  {seconds(row.sa.remainingSec)}
                </td>
                {showIdle && (
                  <td
                    className="rp-mono rp-num"
                    data-seconds={row.sa.idleRemainingSec ?? undefined}
                  >
                    {seconds(row.sa.idleRemainingSec)}
                  </td>
                )}
              </tr>
              {mismatch && <MismatchRow mismatch={mismatch} columns={columns} />}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
