// A picked scenario file's bytes to a ParseResult, through parseScenarioText (the one way in for
// untrusted text). Runs in the file worker (scenarioFileWorker.ts), or on the page without one.

import { DOCUMENT_PATH } from '../scenario/scenarioErrors';
import { SCENARIO_FILE_MAX_BYTES, scenarioFromFileText } from '../scenario/scenarioFile';
import type { ParseResult } from '../scenario/types';

/** Reads and parses a file. A file past SCENARIO_FILE_MAX_BYTES is refused unread. */
export async function readScenarioBlob(file: Blob): Promise<ParseResult> {
  if (file.size > SCENARIO_FILE_MAX_BYTES) {
    const message = `is ${file.size} bytes; a scenario file is at most ${SCENARIO_FILE_MAX_BYTES}`;
    return { ok: false, errors: [{ path: DOCUMENT_PATH, message }] };
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      errors: [{ path: DOCUMENT_PATH, message: `could not be read: ${message}` }],
    };
  }
  return scenarioFromFileText(text);
}
