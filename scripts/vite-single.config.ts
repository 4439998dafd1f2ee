/**
 * `npm run build:single`: the whole app as one HTML file, `dist-single/tuiyan.html`, to be opened
 * from disk (`file://`) on a machine with no server and no network — a USB stick in a classroom.
 *
 * The served build's config (vite.config.ts) with its plugins — the shipped drills, the guide, the
 * app's version — and none of its splitting: vite-plugin-singlefile turns code splitting off, so
 * the debrief, the authoring view, the help and the laws' text are in the one script, and puts that
 * script and the styles into the page. scripts/vite-single-file.ts then gives the page a policy that
 * allows exactly that script and that style by hash. `npm run build` and `npm start` do not read
 * this file.
 */
import { fileURLToPath } from 'node:url';
import type { PluginOption } from 'vite';
import { defineConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import served from '../vite.config';
import { singleFileChecks } from './vite-single-file';

/** Where `npm run build:single` writes, and the one file it writes there. */
export const SINGLE_DIR = 'dist-single';
export const SINGLE_FILE = 'tuiyan.html';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The served build's plugins but its policy, which allows no inline script (the one file has only that). */
const plugins = (served.plugins ?? []).filter(
  (p: PluginOption) => !(p && typeof p === 'object' && 'name' in p && p.name === 'tuiyan:content-security-policy'),
);

// The served config's `test` is vitest's and its `build` is the served build's chunk groups: neither applies.
const { test: _test, build: _build, plugins: _plugins, ...shared } = served;

export default defineConfig({
  ...shared,
  root,
  plugins: [...plugins, viteSingleFile({ outputFileName: SINGLE_FILE }), singleFileChecks()],
  build: { outDir: fileURLToPath(new URL(`../${SINGLE_DIR}`, import.meta.url)), emptyOutDir: true },
});
