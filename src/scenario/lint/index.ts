/**
 * Meaning checks on a scenario whose shape is already valid: names that point nowhere, graph
 * problems, ranges, what the screen can hold, what the scores can reach. The same code runs in
 * the app and on the command line. Each rule family is a module over one context (eslint's way).
 */
import type { Problem } from '../problem';
import type { Scenario } from '../schema';
import { checkAt } from './at';
import { LintContext, type LintRule } from './context';
import { checkInjectOrder } from './inject-order';
import { checkNames } from './names';
import { checkNodes } from './nodes';
import { checkReachability } from './reachability';
import { checkScale } from './scale';
import { checkScreen } from './screen';
import { checkUnused } from './unused';
import { checkWorld } from './world';

/**
 * Every rule, in the order its problems are reported. The graph comes after the nodes, so that a
 * dangling `next` is named before what it cuts off; the scale comes last, as it is judged only on
 * a drill without errors.
 */
const RULES: readonly LintRule[] = [
  checkNames,
  checkWorld,
  checkNodes,
  checkAt,
  checkInjectOrder,
  checkReachability,
  checkUnused,
  checkScreen,
  checkScale,
];

export function lint(scenario: Scenario): Problem[] {
  const context = new LintContext(scenario);
  for (const rule of RULES) rule(context);
  return context.problems;
}
