import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import schema from '../../scenarios/schema.json';
import { load } from '../scenario/load';
import { stableJson } from './stable-json';

const shipped = readFileSync(new URL('../../scenarios/early-warning.json', import.meta.url), 'utf8');

/** The same value with every object's keys reversed. */
function reversed(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(reversed);
  if (x === null || typeof x !== 'object') return x;
  return Object.fromEntries(
    Object.entries(x)
      .reverse()
      .map(([k, v]) => [k, reversed(v)]),
  );
}

describe('stableJson', () => {
  const data = JSON.parse(shipped);

  it('gives the same text whatever order the keys were in', () => {
    expect(stableJson(reversed(data), schema)).toBe(stableJson(data, schema));
  });

  it('keeps every value, so the exported drill loads as the same drill', () => {
    const text = stableJson(reversed(data), schema);
    expect(JSON.parse(text)).toEqual(data);
    const result = load(text);
    expect(result.ok && result.scenario).toEqual(load(shipped).ok && (load(shipped) as { scenario: unknown }).scenario);
  });

  it("puts keys in the schema's order, inside unions too", () => {
    const text = stableJson(reversed(data), schema);
    const top = Object.keys(JSON.parse(text));
    expect(top.slice(0, 4)).toEqual(['$schema', 'schemaVersion', 'id', 'title']);
    const node = JSON.parse(text).nodes[0];
    expect(Object.keys(node).slice(0, 4)).toEqual(['id', 'kind', 'title', 'text']);
    const measure = JSON.parse(text).nodes.flatMap((n: { choices?: { world?: unknown[] }[] }) =>
      (n.choices ?? []).flatMap((c) => c.world ?? []),
    )[0];
    expect(Object.keys(measure)[0]).toBe('type');
  });

  it('keeps unknown keys, after the known ones in alphabetical order, and never as a prototype', () => {
    const text = stableJson(JSON.parse('{"zeta": 1, "__proto__": {"polluted": true}, "id": "x"}'), schema);
    expect(text).toBe('{\n  "id": "x",\n  "__proto__": {\n    "polluted": true\n  },\n  "zeta": 1\n}\n');
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
