import type { SpiMismatch } from '../../sim/derived/spiMismatches';
import { formatSpi } from '../../sim/trace';
import { Simplified } from './Simplified';

function consequence(m: SpiMismatch): string {
  if (m.peerPower === 'booting') return `${m.peerRouter} is reloading: it has no SA at all.`;
  if (m.peerNegotiating) {
    return `${m.peerRouter} is still installing its SAs (quick mode): a moment's race.`;
  }
  const drops = `${m.peerRouter} drops them (%CRYPTO-4-RECVD_PKT_INV_SPI)`;
  const liveness = m.senderLegacyKeepalive ? 'IOS keepalives' : 'DPD R-U-THERE';
  if (m.senderDpdState === 'worried') return `${drops}; ${m.router}'s DPD notices the silence.`;
  if (m.senderDpdState === 'probing') return `${drops}; ${m.router} is probing it (${liveness}).`;
  return `${drops}; ${m.router} looks healthy.`;
}

/**
 * The black hole in one sentence, as a warning row under the sender's outbound SA: "R1 encrypts
 * with 0xB761863E, which R2 does not know" (`mismatch.<router>`, data-peer, data-spi).
 */
export function MismatchRow({ mismatch, columns }: { mismatch: SpiMismatch; columns: number }) {
  const spi = formatSpi(mismatch.spi);
  const transient = mismatch.peerNegotiating;
  return (
    <tr
      className={`rp-row-mismatch rp-mismatch-row${transient ? ' rp-mismatch-transient' : ''}`}
      data-testid={`mismatch.${mismatch.router}`}
      data-peer={mismatch.peerRouter}
      data-spi={spi}
      data-transient={transient || undefined}
    >
      <td colSpan={columns}>
        <div className="rp-mismatch-title">
          <span aria-hidden="true">⚠ </span>
          {mismatch.router} encrypts with <code className="rp-mono">{spi}</code>, which{' '}
          {mismatch.peerRouter} does not know{' '}
          {!transient && mismatch.peerPower === 'up' && <Simplified what="staleRekey" />}
        </div>
        <p className="rp-mismatch-why">{consequence(mismatch)}</p>
      </td>
    </tr>
  );
}
