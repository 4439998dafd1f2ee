/**
 * The shipped drills are loaded (parsed, checked against the schema, linted) when the app is
 * built, with the very `load` the app and the command line use. The trainee's browser then gets
 * the results as data and never downloads the validator; it is fetched only to import a file.
 *
 * Two kinds of module, so the first screen waits for no drill's text: `virtual:shipped-drills`,
 * the index (what the library's cards show, each drill's hash, the files rejected here with their
 * problems), and `virtual:shipped-drill/<file>`, one chunk per drill (its scenario and hash), which
 * the index imports only dynamically: a drill is fetched when it is opened, or ahead when idle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { type LoadResult, load } from '../src/scenario/load';
import type { DrillCard } from '../src/store/library-slice';
import { drillCard } from '../src/store/library-slice';

/** The commented template drill instructors copy: checked and play-tested, but not a drill to train on. */
export const TEMPLATE_FILE = 'template.json';

/** The index's module id; the bench finds its chunk by `shipped-drills` in the manifest's keys. */
export const INDEX_ID = 'virtual:shipped-drills';
const DRILL_PREFIX = 'virtual:shipped-drill/';

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

/** JSON.parse of a string literal parses faster than the same object as a JS literal. */
const data = (value: unknown) => `JSON.parse(${JSON.stringify(JSON.stringify(value))})`;

/** The index's entry for one file: a card to show and a drill to fetch, or the problems that kept it out. */
function indexEntry(file: string, result: LoadResult): string {
  if (!result.ok) return `{ file: ${JSON.stringify(file)}, problems: ${data(result.problems)} }`;
  const card: DrillCard = drillCard(result.scenario);
  // Named without `.json`, which Vite's JSON plugin would take for a file of its own to parse.
  const drill = JSON.stringify(DRILL_PREFIX + file.replace(/\.json$/, ''));
  return `{ file: ${JSON.stringify(file)}, card: ${data(card)}, hash: ${JSON.stringify(result.hash)}, fetch: () => import(${drill}).then((m) => m.default) }`;
}

export function shippedDrills(dir: string): Plugin {
  // One build loads each file once, for its card and for its chunk; a changed file is loaded again.
  const loaded = new Map<string, LoadResult>();
  const loadFile = (file: string): LoadResult => {
    const text = readFileSync(join(dir, file), 'utf8');
    const result = loaded.get(text) ?? load(text);
    loaded.set(text, result);
    return result;
  };
  let base = '/';
  return {
    name: 'tuiyan:shipped-drills',
    configResolved: (config) => {
      base = config.base;
    },
    // The index is fetched beside the entry chunk, not after it has run: one round trip, not two.
    transformIndexHtml: {
      order: 'post',
      handler: (_html, { bundle }) => {
        const index = Object.values(bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.facadeModuleId === `\0${INDEX_ID}`,
        );
        if (!index) return undefined; // the dev server, or one file with nothing to fetch
        const href = `${base}${index.fileName}`;
        return [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href }, injectTo: 'head' }];
      },
    },
    resolveId: (source) => (source === INDEX_ID || source.startsWith(DRILL_PREFIX) ? `\0${source}` : undefined),
    load(id) {
      if (id === `\0${INDEX_ID}`) {
        const entries = libraryDrillFiles(dir).map((file) => {
          this.addWatchFile(join(dir, file));
          return indexEntry(file, loadFile(file));
        });
        return `export default [\n${entries.join(',\n')}\n];`;
      }
      if (id.startsWith(`\0${DRILL_PREFIX}`)) {
        const file = `${id.slice(DRILL_PREFIX.length + 1)}.json`;
        this.addWatchFile(join(dir, file));
        const result = loadFile(file);
        if (!result.ok) throw new Error(`${file} was rejected when the index was built`);
        return `export default ${data({ scenario: result.scenario, hash: result.hash })};`;
      }
      return undefined;
    },
  };
}
