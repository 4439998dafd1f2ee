import type { Effect, Variable } from '../scenario/schema';
import { type ConditionContext, holds } from './conditions';
import { nextInt, nextRandom } from './rng';
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

/**
 * Whether an effect applies now, and the PRNG state after deciding it: its `when` must hold (the
 * context sees the effects applied before it), then a `chance` draws once and applies under it.
 * Exactly one draw for each effect with a chance whose `when` holds, none otherwise: the draws
 * follow from the seed and the decisions alone, so a replay draws the same.
 */
export function effectApplies(
  effect: Effect,
  context: () => ConditionContext,
  rng: number,
): [applies: boolean, rng: number] {
  if (effect.when !== undefined && !holds(effect.when, context())) return [false, rng];
  if (effect.chance === undefined) return [true, rng];
  const [draw, next] = nextRandom(rng);
  return [draw < effect.chance, next];
}
