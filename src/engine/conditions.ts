import type { Condition, Metric } from '../scenario/schema';
import { parseDuration } from './clock';
import type { VarValue } from './types';

/** What a condition can see. */
export interface ConditionContext {
  vars: Readonly<Record<string, VarValue>>;
  clock: number;
  visited: readonly string[];
  /** A quantity of the world; 0 in a drill without one. */
  metric?: (name: Metric, region?: string, supply?: string) => number;
  /** Whether the trainee may lawfully exercise a power now. */
  authorised?: (power: string) => boolean;
}

export type ConditionKind = 'all' | 'any' | 'not' | 'var' | 'metric' | 'authorised' | 'before' | 'after' | 'visited';

/** Conditions are told apart by their one distinguishing key; this names it for an exhaustive switch. */
export function conditionKind(c: Condition): ConditionKind {
  if ('all' in c) return 'all';
  if ('any' in c) return 'any';
  if ('not' in c) return 'not';
  if ('var' in c) return 'var';
  if ('metric' in c) return 'metric';
  if ('authorised' in c) return 'authorised';
  if ('before' in c) return 'before';
  if ('after' in c) return 'after';
  return 'visited';
}

function compare(left: VarValue | undefined, op: string, right: VarValue): boolean {
  if (left === undefined) return false;
  switch (op) {
    case '==':
      return left === right;
    case '!=':
      return left !== right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    default:
      return false;
  }
}

export function holds(c: Condition, ctx: ConditionContext): boolean {
  const kind = conditionKind(c);
  switch (kind) {
    case 'all':
      return (c as { all: Condition[] }).all.every((x) => holds(x, ctx));
    case 'any':
      return (c as { any: Condition[] }).any.some((x) => holds(x, ctx));
    case 'not':
      return !holds((c as { not: Condition }).not, ctx);
    case 'var': {
      const cmp = c as Extract<Condition, { var: string }>;
      return compare(ctx.vars[cmp.var], cmp.op, cmp.value);
    }
    case 'metric': {
      const cmp = c as Extract<Condition, { metric: string }>;
      return compare(ctx.metric?.(cmp.metric, cmp.region, cmp.supply) ?? 0, cmp.op, cmp.value);
    }
    case 'authorised':
      return ctx.authorised?.((c as { authorised: string }).authorised) ?? false;
    case 'before':
      return ctx.clock < parseDuration((c as { before: string }).before);
    case 'after':
      return ctx.clock >= parseDuration((c as { after: string }).after);
    case 'visited':
      return ctx.visited.includes((c as { visited: string }).visited);
    default: {
      const never: never = kind;
      return never;
    }
  }
}
