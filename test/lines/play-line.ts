import { debrief, type Report } from '../../src/engine/debrief';
import { choose, currentDecision, start } from '../../src/engine/run';
import { type RunState, TIMEOUT } from '../../src/engine/types';
import type { Scenario } from '../../src/scenario/schema';
import type { DrillLine } from './types';

/**
 * Plays a line in Node as a trainee taking each step a second after it is shown; "$timeout"
 * lets the countdown run out. Throws with the node where a step is not on offer.
 */
export function playLine(scenario: Scenario, line: DrillLine, seed = 1): { state: RunState; report: Report } {
  let state = start(scenario, seed);
  for (const [i, step] of line.steps.entries()) {
    const node = currentDecision(scenario, state);
    if (!node) throw new Error(`step ${i} (${step}): the drill has already ended at ${state.ending}`);
    [state] = choose(scenario, state, step, step === TIMEOUT ? (node.timeLimitSec ?? 0) * 1000 : 1000);
  }
  if (currentDecision(scenario, state)) throw new Error(`the line ends at ${state.nodeId}, not at an ending`);
  return { state, report: debrief(scenario, state) };
}
