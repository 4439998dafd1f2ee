/**
 * The shipped drills are loaded (parsed, checked against the schema, linted) when the app is
 * built, with the very `load` the app and the command line use. The trainee's browser then gets
 * the results as data and never downloads the validator; it is fetched only to import a file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { load } from '../src/scenario/load';
import type { LoadedFile } from '../src/store/library-slice';
import { dataModule } from './vite-data-module';

/** The commented template drill instructors copy: checked and play-tested, but not a drill to train on. */
export const TEMPLATE_FILE = 'template.json';

/** Every drill in `dir` (scenarios/*.json except the published JSON Schema): what `npm test` checks and play-tests. */
export function drillFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'schema.json')
    .sort();
}

/** The drills the trainee's library shows: every drill but the template. */
export function libraryDrillFiles(dir: string): string[] {
  return drillFiles(dir).filter((f) => f !== TEMPLATE_FILE);
}

export function shippedDrills(dir: string): Plugin {
  return dataModule('tuiyan:shipped-drills', 'virtual:shipped-drills', (watch): LoadedFile[] => {
    watch(dir);
    return libraryDrillFiles(dir).map((file) => {
      const path = join(dir, file);
      watch(path);
      return { file, result: load(readFileSync(path, 'utf8')) };
    });
  });
}
