// A scenario file in and out of the browser: a download of scenarioToFileText, and reading a file
// the user picked through scenarioFromFileText (the one way in for untrusted text), in a worker.

import { scenarioToFileText } from '../scenario/scenarioFile';
import type { ScenarioDocument } from '../scenario/schema';
import type { ParseResult } from '../scenario/types';
import { downloadBlob } from './download';
import { scenarioFileName } from './fileNames';
import { readScenarioBlob } from './readScenarioBlob';

/** Saves the document as `<title>.tunnelscope.json` through a temporary link; returns the name. */
export function downloadScenario(document: ScenarioDocument): string {
  const name = scenarioFileName(document.title);
  downloadBlob(name, new Blob([scenarioToFileText(document)], { type: 'application/json' }));
  return name;
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
