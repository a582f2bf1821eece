// What every form panel of the editor is given: the document, its errors by field, and the edit.

import type { Scenario } from '../scenario/types';
import type { ErrorsByField } from './fieldErrors';
import type { DocumentHistory } from './useDocumentHistory';

export interface PanelProps {
  document: Scenario;
  errors: ErrorsByField;
  edit: DocumentHistory['edit'];
  /** Ends the current undo step (a field was left). */
  closeStep: () => void;
}
