import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const ENTRY = fileURLToPath(new URL('app/main.tsx', import.meta.url));
/** The share-link codec's entry, loaded on demand (app/share/linkCodecStore.ts). */
const LINK_CODEC = fileURLToPath(new URL('app/share/linkCodec.ts', import.meta.url));

// The built app's Content-Security-Policy: scripts, styles, workers and requests from its own
// origin only, nothing inline, no plugins, no <base>, no form posts. Links and files carry
// scenarios, so a hole anywhere in the rendering must still find nothing it may run or send.
// In a <meta> of the built index.html (where frame-ancestors has no effect) and in the headers of
// `vite preview`; not in the dev server, whose hot reload injects inline scripts and styles.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'tunnelscope:content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

interface ModuleGraph {
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

/** `start` and every module it imports statically, directly or not. */
function staticClosure(graph: ModuleGraph, start: string): Set<string> {
  const seen = new Set<string>();
  const stack = [start];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(graph.getModuleInfo(next)?.importedIds ?? []));
  }
  return seen;
}

/**
 * The chunk groups. 'studio': every module the entry imports statically, what the first frame
 * runs, in one chunk. Left alone, rolldown splits those modules by which lazy chunks share them,
 * into several files that cost a request each and compress worse apart (about 2.5 kB more gzip).
 * 'linkCodec', after it: what the share-link codec adds (lz-string, the link reader and writer,
 * zod with the scenario schema, the file format), so that a `#s=` link costs one more request,
 * not three; opening a file and the compare screen use it too. A group
 * also takes its modules' dependencies; the studio's higher priority keeps its own in it.
 */
function chunkGroups() {
  let graphSeen: ModuleGraph | null = null;
  let firstLoad = new Set<string>();
  let linkCodec = new Set<string>();
  const closures = (graph: ModuleGraph) => {
    if (graph === graphSeen) return;
    graphSeen = graph;
    firstLoad = staticClosure(graph, ENTRY);
    linkCodec = staticClosure(graph, LINK_CODEC);
  };
  return [
    {
      debugName: 'studio',
      priority: 2,
      name: (id: string, graph: ModuleGraph) => {
        closures(graph);
        return firstLoad.has(id) ? 'studio' : null;
      },
    },
    {
      debugName: 'linkCodec',
      priority: 1,
      name: (id: string, graph: ModuleGraph) => {
        closures(graph);
        return linkCodec.has(id) && !firstLoad.has(id) ? 'linkCodec' : null;
      },
    },
  ];
}

// React 19 renders the views, in production and in tests alike; @vitejs/plugin-react adds Fast
// Refresh to the dev server. The first load stays small by loading lazily what the first frame
// does not need (app/ui/App.tsx, app/ui/lazyComponent.tsx, app/scenario/presets/catalog.ts,
// app/share/linkCodecStore.ts).
export default defineConfig({
  plugins: [react(), contentSecurityPolicyMeta()],
  preview: {
    headers: { 'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'` },
  },
  build: {
    // The studio chunk is one file by design (about 565 kB, under 190 kB gzip with its entry).
    chunkSizeWarningLimit: 650,
    rolldownOptions: { output: { codeSplitting: { groups: chunkGroups() } } },
  },
  test: {
    include: ['app/**/*.test.ts', 'app/**/*.test.tsx'],
    environment: 'node',
    // A guard against hangs, not a speed check: simulation-heavy tests (fuzz, properties, slices)
    // take several seconds on a busy 2-core machine, past vitest's 5 s default.
    testTimeout: 30_000,
    setupFiles: ['app/testSetup.ts'],
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
});
