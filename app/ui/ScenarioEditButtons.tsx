// The studio's way into the scenario editor: "New scenario" starts from two blank routers, "Edit
// scenario" from the scenario on screen (a preset, a link or a file, with the studio's own edits).
// Below 1500 px wide they show an icon (+, ✎) and leave their words to screen readers and their
// tooltip, so that the header keeps room for the scenario picker.

import type { EditorStart } from '../editor/editorStart';
import { useSimStore } from '../store/simStore';

export function ScenarioEditButtons({ onEdit }: { onEdit: (start: EditorStart) => void }) {
  const document = useSimStore((s) => s.document);
  return (
    <div className="scenario-edit-buttons">
      <button
        type="button"
        className="share-button share-header-button"
        title="New scenario"
        onClick={() => onEdit({ kind: 'new' })}
      >
        <span className="scenario-edit-icon" aria-hidden="true">
          +
        </span>
        <span className="scenario-edit-words visually-hidden">New scenario</span>
      </button>
      <button
        type="button"
        className="share-button share-header-button"
        title="Edit scenario"
        disabled={document === null}
        onClick={() => {
          if (document !== null) onEdit({ kind: 'document', document });
        }}
      >
        <span className="scenario-edit-icon" aria-hidden="true">
          ✎
        </span>
        <span className="scenario-edit-words visually-hidden">Edit scenario</span>
      </button>
    </div>
  );
}
