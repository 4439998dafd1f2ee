import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateJsonSchema } from './json-schema';

type Json = { [key: string]: unknown };

/** Every property schema in the document, with its path, however deeply nested. */
function properties(node: unknown, path: string, found: [string, Json][]): [string, Json][] {
  if (Array.isArray(node)) {
    node.forEach((x, i) => {
      properties(x, `${path}/${i}`, found);
    });
  } else if (node && typeof node === 'object') {
    const obj = node as Json;
    if (obj.properties && typeof obj.properties === 'object') {
      for (const [key, value] of Object.entries(obj.properties as Json)) found.push([`${path}/${key}`, value as Json]);
    }
    for (const [key, value] of Object.entries(obj)) properties(value, `${path}/${key}`, found);
  }
  return found;
}

describe('scenarios/schema.json', () => {
  it('is what `npm run schema` generates from the valibot schema (run it when this fails)', () => {
    expect(readFileSync('scenarios/schema.json', 'utf8')).toBe(generateJsonSchema());
  });

  it('describes every field, in Chinese and English, for the instructor’s editor', () => {
    const all = properties(JSON.parse(generateJsonSchema()), '', []);
    expect(all.length).toBeGreaterThan(50);
    const undescribed = all.filter(([, schema]) => typeof schema.description !== 'string' && !schema.$ref);
    expect(undescribed.map(([path]) => path)).toEqual([]);
    const bilingual = /[\u4e00-\u9fff].* — [A-Za-z]/;
    const notBilingual = all.filter(([, s]) => typeof s.description === 'string' && !bilingual.test(s.description));
    expect(notBilingual.map(([path, s]) => `${path}: ${s.description}`)).toEqual([]);
  });
});
