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
    expect(source).toContain('x.s1');
    expect(source).toContain('x.s2');
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
});
