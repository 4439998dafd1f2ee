import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineColumn, locate, positionOf } from './json-locate';

describe('locate', () => {
  const text = '{\n  "a": [1, {"b": "x"}],\n  "c": null\n}';

  it('finds every value by its JSON pointer', () => {
    const { values, error } = locate(text);
    expect(error).toBeNull();
    const at = (p: string) => lineColumn(text, values.get(p) as number);
    expect(at('')).toEqual({ line: 1, column: 1 });
    expect(at('/a')).toEqual({ line: 2, column: 8 });
    expect(at('/a/1/b')).toEqual({ line: 2, column: 18 });
    expect(at('/c')).toEqual({ line: 3, column: 8 });
  });

  it('escapes keys as JSON pointers do', () => {
    expect(locate('{"a/b": {"~": 1}}').values.has('/a~1b/~0')).toBe(true);
  });

  it('points at the first syntax error', () => {
    const bad = '{\n  "a": 1,\n  "b": tru\n}';
    const { error } = locate(bad);
    expect(lineColumn(bad, error?.offset as number)).toEqual({ line: 3, column: 8 });
  });

  it('falls back to the nearest existing parent for a missing field', () => {
    expect(positionOf(text, locate(text), '/a/1/missing')).toEqual({ line: 2, column: 12 });
  });

  it('survives a file nested 100,000 levels deep', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(locate(deep).error).toBeNull();
  });

  it('agrees with JSON.parse on what is valid, and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (s) => {
        let valid = true;
        try {
          JSON.parse(s);
        } catch {
          valid = false;
        }
        expect(locate(s).error === null).toBe(valid);
      }),
      { numRuns: 500 },
    );
  });
});
