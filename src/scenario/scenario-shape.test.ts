import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { largeDrill } from '../../scripts/bench-drill';
import { shapeSource } from '../../scripts/gen-shape';
import { uiDrill } from '../../test/fixtures/ui-drill';
import { worldDrill } from '../../test/fixtures/world-drill';
import { hasScenarioShape as hasShape } from './scenario-shape.generated';
import { ScenarioSchema } from './schema';
import { lazyByKey, lazyByType } from './schema-primitives';
import { shapeFingerprint, shapeNodes } from './shape-nodes';

const generate = (schema: v.GenericSchema) =>
  shapeSource(schema, { importRoot: '', rootName: 'root', maxLazyDepth: 25, exportName: 'check' });
const drillFile = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../scenarios/${name}`, import.meta.url), 'utf8'));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path into a JSON value. */
function paths(value: Json, path: (string | number)[] = []): (string | number)[][] {
  const here = [path];
  if (Array.isArray(value)) return here.concat(...value.map((x, i) => paths(x, [...path, i])));
  if (value && typeof value === 'object')
    return here.concat(...Object.entries(value).map(([k, x]) => paths(x, [...path, k])));
  return here;
}

describe('the generated shape check', () => {
  it('says yes to the drills we ship, the template and the test drills, so loading them takes the fast way', () => {
    for (const drill of [
      drillFile('early-warning.json'),
      drillFile('template.json'),
      uiDrill,
      worldDrill,
      largeDrill(300),
    ]) {
      expect(hasShape(JSON.parse(JSON.stringify(drill)))).toBe(true);
    }
  });

  it('says yes only where valibot accepts the data and gives it back unchanged (mutated drills)', {
    timeout: 30_000,
  }, () => {
    const roots = [drillFile('early-warning.json'), drillFile('template.json')] as Json[];
    const cases = roots.flatMap((root) => paths(root).flatMap((p) => (p.length > 0 ? [{ root, path: p }] : [])));
    let agreed = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        fc.oneof(fc.jsonValue(), fc.constant('$delete'), fc.constant('$unknown-key'), fc.constant('__proto__')),
        ({ root, path }, value) => {
          const copy = structuredClone(root) as Record<string | number, Json>;
          let parent = copy;
          for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
          const last = path[path.length - 1] as string | number;
          if (value === '$delete') delete parent[last];
          else if (value === '$unknown-key' || value === '__proto__') {
            const target = parent[last];
            if (target && typeof target === 'object' && !Array.isArray(target)) {
              Object.defineProperty(target, value === '__proto__' ? '__proto__' : 'extra', {
                value: 1,
                enumerable: true,
                configurable: true,
                writable: true,
              });
            }
          } else parent[last] = value as Json;
          const fast = hasShape(copy);
          const slow = v.safeParse(ScenarioSchema, copy);
          if (fast) {
            expect(slow.success).toBe(true);
            expect(slow.output).toStrictEqual(copy);
          }
          if (fast === slow.success) agreed++;
        },
      ),
      { numRuns: 800 },
    );
    // Not a proof of speed, but a sign the fast way is taken almost always when it may be.
    expect(agreed).toBeGreaterThan(760);
  });

  it('refuses what valibot would change or drop, leaving it to valibot', () => {
    const drill = drillFile('early-warning.json');
    expect(hasShape({ ...drill, travel: [{ ...drill.travel[0], between: [...drill.travel[0].between, 'x'] }] })).toBe(
      false,
    );
    expect(hasShape(JSON.parse(`{"__proto__": 1, ${JSON.stringify(drill).slice(1)}`))).toBe(false);
  });

  it('cannot be generated from a schema with a step it does not know', () => {
    expect(() => generate(v.pipe(v.string(), v.trim()))).toThrow(/may change the data/);
    expect(() =>
      generate(
        v.pipe(
          v.string(),
          v.check((s) => s.length > 0),
        ),
      ),
    ).toThrow(/no check/);
    expect(() => generate(v.date())).toThrow(/no check/);
    expect(() => generate(v.strictObject({ a: v.optional(v.string(), 'x') }))).toThrow(/default/);
    expect(() => generate(v.strictObject({ toString: v.string() }))).toThrow(/inherited/);
    // A pipe inside a pipe is flattened into one test: its steps must be looked at all the same.
    expect(() => generate(v.pipe(v.pipe(v.string(), v.trim()), v.minLength(1)))).toThrow(/may change the data/);
    // valibot writes a fallback in for a missing key, even an optional one.
    expect(() => generate(v.strictObject({ a: v.fallback(v.optional(v.string()), 'x') }))).toThrow(/fallback/);
  });

  it('picks as a lazy part picks: inline where the dispatch is declared, else by calling its getter', () => {
    const A = v.strictObject({ a: v.string() });
    const B = v.strictObject({ b: v.string() });
    expect(generate(v.array(lazyByKey({ a: A, b: B }, v.union([A, B]))))).not.toContain('getter');
    expect(generate(v.array(lazyByType({ string: v.string(), array: v.array(v.string()) }, A)))).not.toContain(
      'getter',
    );
    // A getter the generator cannot read is called at run time, and its pick looked up.
    expect(generate(v.array(v.lazy((input) => (typeof input === 'string' ? v.string() : A))))).toContain('.getter(x)');
    // A declared dispatch the getter does not keep to is found out when the check is generated.
    const lying = Object.assign(
      v.lazy((input) => (input && typeof input === 'object' && 'b' in input ? B : A)),
      { dispatch: { by: 'key', keys: ['a', 'b'], pick: { a: A, b: B }, otherwise: A } },
    );
    expect(() => generate(v.array(lying))).toThrow(/picks otherwise/);
  });

  it('refuses objects not made as JSON.parse makes them, and everything while Object.prototype holds a key the schema names', () => {
    const drill = drillFile('early-warning.json');
    const bare = drillFile('early-warning.json');
    bare.nodes[0].choices[0] = Object.assign(Object.create(null), bare.nodes[0].choices[0]);
    expect(hasShape(bare)).toBe(false);
    const region = drillFile('early-warning.json');
    region.regions[0].supplies = Object.assign(Object.create({ gowns: 1 }), { masks: 6 });
    expect(hasShape(region)).toBe(false);
    try {
      // Not enumerable, so no key count sees it: only the check on Object.prototype does.
      Object.defineProperty(Object.prototype, 'feedback', { value: 'x', configurable: true });
      expect(hasShape(drill)).toBe(false);
    } finally {
      delete (Object.prototype as Record<string, unknown>).feedback;
    }
    expect(hasShape(drill)).toBe(true);
  });

  it('renames only calls when it merges alike functions, never a literal or a key that reads like one', () => {
    const source = generate(
      v.strictObject({
        b: v.strictObject({ c: v.string() }),
        d: v.strictObject({ c: v.string() }),
        a: v.strictObject({ k: v.literal('s3'), s3: v.number() }),
      }),
    );
    // b's and d's checks are one function, s1, where d's would have been s3.
    expect(source.match(/!s1\(v\)/g)).toHaveLength(2);
    expect(source).not.toContain('function s3(');
    expect(source).toContain('v === "s3"');
    expect(source).toContain('case "s3":');
    expect(source).not.toContain('"s1"');
  });

  it('refuses a __proto__ or constructor key anywhere, which valibot would drop or refuse', () => {
    const text = readFileSync(new URL('../../scenarios/early-warning.json', import.meta.url), 'utf8');
    const fresh = () => JSON.parse(text);
    const cases: [string, (drill: ReturnType<typeof fresh>) => Record<string, unknown>][] = [
      ['the drill', (d) => d],
      ['a choice', (d) => d.nodes[0].choices[0]],
      ['a score rule', (d) => d.nodes[0].choices[0].score[0]],
      ['a region', (d) => d.regions[0]],
      // A record: valibot would keep the other keys and silently leave this one out.
      ['a region’s supplies', (d) => d.regions[0].supplies],
    ];
    expect(hasShape(fresh())).toBe(true);
    for (const [, at] of cases) {
      for (const key of ['__proto__', 'constructor', 'prototype']) {
        const drill = fresh();
        // As JSON.parse makes it: an own, enumerable key, even for __proto__.
        Object.defineProperty(at(drill), key, { value: 1, enumerable: true, configurable: true, writable: true });
        expect(Object.hasOwn(at(drill), key)).toBe(true);
        expect(hasShape(drill)).toBe(false);
      }
    }
    // From the text itself, as a file would bring it.
    const inText = text.replace('"masks": 6', '"__proto__": 6, "masks": 6');
    expect(inText).not.toBe(text);
    expect(hasShape(JSON.parse(inText))).toBe(false);
  });

  it('refuses an extra key on a choice, whatever its value', () => {
    for (const value of [1, null, '', [], {}, false]) {
      const drill = drillFile('early-warning.json');
      drill.nodes[1].choices[2].note = value;
      expect(hasShape(drill)).toBe(false);
      expect(v.safeParse(ScenarioSchema, drill).success).toBe(false);
    }
  });

  it('refuses a number that is not an integer, or outside its bounds, where the schema says so', () => {
    const set = (change: (d: ReturnType<typeof drillFile>) => void) => {
      const drill = drillFile('early-warning.json');
      change(drill);
      return drill;
    };
    const within = [
      set((d) => {
        d.nodes[0].choices[0].score[0].delta = 100;
      }),
      set((d) => {
        d.nodes[0].choices[0].score[0].delta = -100;
      }),
      set((d) => {
        d.regions[0].beds = 0;
      }),
    ];
    for (const drill of within) {
      expect(hasShape(drill)).toBe(true);
      expect(v.safeParse(ScenarioSchema, drill).success).toBe(true);
    }
    const outside = [
      set((d) => {
        d.nodes[0].choices[0].score[0].delta = 2.5;
      }),
      set((d) => {
        d.nodes[0].choices[0].score[0].delta = 101;
      }),
      set((d) => {
        d.nodes[0].choices[0].score[0].delta = -101;
      }),
      set((d) => {
        d.regions[0].beds = -1;
      }),
      set((d) => {
        d.regions[0].beds = 0.5;
      }),
      set((d) => {
        d.regions[0].supplies.masks = -0.5;
      }),
      // JSON cannot bring these, but a caller with an object could.
      set((d) => {
        d.nodes[0].choices[0].score[0].delta = Number.NaN;
      }),
      set((d) => {
        d.regions[0].beds = Number.POSITIVE_INFINITY;
      }),
      // A plain number, with no bound to refuse NaN in its stead.
      set((d) => {
        d.nodes[0].choices[0].when = { var: d.variables[0].id, op: '==', value: Number.NaN };
      }),
    ];
    for (const drill of outside) {
      expect(hasShape(drill)).toBe(false);
      expect(v.safeParse(ScenarioSchema, drill).success).toBe(false);
    }
  });

  it('cannot be generated where its yes could be wrong: a step that changes the data inside a nested pipe, an unbounded bound, a union option that may drop data', () => {
    expect(() => generate(v.pipe(v.pipe(v.string(), v.trim()), v.minLength(1)))).toThrow(/may change the data/);
    expect(() => generate(v.pipe(v.number(), v.maxValue(Number.POSITIVE_INFINITY)))).toThrow(/finite/);
    expect(() => generate(v.union([v.tuple([v.string()]), v.array(v.string())]))).toThrow(/tuple or a record/);
    expect(() => generate(v.union([v.record(v.string(), v.number()), v.string()]))).toThrow(/tuple or a record/);
  });

  it('keeps a field named like one of its functions apart from the function', () => {
    const source = generate(
      v.strictObject({
        s1: v.optional(v.strictObject({ a: v.string() })),
        s2: v.optional(v.strictObject({ a: v.number() })),
      }),
    );
    expect(source).toContain('case "s1":');
    expect(source).toContain('case "s2":');
    expect(source).not.toContain('\u0001');
  });

  it('knows a schema it was not generated from: its fingerprint changes with a bound, a key or a literal', () => {
    const of = (schema: v.GenericSchema) => shapeFingerprint(shapeNodes(schema));
    const base = of(v.strictObject({ a: v.pipe(v.string(), v.maxLength(100)), b: v.literal('x') }));
    expect(of(v.strictObject({ a: v.pipe(v.string(), v.maxLength(100)), b: v.literal('x') }))).toBe(base);
    expect(of(v.strictObject({ a: v.pipe(v.string(), v.maxLength(50)), b: v.literal('x') }))).not.toBe(base);
    expect(of(v.strictObject({ a: v.pipe(v.string(), v.maxLength(100)), c: v.literal('x') }))).not.toBe(base);
    expect(of(v.strictObject({ a: v.pipe(v.string(), v.maxLength(100)), b: v.literal('y') }))).not.toBe(base);
  });

  it('answers no to a key that holds undefined, which no JSON text makes, and yes whatever order the keys come in', () => {
    const drill = drillFile('early-warning.json');
    const choice = drill.nodes[1].choices[2];
    // Every key reversed: each object is walked by its keys, so their order must not matter.
    drill.nodes[1].choices[2] = Object.fromEntries(Object.entries(choice).reverse());
    expect(hasShape(drill)).toBe(true);
    for (const key of ['$comment', 'power', 'label']) {
      const copy = drillFile('early-warning.json');
      copy.nodes[1].choices[2][key] = undefined;
      expect(hasShape(copy)).toBe(false);
    }
  });

  it('refuses a key beside the declared ones, or one only inherited, anywhere in a choice', () => {
    const drill = drillFile('early-warning.json');
    expect(hasShape(drill)).toBe(true);
    const extra = structuredClone(drill);
    extra.nodes[0].choices[0].extra = 1;
    expect(hasShape(extra)).toBe(false);
    const inherited = structuredClone(drill);
    const choice = inherited.nodes[0].choices[0];
    inherited.nodes[0].choices[0] = Object.assign(Object.create({ ...choice }), {});
    expect(hasShape(inherited)).toBe(false);
  });

  it('answers no, without overflowing the stack, to conditions nested deeper than allowed', () => {
    let when: unknown = { visited: 'call' };
    for (let i = 0; i < 100_000; i++) when = { not: when };
    const drill = drillFile('early-warning.json');
    drill.nodes[0].choices[0].when = when;
    expect(hasShape(drill)).toBe(false);
    let shallow: unknown = { visited: 'call' };
    for (let i = 0; i < 10; i++) shallow = { not: shallow };
    drill.nodes[0].choices[0].when = shallow;
    expect(hasShape(drill)).toBe(true);
  });

  it('answers no past 25 levels of lazy parts however they nest, and yes just within', () => {
    // Each {"all": [...]} is two lazy levels: the condition, and the condition in its list.
    const nested = (levels: number) => {
      let when: unknown = { visited: 'call' };
      for (let i = 0; i < levels; i++) when = i % 2 ? { all: [when] } : { any: [{ not: when }] };
      return when;
    };
    const depthOf = (levels: number) => {
      const drill = drillFile('early-warning.json');
      drill.nodes[0].choices[0].when = nested(levels);
      return hasShape(drill);
    };
    let deepest = 0;
    while (depthOf(deepest + 1)) deepest++;
    // Whatever the exact boundary, it is reached, then stays no, and nothing overflows.
    expect(deepest).toBeGreaterThan(3);
    expect(deepest).toBeLessThan(25);
    for (const levels of [deepest + 1, deepest + 10, 50_000]) expect(depthOf(levels)).toBe(false);
    const drill = drillFile('early-warning.json');
    drill.nodes[0].choices[0].when = nested(deepest);
    expect(v.safeParse(ScenarioSchema, drill).success).toBe(true);
  });
});
