import { useSimStore } from '../../store/simStore';
import { formatTime } from '../../trace/formatText';

/**
 * `00:02:00.123`: the cursor's time, as a leaf of its own. It changes at every frame of
 * playback; the panels around it do not have to.
 */
export function CursorTime() {
  const t = useSimStore((s) => s.t);
  return <span className="rp-mono">{formatTime(t)}</span>;
}
