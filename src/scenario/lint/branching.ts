/**
 * Branches that matter (DRILL-STANDARD §1b): a warning when fewer than a third of the decisions on
 * the main lines branch. The figures themselves (decisions, branching, routes) are a note for the
 * whole drill, not a problem: `npm run validate` shows `branchingNote`, the authoring view `branchingSummary`.
 */
import { branchesTooFew, branchingAdvice, branchingFigures, branchingSummary } from '../branching';
import type { Scenario } from '../schema';
import type { LintContext } from './context';

export function checkBranching(context: LintContext): void {
  const figures = branchingFigures(context.scenario);
  if (branchesTooFew(figures)) context.warning(['nodes'], branchingAdvice(figures));
}

/** Lint's note for the whole drill: how many decisions branch, and how many routes it has. */
export function branchingNote(scenario: Scenario): string {
  return branchingSummary(branchingFigures(scenario));
}
