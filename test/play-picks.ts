import fc from 'fast-check';
import { choose, currentDecision, offeredChoices, start } from '../src/engine/run';
import { type Decision, type DrillEvent, type RunState, TIMEOUT, type TimeLimits } from '../src/engine/types';
import type { Scenario } from '../src/scenario/schema';

/** What the trainee does at one step: click the n-th offered choice, or let the countdown run out. */
export type Pick = { kind: 'pick'; index: number; realMs: number } | { kind: 'timeout'; realMs: number };

export const pickArb = (maxRealMs: number): fc.Arbitrary<Pick> =>
  fc.oneof(
    fc.record({ kind: fc.constant('pick' as const), index: fc.nat({ max: 10 }), realMs: fc.nat({ max: maxRealMs }) }),
    fc.record({ kind: fc.constant('timeout' as const), realMs: fc.nat({ max: maxRealMs }) }),
  );

/** Turns picks into legal decisions by stepping `choose`; stops at the ending. */
export function playPicks(
  scenario: Scenario,
  seed: number,
  picks: readonly Pick[],
  timeLimits: TimeLimits = 'x1',
): { state: RunState; decisions: Decision[]; events: DrillEvent[][] } {
  let state = start(scenario, seed, timeLimits);
  const decisions: Decision[] = [];
  const events: DrillEvent[][] = [];
  for (const pick of picks) {
    const node = currentDecision(scenario, state);
    if (!node) break;
    const offered = offeredChoices(scenario, state);
    let choiceId: string;
    if (pick.kind === 'timeout' && node.timeLimitSec !== undefined) choiceId = TIMEOUT;
    else {
      const choice = offered[(pick.kind === 'pick' ? pick.index : 0) % offered.length];
      if (!choice) throw new Error(`nothing offered at ${node.id}`);
      choiceId = choice.id;
    }
    const [next, stepEvents] = choose(scenario, state, choiceId, pick.realMs);
    decisions.push({ choiceId, realMs: pick.realMs });
    events.push(stepEvents);
    state = next;
  }
  return { state, decisions, events };
}
