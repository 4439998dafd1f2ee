/** The published JSON Schema of the results file (docs/results.schema.json), generated from its valibot schema. */
import { toJsonSchema } from '@valibot/to-json-schema';
import { RESULTS_VERSION, ResultsSchema } from './results-file';

/** The schema as a JSON value: `npm run schema` writes it (formatted as Biome formats JSON). */
export function resultsJsonSchema(): Record<string, unknown> {
  const schema = toJsonSchema(ResultsSchema, { errorMode: 'throw' });
  return {
    ...schema,
    $id: `https://tuiyan.local/schema/results-v${RESULTS_VERSION}.json`,
    title: '桌面推演结果文件 — tuiyan results file',
  };
}
