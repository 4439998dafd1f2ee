/**
 * Meaning checks on a scenario whose shape is already valid: names that point nowhere, graph
 * problems, ranges, what the screen can hold, what the scores can reach. The same code runs in
 * the app and on the command line. Each rule family is a module over one context (eslint's way).
 */

import { branchingFigures } from '../branching';
import { choiceFields } from '../choice-fields';
import { choiceGraph, reachableIds } from '../graph';
import type { Problem } from '../problem';
import type { Scenario } from '../schema';
import { checkAt } from './at';
import { checkBranching } from './branching';
import { LintContext, type LintRule } from './context';
import { checkInjectOrder } from './inject-order';
import type { LeftOut } from './left-out';
import { checkNames } from './names';
import { checkNodes } from './nodes';
import { checkPlaceholders } from './placeholders';
import { checkReachability } from './reachability';
import { checkRoutes } from './routes';
import { checkScale } from './scale';
import { checkScreen } from './screen';
import { checkUnused } from './unused';
import { under } from './where';
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
  checkPlaceholders,
  checkRoutes,
  checkAt,
  checkInjectOrder,
  checkReachability,
  checkBranching,
  checkUnused,
  checkScreen,
  checkScale,
];

/**
 * Rules that judge the drill as a whole, skipped on a repaired view of a file whose shape is not
 * yet right (scenario/repair.ts): what a left-out part did is not known. `at` (whether some
 * choice leads to a node), unused references and variables (a left-out part may cite or read
 * them), how much the drill branches (a left-out choice may lead elsewhere), and the scale (what the
 * scores can reach). Others are limited there: reachability says
 * nothing of nodes never reached, nor of a node whose choices were left out; the duty to report
 * is not said to be unmet (lint/reachability.ts, lint/world.ts).
 */
const WHOLE_FILE: ReadonlySet<LintRule> = new Set([checkAt, checkBranching, checkUnused, checkScale]);

export interface LintOptions {
  /** `scenario` is a repaired view of a file, with these parts left out. */
  leftOut?: LeftOut;
  /**
   * False when the file's text has no `{{` and no escaped brace (`\u007b`): then no string in it
   * holds a placeholder, and the walk of every string for one (a tenth of lint on a large drill) is skipped.
   */
  braces?: boolean;
}

export function lint(scenario: Scenario, { leftOut, braces = true }: LintOptions = {}): Problem[] {
  const context = new LintContext(scenario, leftOut);
  for (const rule of RULES) {
    if (leftOut && WHOLE_FILE.has(rule)) continue;
    if (!braces && rule === checkPlaceholders) continue;
    rule(context);
  }
  if (kept.length === 0) kept.push(...keptClasses(scenario));
  return context.problems;
}

/**
 * One object of each class lint makes, built once and held for the life of the page. V8 gives the
 * objects of a class one hidden class; the one they reach once their fields are added is held only by
 * those objects, and when a full collection finds none left it collects it and throws away every
 * function optimised against it (deopt reason "weak objects"). Lint's own objects (its context, the
 * paths it builds, the graph's marks) live only while it runs, so after every full collection the
 * next lint ran unoptimised and optimised some fifty functions again: on the 10,000-node drill,
 * 67–69 ms a lint against 33–37 with these held (medians, interleaved).
 */
const kept: unknown[] = [];

function keptClasses(scenario: Scenario): readonly unknown[] {
  // The drill with its lists emptied: what stays of it is its frame (texts, scoring, settings), a few KB.
  const bare: Scenario = {
    ...scenario,
    nodes: [],
    injects: [],
    variables: [],
    regions: [],
    actors: [],
    powers: [],
    supplies: [],
    references: [],
    timeWindows: [],
  };
  // The graph's objects too, and branching's figures: code optimised for the graph (branching's
  // walk) was thrown away at each collection, for the maps of the objects holding its arrays.
  return [
    new LintContext(bare),
    under([], 0),
    reachableIds(bare),
    choiceFields(bare),
    choiceGraph(bare),
    branchingFigures(bare),
  ];
}
