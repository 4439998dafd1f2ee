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

const ID = 'virtual:shipped-drills';
const RESOLVED = `\0${ID}`;

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
  return {
    name: 'tuiyan:shipped-drills',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      this.addWatchFile(dir);
      const drills: LoadedFile[] = libraryDrillFiles(dir).map((file) => {
        const path = join(dir, file);
        this.addWatchFile(path);
        return { file, result: load(readFileSync(path, 'utf8')) };
      });
      // JSON.parse of a string literal parses faster than the same object as a JS literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(drills))});`;
    },
  };
}
