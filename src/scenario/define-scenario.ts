import type { Scenario } from './schema';

/**
 * Typed authoring helper for scenarios written in TypeScript (test fixtures, generated drills):
 * returns its argument unchanged, so a mistake in the shape is a compile error at the literal.
 * It does not lint: a fixture meant to be valid should still pass `load(JSON.stringify(s))`.
 */
export function defineScenario(s: Scenario): Scenario {
  return s;
}
