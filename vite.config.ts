import { defineConfig } from 'vitest/config';

// The views are written against React's API and rendered by Preact through preact/compat: the
// same components in about 10 kB gzip instead of react-dom's 60 kB, which keeps the first load
// within the visualizer's 150 kB budget. Tests run on the same renderer as production.
const preactForReact = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-(dev-)?runtime$/, replacement: 'preact/jsx-runtime' },
];

export default defineConfig({
  resolve: { alias: preactForReact },
  test: {
    include: ['app/**/*.test.ts', 'app/**/*.test.tsx'],
    environment: 'node',
    // zustand imports 'react': bundle it through the alias instead of loading it from node_modules.
    server: { deps: { inline: ['zustand'] } },
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
});
