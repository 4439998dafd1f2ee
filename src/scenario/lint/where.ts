/**
 * Where a lint check stands in the file, built only when a problem is reported there. A large
 * drill has tens of thousands of choices, each with its conditions, effects and measures: an array
 * copied out for every one of them was a large part of what lint allocated, and nearly all of them
 * were never read. A step is one small object that points at its parent.
 */
import type { PathKey } from '../problem';

// Up to three keys a step, in fields rather than an array: one allocation, not two.
class Step {
  constructor(
    readonly up: Where,
    readonly a: PathKey,
    readonly b: PathKey | undefined,
    readonly c: PathKey | undefined,
  ) {}
}

/** A path: plain keys, or keys under a path. */
export type Where = readonly PathKey[] | Step;

/** The keys under `where`, as `[...where, a, b, c]` would be, without copying `where`. */
export function under(where: Where, a: PathKey, b?: PathKey, c?: PathKey): Where {
  return new Step(where, a, b, c);
}

/** The keys from the root. */
export function keysOf(where: Where): PathKey[] {
  if (!(where instanceof Step)) return [...where];
  const steps: Step[] = [];
  let at: Where = where;
  while (at instanceof Step) {
    steps.push(at);
    at = at.up;
  }
  const keys = [...at];
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i] as Step;
    keys.push(step.a);
    if (step.b !== undefined) keys.push(step.b);
    if (step.c !== undefined) keys.push(step.c);
  }
  return keys;
}
