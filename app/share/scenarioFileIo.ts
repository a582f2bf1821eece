// A scenario file in and out of the browser: a download of scenarioToFileText, and reading a file
// the user picked through scenarioFromFileText (the one way in for untrusted text).

import { DOCUMENT_PATH } from '../scenario/scenarioErrors';
import {
  SCENARIO_FILE_MAX_BYTES,
  scenarioFromFileText,
  scenarioToFileText,
} from '../scenario/scenarioFile';
import type { ScenarioDocument } from '../scenario/schema';
import type { ParseResult } from '../scenario/types';
import { scenarioFileName } from './shareLink';

/** How long the download's object URL is kept for the browser to start the download. */
const OBJECT_URL_LIFETIME_MS = 30_000;

/** Saves the document as `<title>.tunnelscope.json` through a temporary link; returns the name. */
export function downloadScenario(document: ScenarioDocument): string {
  const name = scenarioFileName(document.title);
  downloadBlob(name, new Blob([scenarioToFileText(document)], { type: 'application/json' }));
  return name;
}

/** Offers `blob` to the browser as a download named `name`, through a temporary link. */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const anchor = window.document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  window.document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), OBJECT_URL_LIFETIME_MS);
}

/** Reads and parses a picked file. A file past SCENARIO_FILE_MAX_BYTES is refused unread. */
export async function readScenarioFile(file: Blob): Promise<ParseResult> {
  if (file.size > SCENARIO_FILE_MAX_BYTES) {
    return {
      ok: false,
      errors: [
        {
          path: DOCUMENT_PATH,
          message: `is ${file.size} bytes; a scenario file is at most ${SCENARIO_FILE_MAX_BYTES}`,
        },
      ],
    };
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
