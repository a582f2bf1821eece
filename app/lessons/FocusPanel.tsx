import { HealthView } from '../views/health/HealthView';
import { LogView } from '../views/log/LogView';
import { RouterPanels } from '../views/routers/RouterPanels';
import { ShowSnapshotPanel } from './ShowSnapshotPanel';
import type { PanelFocus, ShowSnapshot } from './types';

/**
 * The one panel the step is about, beside the narration (the topology is always on screen): the
 * routers' `show` output when the step has a snapshot, else its focus.
 */
export function FocusPanel({
  focus,
  show,
}: {
  focus: PanelFocus;
  show?: readonly ShowSnapshot[] | undefined;
}) {
  if (show !== undefined) return <ShowSnapshotPanel snapshots={show} />;
  if (focus === 'topology') return null;
  return (
    <div className="lesson-focus" data-testid="lesson.focus" data-focus={focus}>
      {focus === 'routers' && <RouterPanels />}
      {focus === 'log' && <LogView />}
      {focus === 'health' && <HealthView />}
    </div>
  );
}
