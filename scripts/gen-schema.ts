/**
 * Writes scenarios/schema.json from the valibot schema (the one source of truth).
 * `--check` fails instead of writing when the checked-in file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { generateJsonSchema } from '../src/scenario/json-schema';

const target = new URL('../scenarios/schema.json', import.meta.url);
const fresh = generateJsonSchema();

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {}
  if (current !== fresh) {
    console.error('scenarios/schema.json is stale: run `npm run schema` and commit the result.');
    process.exit(1);
  }
  console.log('scenarios/schema.json is up to date.');
} else {
  writeFileSync(target, fresh);
  console.log(`wrote scenarios/schema.json (${fresh.length} bytes)`);
}
