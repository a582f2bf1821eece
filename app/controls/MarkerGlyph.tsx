// The shape of each timeline marker kind, centred on (0, 0), about 12 px: shape and colour both
// carry the kind (triangle up: installed, down: deleted; diamond: syslog; square: reload…).

import type { MarkerKind } from './timelineMarkers';

export const MARKER_TEXT: Record<MarkerKind, string> = {
  reload: 'Reload',
  boot: 'Booted',
  'link-down': 'Link down',
  'link-up': 'Link up',
  config: 'Config / exec',
  exec: 'Exec command',
  'traffic-start': 'Traffic starts',
  'traffic-stop': 'Traffic stops',
  ike: 'IKE message',
  'sa-installed': 'SA installed',
  'sa-deleted': 'SA deleted',
  'syslog-error': 'Sev 0–3 error',
  'syslog-warning': 'Sev 4 warning',
  'syslog-notice': 'Sev 5 notice',
  'ping-loss': 'Pings lost',
};

export function MarkerGlyph({ kind }: { kind: MarkerKind }) {
  const cls = `glyph glyph-${kind}`;
  switch (kind) {
    case 'reload':
      return <rect className={cls} x={-6} y={-6} width={12} height={12} />;
    case 'boot':
      return <circle className={cls} r={6.5} />;
    case 'link-down':
      return <path className={cls} d="M-5.5 -5.5L5.5 5.5M5.5 -5.5L-5.5 5.5" />;
    case 'link-up':
      return <path className={cls} d="M0 -6.5V6.5M-6.5 0H6.5" />;
    case 'config':
    case 'exec':
      return <path className={cls} d="M0 -6.5L6.5 0L0 6.5L-6.5 0Z" />;
    case 'traffic-start':
      return <path className={cls} d="M-4.5 -6L6 0L-4.5 6Z" />;
    case 'traffic-stop':
      return <rect className={cls} x={-4.5} y={-4.5} width={9} height={9} />;
    case 'ike':
      return <path className={cls} d="M0 -6V6" />;
    case 'sa-installed':
      return <path className={cls} d="M0 -6.5L6.5 5L-6.5 5Z" />;
    case 'sa-deleted':
      return <path className={cls} d="M0 6.5L6.5 -5L-6.5 -5Z" />;
    case 'syslog-error':
    case 'syslog-warning':
      return <path className={cls} d="M0 -7L6 0L0 7L-6 0Z" />;
    case 'syslog-notice':
      return <circle className={cls} r={4.5} />;
    case 'ping-loss':
      return <rect className={cls} x={-8} y={-4} width={16} height={8} />;
  }
}
