import type { Effect, Variable } from '../scenario/schema';
import { nextInt } from './rng';
import type { VarValue } from './types';

function clampTo(variable: Variable | undefined, value: VarValue): VarValue {
  if (variable?.type !== 'number' || typeof value !== 'number') return value;
  return Math.min(variable.max, Math.max(variable.min, value));
}

/**
 * The value an effect gives its variable, and the PRNG state after it.
 * Numbers are clamped to the variable's declared range.
 */
export function applyEffect(
  effect: Effect,
  variable: Variable | undefined,
  current: VarValue | undefined,
  rng: number,
): [value: VarValue, rng: number] {
  const op = effect.op;
  switch (op) {
    case 'set':
      return [clampTo(variable, effect.value), rng];
    case 'add':
      return [clampTo(variable, (typeof current === 'number' ? current : 0) + effect.value), rng];
    case 'random': {
      const [value, next] = nextInt(rng, effect.min, effect.max);
      return [clampTo(variable, value), next];
    }
    default: {
      const never: never = op;
      return never;
    }
  }
}
