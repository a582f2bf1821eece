import { HealthView } from '../views/health/HealthView';
import { LogView } from '../views/log/LogView';
import { RouterPanels } from '../views/routers/RouterPanels';
import type { PanelFocus } from './types';

/** The one panel the step is about, beside the narration (the topology is always on screen). */
export function FocusPanel({ focus }: { focus: PanelFocus }) {
  if (focus === 'topology') return null;
  return (
    <div className="lesson-focus" data-testid="lesson.focus" data-focus={focus}>
      {focus === 'routers' && <RouterPanels />}
      {focus === 'log' && <LogView />}
      {focus === 'health' && <HealthView />}
    </div>
  );
}
