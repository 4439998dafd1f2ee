import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Json, properties } from '../../test/json-schema-walk';
import { generateJsonSchema } from './json-schema';

/** The schema a `$ref` ("#/$defs/Name") points to. */
function resolve(root: Json, ref: string): Json {
  const name = ref.replace(/^#\/\$defs\//, '');
  const found = (root.$defs as Json)[name];
  if (!found) throw new Error(`no definition ${ref}`);
  return found as Json;
}

/**
 * Whether the editor has a value to offer for this schema: its own `examples`, an `enum` or a
 * `const`; or, for an object, its properties (each checked on its own); for an array or a
 * record, its items; for a choice of forms, every form.
 */
function offersValues(root: Json, s: Json, seen: Set<string> = new Set()): boolean {
  if (typeof s.$ref === 'string') {
    if (seen.has(s.$ref)) return true;
    seen.add(s.$ref);
    return offersValues(root, resolve(root, s.$ref), seen);
  }
  if (Array.isArray(s.examples) && s.examples.length > 0) return true;
  if (Array.isArray(s.enum) || 'const' in s) return true;
  const forms = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (forms) return forms.every((f) => offersValues(root, f, seen));
  if (s.type === 'object' && s.properties) return true;
  if (s.type === 'object' && s.additionalProperties) return offersValues(root, s.additionalProperties as Json, seen);
  if (s.type === 'array' && Array.isArray(s.items))
    return (s.items as Json[]).every((i) => offersValues(root, i, seen));
  if (s.type === 'array' && s.items) return offersValues(root, s.items as Json, seen);
  return false;
}

/** Why `value` does not fit `s` (the keywords schema.json uses), or null when it does. */
function misfit(root: Json, s: Json, value: unknown): string | null {
  if (typeof s.$ref === 'string') return misfit(root, resolve(root, s.$ref), value);
  const forms = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (forms) return forms.some((f) => misfit(root, f, value) === null) ? null : 'fits none of the forms';
  if ('const' in s && value !== s.const) return `is not ${JSON.stringify(s.const)}`;
  if (Array.isArray(s.enum) && !s.enum.includes(value)) return 'is not in the enum';
  const kind = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  if (s.type === 'integer' ? !Number.isInteger(value) : s.type !== undefined && s.type !== kind) {
    return `is ${kind}, not ${String(s.type)}`;
  }
  if (typeof value === 'string') {
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value)) return `does not match ${s.pattern}`;
    if (typeof s.minLength === 'number' && value.length < s.minLength) return 'is too short';
    if (typeof s.maxLength === 'number' && value.length > s.maxLength) return 'is too long';
  }
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) return `is below ${s.minimum}`;
    if (typeof s.maximum === 'number' && value > s.maximum) return `is above ${s.maximum}`;
  }
  if (Array.isArray(value)) {
    const items = s.items;
    const itemSchemas = value.map((_, i) => (Array.isArray(items) ? items[i] : items) as Json | undefined);
    for (const [i, item] of itemSchemas.entries()) {
      const why = item ? misfit(root, item, value[i]) : s.additionalItems === false ? 'is one item too many' : null;
      if (why) return `item ${i} ${why}`;
    }
    if (typeof s.minItems === 'number' && value.length < s.minItems) return 'has too few items';
  }
  if (kind === 'object') {
    const obj = value as Json;
    const props = (s.properties ?? {}) as Json;
    for (const key of (s.required ?? []) as string[]) if (!(key in obj)) return `lacks ${key}`;
    for (const [key, x] of Object.entries(obj)) {
      const ps = props[key] as Json | undefined;
      if (ps === undefined && s.additionalProperties === false) return `has an unknown key ${key}`;
      const why = misfit(root, ps ?? (s.additionalProperties as Json) ?? {}, x);
      if (why) return `${key} ${why}`;
    }
  }
  return null;
}

/** Every object schema in the document (anything with `properties`), with its path. */
function objects(node: unknown, path: string, found: [string, Json][]): [string, Json][] {
  if (Array.isArray(node)) {
    node.forEach((x, i) => {
      objects(x, `${path}/${i}`, found);
    });
  } else if (node && typeof node === 'object') {
    const obj = node as Json;
    if (obj.type === 'object' && obj.properties && typeof obj.properties === 'object') found.push([path, obj]);
    for (const [key, value] of Object.entries(obj)) objects(value, `${path}/${key}`, found);
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

  it('offers example values for every field, so the editor can suggest them', () => {
    const root = JSON.parse(generateJsonSchema()) as Json;
    const all = properties(root, '', []);
    const bare = all.filter(([, schema]) => !offersValues(root, schema));
    expect(bare.map(([path]) => path)).toEqual([]);
  });

  it('offers only examples that the schema itself accepts', () => {
    const root = JSON.parse(generateJsonSchema()) as Json;
    const wrong: string[] = [];
    const visit = (node: unknown, path: string) => {
      if (Array.isArray(node)) {
        node.forEach((x, i) => {
          visit(x, `${path}/${i}`);
        });
      } else if (node && typeof node === 'object') {
        const obj = node as Json;
        if (Array.isArray(obj.examples)) {
          obj.examples.forEach((example, i) => {
            const why = misfit(root, obj, example);
            if (why) wrong.push(`${path}/examples/${i} ${why}`);
          });
        }
        for (const [key, value] of Object.entries(obj)) if (key !== 'examples') visit(value, `${path}/${key}`);
      }
    };
    visit(root, '');
    expect(wrong).toEqual([]);
  });

  it('lets every object carry a "$comment" for authors, except the map of scoring rules', () => {
    const root = JSON.parse(generateJsonSchema()) as Json;
    const found = objects(root, '', []);
    expect(found.length).toBeGreaterThan(30);
    const without = found.filter(([, s]) => !('$comment' in (s.properties as Json))).map(([path]) => path);
    expect(without).toEqual(['/properties/scoring/properties/rules']);
  });

  it('would notice a field that lost its examples', () => {
    const root = JSON.parse(generateJsonSchema()) as Json;
    const title = (root.properties as Json).title as Json;
    expect(offersValues(root, title)).toBe(true);
    expect(offersValues(root, { ...title, examples: undefined })).toBe(false);
    expect(offersValues(root, { type: 'array', items: { type: 'string' } })).toBe(false);
    expect(misfit(root, title, '')).toBe('is too short');
  });
});
