// What the scenario editor opens on: a new blank scenario, or a document to edit (the scenario on
// screen, or one inferred from pasted configs). Types only, so the studio names it without
// loading the editor.

import type { ScenarioDocument } from '../scenario/schema';

export type EditorStart = { kind: 'new' } | { kind: 'document'; document: ScenarioDocument };
