import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { lessons } from './scripts/lessons-table';
import { contentSecurityPolicy } from './scripts/vite-csp';
import { authoringGuide } from './scripts/vite-docs';
import { shippedDrills } from './scripts/vite-shipped-drills';

/** The app's version, written into each results file a trainee exports. */
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * What the trainee's first load is made of, as one chunk. Left to itself Rolldown splits the modules
 * the first load shares with the parts loaded on demand (the debrief, the authoring view) into
 * several small common chunks, which cost ~2 KB gzip more than one file and broke the first load's
 * budget; named as one group they load as one file, and the parts opened later import from it.
 */
const TRAINEE_CODE = /\/src\/(engine|store|shell|ui)\/|\/node_modules\/(react|react-dom|scheduler|zustand|immer)\//;
/** Loaded only when opened: kept out of the first load's group. */
const OPENED_LATER =
  /\/src\/(ui\/debrief\/|ui\/class\/|ui\/help|ui\/article-dialog|ui\/cases-chart|ui\/requests-board|engine\/best-line|engine\/debrief)/;

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(version) },
  plugins: [
    react(),
    shippedDrills(fileURLToPath(new URL('./scenarios', import.meta.url))),
    authoringGuide(fileURLToPath(new URL('./docs/authoring.md', import.meta.url))),
    lessons(fileURLToPath(new URL('./docs/lessons.md', import.meta.url))),
    contentSecurityPolicy(),
  ],
  // Relative asset paths so the built app also works from a file share or a sub-folder.
  base: './',
  build: {
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'trainee', test: (id: string) => TRAINEE_CODE.test(id) && !OPENED_LATER.test(id) }],
        },
      },
    },
  },
  preview: { host: '127.0.0.1' },
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
  },
});
