/**
 * Writes scenarios/schema.json from the valibot schema (the one source of truth).
 * `--check` fails instead of writing when the checked-in file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { toJsonSchema } from '@valibot/to-json-schema';
import { AnyCondition, AnyNext, ConditionSchema, SCHEMA_VERSION, ScenarioSchema } from '../src/scenario/schema';

const target = new URL('../scenarios/schema.json', import.meta.url);

export function generateSchema(): string {
  const schema = toJsonSchema(ScenarioSchema, {
    // The condition is recursive: name it once and refer to it.
    definitions: { Condition: ConditionSchema, ConditionForms: AnyCondition, Next: AnyNext },
    errorMode: 'throw',
  });
  const document = {
    ...schema,
    $id: `https://tuiyan.local/schema/v${SCHEMA_VERSION}.json`,
    title: '桌面推演情景 — tuiyan scenario',
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

const fresh = generateSchema();
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
