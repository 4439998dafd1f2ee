import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { contentSecurityPolicy } from './scripts/vite-csp';
import { authoringGuide } from './scripts/vite-docs';
import { shippedDrills } from './scripts/vite-shipped-drills';

/** The app's version, written into each results file a trainee exports. */
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(version) },
  plugins: [
    react(),
    shippedDrills(fileURLToPath(new URL('./scenarios', import.meta.url))),
    authoringGuide(fileURLToPath(new URL('./docs/authoring.md', import.meta.url))),
    contentSecurityPolicy(),
  ],
  // Relative asset paths so the built app also works from a file share or a sub-folder.
  base: './',
  preview: { host: '127.0.0.1' },
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
  },
});
