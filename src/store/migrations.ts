/**
 * How a save written by an older version becomes one this version reads: named steps, each
 * from one version to the next, applied in order. A step may only add, rename or drop; what it
 * cannot carry over it leaves out, and readSaved drops whatever is still malformed.
 */
import { isObject } from './json-guards';

export interface Migration {
  /** The version this step produces; it reads saves of version `to - 1`. */
  to: number;
  name: string;
  step: (state: unknown) => unknown;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    // Version 1 kept the screen an instructor was on; a shared classroom machine then opened
    // the next person's session in the authoring view. Version 2 always starts at the library.
    to: 2,
    name: 'drop the saved page',
    step: (state) => {
      if (!isObject(state)) return state;
      const { page: _dropped, ...rest } = state;
      return rest;
    },
  },
];

/** The save of version `from`, brought to version `to` by every step in between. */
export function migrate(state: unknown, from: number, to: number, steps: readonly Migration[] = MIGRATIONS): unknown {
  let current = state;
  for (const m of [...steps].sort((a, b) => a.to - b.to)) {
    if (m.to > from && m.to <= to) current = m.step(current);
  }
  return current;
}
