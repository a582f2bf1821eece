// The reader's errors sorted by the field they belong beside (errorPlaces.ts).

import type { FieldKey, PlacedError } from './errorPlaces';

export type ErrorsByField = ReadonlyMap<FieldKey, readonly PlacedError[]>;

export function errorsByField(errors: readonly PlacedError[]): ErrorsByField {
  const byField = new Map<FieldKey, PlacedError[]>();
  for (const error of errors) {
    if (error.field === null) continue;
    const list = byField.get(error.field) ?? [];
    list.push(error);
    byField.set(error.field, list);
  }
  return byField;
}

const NONE: readonly PlacedError[] = [];

/** The errors of one field: `at(errors, 'links', 2, 'latencyMs')` or `at(errors, 'title')`. */
export function fieldErrors(
  errors: ErrorsByField,
  ...path: readonly [string] | readonly [string, number, string]
): readonly PlacedError[] {
  const key = path.length === 1 ? path[0] : `${path[0]}[${path[1]}].${path[2]}`;
  return errors.get(key) ?? NONE;
}
