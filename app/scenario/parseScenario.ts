// The only way in for a scenario from outside (a link, a file, the runner's input): JSON text or
// an already-parsed value becomes either a LoadedScenario the engine can run or a list of errors.
// Never throws, whatever the input. The app's own typed documents load through loadScenario.ts.
//
// Pipeline: migrate to the current version → schema (shape, ranges, cross-references) → parse
// each router's startup-config → check that ping flows start and end on router subnets (the last
// two in loadScenario.ts, shared with the documents the app builds itself).

import { jsonErrorPlace, nestsDeeperThan, SCENARIO_JSON_MAX_DEPTH } from './jsonChecks';
import { errorText, failure, loadScenario } from './loadScenario';
import { migrateToCurrent } from './migrations';
import { DOCUMENT_PATH, issueToError, plainEnglish } from './scenarioErrors';
import { scenarioSchema } from './schema';
import type { ParseResult } from './types';

/** Longest scenario text we read: room for 200 configs of 64 KiB, and then some. */
export const DOCUMENT_MAX_CHARS = 16 * 1024 * 1024;

/** U+FEFF at the start of a UTF-8 file: not part of the JSON, which may ignore it (RFC 8259 8.1). */
const BYTE_ORDER_MARK = '\uFEFF';

/**
 * Reads a scenario from JSON text (a leading byte order mark is skipped, as the browser's file
 * reading does); a JSON syntax error is reported at DOCUMENT_PATH with its line and column.
 */
export function parseScenarioText(input: string): ParseResult {
  const text = input.startsWith(BYTE_ORDER_MARK) ? input.slice(1) : input;
  if (text.length > DOCUMENT_MAX_CHARS) {
    const message = `is ${text.length} characters long; the limit is ${DOCUMENT_MAX_CHARS}`;
    return failure({ path: DOCUMENT_PATH, message });
  }
  // Checked first: the JSON parser takes long over deep nesting, and may run out of stack.
  if (nestsDeeperThan(text, SCENARIO_JSON_MAX_DEPTH)) {
    const message = `nests lists and objects more than ${SCENARIO_JSON_MAX_DEPTH} deep; a scenario nests 4 deep`;
    return failure({ path: DOCUMENT_PATH, message });
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    const place = jsonErrorPlace(text) ?? `: ${errorText(error)}`;
    return failure({ path: DOCUMENT_PATH, message: `is not valid JSON ${place}` });
  }
  return parseScenario(doc);
}

/** Reads a scenario from a JSON value (as JSON.parse returns it). */
export function parseScenario(input: unknown): ParseResult {
  const migrated = migrateToCurrent(input);
  if (!migrated.ok) return migrated;
  const parsed = scenarioSchema.safeParse(migrated.doc, { error: plainEnglish });
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map(issueToError) };
  return loadScenario(parsed.data);
}
