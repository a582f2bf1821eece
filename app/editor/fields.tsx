// The editor's form fields: a label, the input, and the reader's errors for that field beside it
// (linked by aria-describedby, so a screen reader reads them with the field). Numbers are whole
// milliseconds or counts; an empty required number is NaN in the document, which the reader
// refuses at its place ("must be a number"), and an empty optional one leaves the field out.

import { type ReactNode, useId, useState } from 'react';
import type { PlacedError } from './errorPlaces';

export function FieldErrors({ id, errors }: { id: string; errors: readonly PlacedError[] }) {
  if (errors.length === 0) return null;
  return (
    <span id={id} className="ed-field-errors" data-testid="editor.field-error">
      {errors.map((error) => (
        <span key={`${error.line ?? ''}:${error.message}`}>
          {error.line === undefined ? '' : `line ${error.line}: `}
          {error.message}
        </span>
      ))}
    </span>
  );
}

interface FieldShell {
  label: string;
  errors?: readonly PlacedError[];
  /** Called when the field loses focus: the end of one undo step of typing. */
  onDone?: () => void;
  className?: string;
}

function Shell({
  label,
  errors = [],
  className,
  children,
}: FieldShell & { children: (ids: { input: string; errors: string | undefined }) => ReactNode }) {
  const input = useId();
  const errorsId = useId();
  return (
    <div
      className={['ed-field', className].filter(Boolean).join(' ')}
      data-invalid={errors.length > 0 || undefined}
    >
      <label htmlFor={input}>{label}</label>
      {children({ input, errors: errors.length > 0 ? errorsId : undefined })}
      <FieldErrors id={errorsId} errors={errors} />
    </div>
  );
}

export function TextField({
  value,
  onChange,
  multiline = false,
  suggestions,
  ...shell
}: FieldShell & {
  value: string;
  onChange: (text: string) => void;
  multiline?: boolean;
  /** The id of a <datalist> of values to offer (single-line fields). */
  suggestions?: string;
}) {
  return (
    <Shell {...shell}>
      {(ids) =>
        multiline ? (
          <textarea
            id={ids.input}
            value={value}
            rows={3}
            spellCheck={false}
            aria-invalid={ids.errors !== undefined || undefined}
            aria-describedby={ids.errors}
            onChange={(event) => onChange(event.target.value)}
            onBlur={shell.onDone}
          />
        ) : (
          <input
            id={ids.input}
            type="text"
            value={value}
            list={suggestions}
            spellCheck={false}
            aria-invalid={ids.errors !== undefined || undefined}
            aria-describedby={ids.errors}
            onChange={(event) => onChange(event.target.value)}
            onBlur={shell.onDone}
          />
        )
      }
    </Shell>
  );
}

/** The text a number field shows for a document value. */
function numberText(value: number | undefined): string {
  return value === undefined || Number.isNaN(value) ? '' : String(value);
}

/** A number typed: NaN for text that is no number; `empty` for no text. */
function typedNumber<Empty extends number | undefined>(text: string, empty: Empty): number | Empty {
  return text.trim() === '' ? empty : Number(text);
}

/**
 * A number in a text input. The text typed is kept as typed while it means the document's value
 * (so "1e3" or "10." is not rewritten under the cursor); an undo shows the document's value.
 */
function NumberInput<Empty extends number | undefined>({
  value,
  onChange,
  empty,
  ...shell
}: FieldShell & {
  value: number | Empty;
  onChange: (value: number | Empty) => void;
  empty: Empty;
}) {
  const [typed, setTyped] = useState(numberText(value));
  const same = Object.is(typedNumber(typed, empty), value);
  const shown = same ? typed : numberText(value);
  return (
    <Shell {...shell}>
      {(ids) => (
        <input
          id={ids.input}
          type="text"
          inputMode="numeric"
          value={shown}
          aria-invalid={ids.errors !== undefined || undefined}
          aria-describedby={ids.errors}
          onChange={(event) => {
            setTyped(event.target.value);
            onChange(typedNumber(event.target.value, empty));
          }}
          onBlur={shell.onDone}
        />
      )}
    </Shell>
  );
}

/** A required number: left empty, it is NaN, which the reader refuses at its place. */
export function NumberField(
  props: FieldShell & { value: number; onChange: (value: number) => void },
) {
  return <NumberInput {...props} empty={Number.NaN} />;
}

/** An optional number: left empty, the field is left out of the document. */
export function OptionalNumberField(
  props: FieldShell & { value: number | undefined; onChange: (value: number | undefined) => void },
) {
  return <NumberInput {...props} empty={undefined} />;
}

export function SelectField({
  value,
  onChange,
  options,
  ...shell
}: FieldShell & {
  value: string;
  onChange: (value: string) => void;
  /** [value, text] pairs. A value not among them is shown as missing, for the reader to flag. */
  options: ReadonlyArray<readonly [string, string]>;
}) {
  const known = options.some(([option]) => option === value);
  return (
    <Shell {...shell}>
      {(ids) => (
        <select
          id={ids.input}
          value={value}
          aria-invalid={ids.errors !== undefined || undefined}
          aria-describedby={ids.errors}
          onChange={(event) => onChange(event.target.value)}
        >
          {!known && (
            <option value={value}>{value === '' ? '(none)' : `${value} (missing)`}</option>
          )}
          {options.map(([option, text]) => (
            <option key={option} value={option}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Shell>
  );
}
