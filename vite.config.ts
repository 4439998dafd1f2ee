import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { lessons } from './scripts/lessons-table';
import { compileHints } from './scripts/vite-compile-hints';
import { contentSecurityPolicy } from './scripts/vite-csp';
import { authoringGuide } from './scripts/vite-docs';
import { prerender } from './scripts/vite-prerender';
import { shippedDrills } from './scripts/vite-shipped-drills';

/** The app's version, written into each results file a trainee exports. */
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * What the trainee's first load is made of — the library, its first screen, with React and the
 * store — as one chunk; and the run's screens with the engine they call as another, fetched when a
 * run is shown or while the library is idle (src/shell/run-screens.tsx, src/store/run-engine.ts).
 * Left to itself Rolldown splits the modules these share with the parts loaded on demand (the
 * debrief, the authoring view) into several small common chunks, which cost ~2 KB gzip more than
 * one file and broke the first load's budget; named as groups they load as two files, and the
 * parts opened later import from them. The first screen's modules are named one by one: a module
 * of the run's code named here would bring the engine back into the first load (the bench says).
 */
const FIRST_SCREEN =
  /\/src\/(store\/|shell\/app|engine\/types|ui\/(library-screen|import-panel|file-picker|store-context|use-open-draft|save-notice|screen-boundary|download|export-progress|styles))|\/node_modules\/(react|react-dom|scheduler|zustand|immer)\//;
/** The run's screens and the engine: everything else of the trainee's code. */
const RUN_CODE = /\/src\/(engine|shell|ui)\//;
/** Loaded only when opened: kept out of both groups. */
const OPENED_LATER =
  /\/src\/(ui\/debrief\/|ui\/class\/|ui\/help|ui\/article-dialog|ui\/cases-chart|ui\/requests-board|engine\/best-line|engine\/debrief)/;

const define = { __APP_VERSION__: JSON.stringify(version) };
const drills = () => shippedDrills(fileURLToPath(new URL('./scenarios', import.meta.url)));

export default defineConfig({
  define,
  plugins: [
    react(),
    drills(),
    // The library drawn into index.html at build time, with the drills' index it shows.
    prerender({ plugins: [drills()], define }),
    authoringGuide(fileURLToPath(new URL('./docs/authoring.md', import.meta.url))),
    lessons(fileURLToPath(new URL('./docs/lessons.md', import.meta.url))),
    contentSecurityPolicy(),
    // Chunks fetched ahead of their use, compiled then (scripts/vite-compile-hints.ts says why).
    compileHints(['run', 'cases-chart', 'requests-board', 'debrief-screen']),
  ],
  // Relative asset paths so the built app also works from a file share or a sub-folder.
  base: './',
  build: {
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'trainee', test: (id: string) => FIRST_SCREEN.test(id) && !OPENED_LATER.test(id) },
            { name: 'run', test: (id: string) => RUN_CODE.test(id) && !OPENED_LATER.test(id) },
          ],
        },
      },
    },
  },
  preview: { host: '127.0.0.1' },
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    // No test here is timed (speed is the bench's); a slow or shared machine must not fail one. The
    // property tests and the CLI tests take 0.5–2.5 s on a quiet 2-core machine and up to ten times that
    // when it is busy, past vitest's default of 5 s.
    testTimeout: 30_000,
  },
});
