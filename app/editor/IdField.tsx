// An id (of a node, link or flow), renamed when the field is left or Enter is pressed: every
// reference follows (documentEdits.ts). A refused name (taken, empty) is said beside the field
// and the old id stays.

import { useId, useState } from 'react';
import type { PlacedError } from './errorPlaces';
import { FieldErrors } from './fields';

export function IdField({
  id,
  label,
  onRename,
  errors,
}: {
  id: string;
  label: string;
  /** Renames; returns why it was refused, or null. */
  onRename: (to: string) => string | null;
  errors: readonly PlacedError[];
}) {
  const [typed, setTyped] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const inputId = useId();
  const errorsId = useId();
  const commit = () => {
    if (typed === null) return;
    const why = onRename(typed.trim());
    setRefusal(why);
    setTyped(null);
  };
  const shown: readonly PlacedError[] =
    refusal === null ? errors : [{ place: label, field: null, message: refusal }, ...errors];
  return (
    <div className="ed-field" data-invalid={shown.length > 0 || undefined}>
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="text"
        value={typed ?? id}
        spellCheck={false}
        aria-invalid={shown.length > 0 || undefined}
        aria-describedby={shown.length > 0 ? errorsId : undefined}
        onChange={(event) => setTyped(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          else if (event.key === 'Escape' && typed !== null) {
            event.preventDefault();
            setTyped(null);
          }
        }}
      />
      <FieldErrors id={errorsId} errors={shown} />
    </div>
  );
}
