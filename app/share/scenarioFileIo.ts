// A scenario file in and out of the browser: a download of scenarioToFileText, and reading a file
// the user picked through scenarioFromFileText (the one way in for untrusted text), in a worker.

import { scenarioToFileText } from '../scenario/scenarioFile';
import type { ScenarioDocument } from '../scenario/schema';
import type { ParseResult } from '../scenario/types';
import { scenarioFileName } from './fileNames';
import { readScenarioBlob } from './readScenarioBlob';

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

/**
 * Reads and parses a picked file in a web worker, off the page's main thread; on the page itself
 * where there are no workers (tests) or the worker cannot start.
 */
export async function readScenarioFile(file: Blob): Promise<ParseResult> {
  if (typeof Worker === 'undefined') return readScenarioBlob(file);
  try {
    return await inWorker(file);
  } catch {
    return readScenarioBlob(file);
  }
}

function inWorker(file: Blob): Promise<ParseResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./scenarioFileWorker.ts', import.meta.url), {
      type: 'module',
    });
    worker.onmessage = (event: MessageEvent<ParseResult>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage(file);
  });
}
