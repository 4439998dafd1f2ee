/**
 * Writes the published JSON Schemas from their valibot schemas (the one source of truth):
 * scenarios/schema.json (the drill format) and docs/results.schema.json (the results file); and
 * the shape check `load` asks first, generated from the drill's schema (scripts/gen-shape.ts).
 * `--check` fails instead of writing when a checked-in file is stale.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resultsJsonSchema } from '../src/report/results-json-schema';
import { generateJsonSchema } from '../src/scenario/json-schema';
import { ScenarioSchema } from '../src/scenario/schema';
import { shapeSource } from './gen-shape';

/**
 * JSON as Biome formats it. docs/ is linted, so the file must be what `biome format` would write
 * (it puts short arrays on one line, which JSON.stringify never does); scenarios/schema.json is
 * excluded from Biome and keeps JSON.stringify's layout.
 */
function biomeJson(path: string, value: unknown): string {
  return biomeFormat(path, JSON.stringify(value, null, 2));
}

/** `text` as `biome format` writes a file at `path`. */
function biomeFormat(path: string, text: string): string {
  const biome = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome');
  const out = spawnSync(process.execPath, [biome, 'format', `--stdin-file-path=${path}`], {
    input: text,
    encoding: 'utf8',
  });
  if (out.status !== 0) throw new Error(`biome format ${path} failed: ${out.stderr}`);
  return out.stdout;
}

const SHAPE_CHECK = 'src/scenario/scenario-shape.generated.ts';

const targets: { path: string; fresh: () => string }[] = [
  { path: 'scenarios/schema.json', fresh: generateJsonSchema },
  { path: 'docs/results.schema.json', fresh: () => biomeJson('docs/results.schema.json', resultsJsonSchema()) },
  {
    path: SHAPE_CHECK,
    fresh: () =>
      biomeFormat(
        SHAPE_CHECK,
        shapeSource(ScenarioSchema, {
          importRoot: "import { ScenarioSchema } from './schema';",
          rootName: 'ScenarioSchema',
          // Conditions nest two levels of lazy each, under at most ten of the drill's own: 25 stays within MAX_NESTING_DEPTH.
          maxLazyDepth: 25,
          exportName: 'hasScenarioShape',
        }),
      ),
  },
];

const check = process.argv.includes('--check');
let stale = 0;
for (const { path, fresh } of targets) {
  const target = new URL(`../${path}`, import.meta.url);
  const text = fresh();
  if (check) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {}
    if (current !== text) {
      console.error(`${path} is stale: run \`npm run schema\` and commit the result.`);
      stale++;
    } else console.log(`${path} is up to date.`);
  } else {
    writeFileSync(target, text);
    console.log(`wrote ${path} (${text.length} bytes)`);
  }
}
if (stale > 0) process.exit(1);
