import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// React 19 renders the views, in production and in tests alike; @vitejs/plugin-react adds Fast
// Refresh to the dev server. The first load stays small by loading lazily what the first frame
// does not need (app/ui/App.tsx, app/scenario/presets/catalog.ts).
export default defineConfig({
  plugins: [react()],
  test: {
    include: ['app/**/*.test.ts', 'app/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['app/testSetup.ts'],
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
});
