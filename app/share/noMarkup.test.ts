// Link and file content reaches the page only as text: no component here sets raw HTML.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = import.meta.dirname;
const RAW_HTML = ['dangerously', 'SetInnerHTML'].join('');

describe('app/share', () => {
  it('never sets raw HTML', () => {
    const sources = readdirSync(DIR).filter(
      (name) => /\.tsx?$/.test(name) && name !== 'noMarkup.test.ts',
    );
    expect(sources.length).toBeGreaterThan(5);
    for (const name of sources) {
      const text = readFileSync(join(DIR, name), 'utf8');
      expect(text.includes(RAW_HTML), name).toBe(false);
      expect(/\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=/.test(text), name).toBe(false);
    }
  });
});
