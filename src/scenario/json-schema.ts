/** The published JSON Schema (scenarios/schema.json), generated from the valibot schema. */
import { toJsonSchema } from '@valibot/to-json-schema';
import { AnyCondition, AnyNext, ConditionSchema, SCHEMA_VERSION, ScenarioSchema } from './schema';
import { Comment } from './schema-primitives';
import { Measure } from './world-schema';

export function generateJsonSchema(): string {
  const schema = toJsonSchema(ScenarioSchema, {
    // The condition is recursive: name it once and refer to it. "$comment" stands on every object: once.
    definitions: { Condition: ConditionSchema, ConditionForms: AnyCondition, Next: AnyNext, Measure, Comment },
    errorMode: 'throw',
  });
  const document = {
    ...schema,
    $id: `https://tuiyan.local/schema/v${SCHEMA_VERSION}.json`,
    title: '桌面推演情景 — tuiyan scenario',
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
