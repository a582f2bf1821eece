import type { Chip, Tone } from './peerStates';

const MACHINE_LABEL: Record<Chip['machine'], string> = {
  ike: 'IKE',
  ipsec: 'IPsec',
  dpd: 'DPD',
  hsrp: 'HSRP',
};

/** A shape per tone, so the state never rests on colour alone. */
const TONE_ICON: Record<Tone, string> = {
  ok: '✓',
  pending: '◐',
  warn: '!',
  bad: '✕',
  off: '○',
};

/** One statechart state as a labelled chip: `state.<router>.<peer>.<machine>` with data-state. */
export function StateChip({
  chip,
  router,
  peerKey,
  machineLabel,
}: {
  chip: Chip;
  router: string;
  peerKey: string;
  /** Overrides the machine's name, e.g. "keepalive" for legacy IOS keepalives. */
  machineLabel?: string;
}) {
  return (
    <span
      className={`rp-chip tone-${chip.tone}`}
      data-testid={`state.${router}.${peerKey}.${chip.machine}`}
      data-state={chip.state}
    >
      <span className="rp-chip-icon" aria-hidden="true">
        {TONE_ICON[chip.tone]}
      </span>
      <span className="rp-chip-machine">{machineLabel ?? MACHINE_LABEL[chip.machine]}</span>
      <span className="rp-chip-text">{chip.text}</span>
    </span>
  );
}
