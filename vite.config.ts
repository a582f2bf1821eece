import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// React 19 renders the views, in production and in tests alike; @vitejs/plugin-react adds Fast
// Refresh to the dev server.
export default defineConfig({
  plugins: [react()],
  test: {
    include: ['app/**/*.test.ts', 'app/**/*.test.tsx'],
    environment: 'node',
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
});
