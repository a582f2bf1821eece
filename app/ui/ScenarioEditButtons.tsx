// The studio's way into the scenario editor: "New scenario" starts from two blank routers, "Edit
// scenario" from the scenario on screen (a preset, a link or a file, with the studio's own edits).

import type { EditorStart } from '../editor/editorStart';
import { useSimStore } from '../store/simStore';

export function ScenarioEditButtons({ onEdit }: { onEdit: (start: EditorStart) => void }) {
  const document = useSimStore((s) => s.document);
  return (
    <div className="scenario-edit-buttons">
      <button
        type="button"
        className="share-button share-header-button"
        onClick={() => onEdit({ kind: 'new' })}
      >
        New scenario
      </button>
      <button
        type="button"
        className="share-button share-header-button"
        disabled={document === null}
        onClick={() => {
          if (document !== null) onEdit({ kind: 'document', document });
        }}
      >
        Edit scenario
      </button>
    </div>
  );
}
