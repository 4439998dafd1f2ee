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
  /** Whether a request for a power is waiting for its answer now. */
  requested?: (power: string) => boolean;
}

/** Every key any one form of `U` has, optional ones included. */
type AnyKey<U> = U extends unknown ? keyof U : never;

/** The keys `T` cannot do without. */
type RequiredKey<T> = { [K in keyof T]-?: Record<never, never> extends Pick<T, K> ? never : K }[keyof T];

/**
 * The kinds of condition ("all", "var", "metric", …): each form's required key that no other form
 * has. Read off the `Condition` type rather than listed, so that a form added to the format is a
 * kind every `ConditionHandlers` object must handle before the code compiles.
 */
export type ConditionKind = KindOf<Condition>;
type KindOf<C> = C extends unknown ? Exclude<RequiredKey<C>, AnyKey<Exclude<Condition, C>>> : never;

/** The form of condition whose kind is `K`. */
export type ConditionOf<K extends ConditionKind> = Extract<Condition, { [P in K]: unknown }>;

/**
 * One handler for each kind of condition, each given the condition as its own form (no cast) and
 * the caller's `arg`. A kind left out does not compile.
 */
export type ConditionHandlers<R, A = void> = { [K in ConditionKind]: (c: ConditionOf<K>, arg: A) => R };

/**
 * The handler for `c`'s kind, applied to `c` and `arg`. Pass handlers built once (a module
 * constant) where conditions are evaluated often: `arg` carries what differs between calls.
 */
export function matchCondition<R, A = void>(c: Condition, on: ConditionHandlers<R, A>, arg: A): R {
  // The order is the format's: a valid condition has exactly one of these keys.
  if ('all' in c) return on.all(c, arg);
  if ('any' in c) return on.any(c, arg);
  if ('not' in c) return on.not(c, arg);
  if ('var' in c) return on.var(c, arg);
  if ('metric' in c) return on.metric(c, arg);
  if ('authorised' in c) return on.authorised(c, arg);
  if ('requested' in c) return on.requested(c, arg);
  if ('before' in c) return on.before(c, arg);
  if ('after' in c) return on.after(c, arg);
  if ('visited' in c) return on.visited(c, arg);
  // Unreachable for a condition that passed the schema; the type says every form was handled above.
  return notACondition(c);
}

function notACondition(c: never): never {
  throw new TypeError(`Not a condition: ${JSON.stringify(c)}`);
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

// Built once: `holds` runs for every choice offered and every branch tried, on every decision.
const HOLDS: ConditionHandlers<boolean, ConditionContext> = {
  all: (c, ctx) => c.all.every((x) => holds(x, ctx)),
  any: (c, ctx) => c.any.some((x) => holds(x, ctx)),
  not: (c, ctx) => !holds(c.not, ctx),
  var: (c, ctx) => compare(ctx.vars[c.var], c.op, c.value),
  metric: (c, ctx) => compare(ctx.metric?.(c.metric, c.region, c.supply) ?? 0, c.op, c.value),
  authorised: (c, ctx) => ctx.authorised?.(c.authorised) ?? false,
  requested: (c, ctx) => ctx.requested?.(c.requested) ?? false,
  before: (c, ctx) => ctx.clock < parseDuration(c.before),
  after: (c, ctx) => ctx.clock >= parseDuration(c.after),
  visited: (c, ctx) => ctx.visited.includes(c.visited),
};

export function holds(c: Condition, ctx: ConditionContext): boolean {
  return matchCondition(c, HOLDS, ctx);
}
