// Reads the Vitest and Playwright JSON reports written by `npm test` and prints one plain
// "N passed, N failed" line. A missing report counts as one failure (that step did not run).
import { existsSync, readFileSync } from 'node:fs';

function read(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

let passed = 0;
let failed = 0;
let skipped = 0;

const unit = read('reports/vitest.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + unit.numTodoTests;
  console.log(`unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
} else {
  failed += 1;
  console.log('unit: no report (the unit step did not run)');
}

const e2e = read('reports/playwright.json');
if (e2e) {
  const s = e2e.stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  skipped += s.skipped;
  const flaky = s.flaky ? ` (${s.flaky} passed on retry)` : '';
  console.log(`browser: ${s.expected + s.flaky} passed${flaky}, ${s.unexpected} failed`);
} else {
  failed += 1;
  console.log('browser: no report (the browser step did not run)');
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
