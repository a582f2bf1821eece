// A web worker that reads and parses a picked scenario file, so that the page stays responsive:
// parsing the largest file allowed (16 MB of JSON, SCENARIO_CONFIG_LINES_MAX lines of config)
// takes about a second. It answers each file (a Blob) with its ParseResult.

import { readScenarioBlob } from './readScenarioBlob';

self.onmessage = async (event: MessageEvent<Blob>) => {
  self.postMessage(await readScenarioBlob(event.data));
};
