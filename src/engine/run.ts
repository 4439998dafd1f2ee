/**
 * The run: `start`, `choose` and `replay`. Pure and deterministic: the same scenario, seed and
 * decisions give the same state, in Node and in the browser. `choose` reads as its phases
 * (decision-phases.ts) over a working copy of the run (working-copy.ts).
 */
import type { Choice, Condition, DecisionNode, Scenario } from '../scenario/schema';
import { parseDuration } from './clock';
import { holds } from './conditions';
import { applyEffects, choiceTaken, closeRun, judge, moveOn, takeEffect } from './decision-phases';
import { returns } from './next';
import { nextRandom, seedState } from './rng';
import { findNode, scenarioIndex } from './scenario-index';
import {
  type Decision,
  type DrillEvent,
  IllegalDecisionError,
  MAX_TRIAL_CLOCK,
  type Origin,
  type RegionSnapshot,
  type RunState,
  type TimeLimits,
  type TimelineEntry,
  type VarChange,
  type VarValue,
} from './types';
import { contextOf, fireInject, passTime, workingCopy } from './working-copy';
import { cloneWorld, initWorld, overrideRegion, type WorldState } from './world';

/** Whether `condition` holds for the run as it stands (an ending's details, for one). */
export function holdsNow(scenario: Scenario, state: RunState, condition: Condition): boolean {
  return holds(condition, contextOf(scenario, state));
}

/** The regions rounded for display. */
export function snapshot(world: WorldState): RegionSnapshot[] {
  return world.regions.map((r) => ({
    cases: Math.round(r.cum),
    deaths: Math.round(r.D),
    hospitalised: Math.round(r.H),
    beds: r.beds,
    trust: Math.round(r.trust),
  }));
}

/*
 * A timeline entry is kept for every decision of the run, so what it holds is shared with the
 * entry before wherever it is equal: a state is never changed once made, so an equal value may be
 * the same value. A region whose figures did not change keeps its snapshot, an unchanged list its
 * list, unchanged variables their record; a decision that changed nothing shares one empty list.
 * On a long run this is a good part of the heap the run keeps.
 */

/** Shared by every decision that changed no variable. */
const NO_CHANGES: VarChange[] = [];

/** `before` when it holds the same values under the same names as `vars`, else a copy of `vars` (compared before copying). */
function varsBeside(
  vars: Record<string, VarValue>,
  before: Record<string, VarValue> | undefined,
): Record<string, VarValue> {
  if (!before) return { ...vars };
  let count = 0;
  for (const key in vars) {
    if (before[key] !== vars[key] || !Object.hasOwn(before, key)) return { ...vars };
    count++;
  }
  return Object.keys(before).length === count ? before : { ...vars };
}

export function start(scenario: Scenario, seed: number, timeLimits: TimeLimits = 'x1'): RunState {
  const vars: Record<string, VarValue> = {};
  for (const variable of scenario.variables ?? []) vars[variable.id] = variable.initial;
  // Warm the generator once so that neighbouring seeds do not start with similar draws.
  const [, rng] = nextRandom(seedState(seed));
  const initial: RunState = {
    scenarioId: scenario.id,
    seed,
    rng,
    clock: 0,
    nodeId: scenario.start,
    vars,
    visited: [scenario.start],
    decisions: [],
    timeline: [],
    regionsBefore: [],
    scoreEvents: [],
    completed: {},
    ending: null,
    world: initWorld(scenario),
    grants: [],
    violations: 0,
    duties: [],
    injects: [],
    returnTo: null,
    measures: [],
    // Left out for the drill's own limits, so a run under them is the state it always was.
    ...(timeLimits === 'x1' ? {} : { timeLimits }),
  };
  // Injects set at the very start change the world before the first decision; they open nothing.
  const working = workingCopy(initial, null, false);
  for (const inject of scenario.injects ?? []) {
    if (inject.at !== undefined && parseDuration(inject.at) === 0 && !inject.opens)
      fireInject(scenario, working, inject, 0);
  }
  return {
    ...initial,
    rng: working.rng,
    vars: working.vars,
    world: working.world,
    injects: working.injects,
    measures: working.log,
  };
}

// Defined with the types, so the saved run's check reads it without the engine.
export { MAX_TRIAL_CLOCK };

/** Why a trial cannot start from this node, or null when it can. */
export function cannotStartAt(scenario: Scenario, nodeId: string): string | null {
  const node = findNode(scenario, nodeId);
  if (node?.kind !== 'decision') return `「${nodeId}」不是决策节点`;
  return node.choices.some((c) => returns(c.next))
    ? '这个节点由插入事件打开，要回到被打断的地方，单独试玩无处可回：请从打开它之前的节点试玩。'
    : null;
}

/**
 * A trial run from any decision node, for the authoring view: the drill starts as usual, the
 * world runs to the origin's clock with the injects due by then firing on the way (the nodes
 * they would have opened are passed over), then the inspector's values replace the drill's.
 */
export function startAt(scenario: Scenario, seed: number, origin: Origin, timeLimits: TimeLimits = 'x1'): RunState {
  const base = start(scenario, seed, timeLimits);
  const refused = cannotStartAt(scenario, origin.node);
  if (refused) throw new IllegalDecisionError(`cannot start a trial at "${origin.node}": ${refused}`, 0);
  const clock = Math.min(MAX_TRIAL_CLOCK, Math.max(0, Math.round(origin.clock)));
  const working = workingCopy(base, null, false);
  passTime(scenario, working, clock, false);
  // Injects on a condition alone are checked where a decision would have checked them: at the end.
  for (const inject of scenario.injects ?? [])
    if (inject.at === undefined) fireInject(scenario, working, inject, clock);

  for (const variable of scenario.variables ?? []) {
    const value = origin.vars[variable.id];
    if (variable.type === 'boolean' && typeof value === 'boolean') working.vars[variable.id] = value;
    if (variable.type === 'number' && typeof value === 'number' && Number.isFinite(value)) {
      working.vars[variable.id] = Math.min(variable.max, Math.max(variable.min, value));
    }
  }
  (scenario.regions ?? []).forEach((region, i) => {
    const set = origin.regions[region.id];
    const r = working.world.regions[i];
    if (set && r) overrideRegion(r, set);
  });
  // What the author says was done before: not scored, neither as done nor as missed.
  const regionIds = new Set((scenario.regions ?? []).map((r) => r.id));
  for (const id of origin.notified ?? [])
    if (regionIds.has(id) && !working.world.notified.includes(id)) working.world.notified.push(id);
  const completed: Record<string, number> = {};
  for (const id of origin.completed ?? []) if (scenarioIndex(scenario).window.has(id)) completed[id] = clock;
  return {
    ...base,
    rng: working.rng,
    clock,
    nodeId: origin.node,
    vars: working.vars,
    visited: [origin.node],
    completed,
    world: working.world,
    injects: working.injects,
    measures: working.log,
    trialBase: { clock, world: cloneWorld(working.world), measures: working.log.length },
  };
}

/** The node the run is at, when it is a decision (null once the drill has ended). */
export function currentDecision(scenario: Scenario, state: RunState): DecisionNode | null {
  const node = findNode(scenario, state.nodeId);
  return node?.kind === 'decision' && state.ending === null ? node : null;
}

/** The choices the trainee is offered now, in authored order. */
export function offeredChoices(scenario: Scenario, state: RunState): Choice[] {
  const node = currentDecision(scenario, state);
  if (!node) return [];
  const context = contextOf(scenario, state);
  return node.choices.filter((c) => !c.timeoutOnly && (c.when === undefined || holds(c.when, context)));
}

/**
 * Takes a decision. `realMs` is how long the trainee took in real time. Its phases, in order:
 * what is judged against the moment of decision (the countdown, the power, proportionality); the
 * decision's time passing, timed injects firing on the way; its effects on variables and its
 * measures on the world taking effect together when it is done; the run moving on, waiting for a situation set for later and
 * letting injects whose condition now holds interrupt; and at an ending, what only the end
 * can judge. Throws IllegalDecisionError for a choice not on offer.
 */
export function choose(
  scenario: Scenario,
  state: RunState,
  choiceId: string,
  realMs: number,
): [RunState, DrillEvent[]] {
  return step(scenario, state, choiceId, realMs, null);
}

/**
 * What a replay owns of the states it passes through: their logs, appended to in place, and the
 * nodes visited as a set beside the list, so that a long run does not search its whole list of
 * visits at every decision.
 */
interface Owned {
  visited: Set<string>;
}

/**
 * `choose`. `owns` (a replay's): the caller never reads `state` again, so the run's logs
 * (decisions, timeline, score events, measures, visits) are appended to in place instead of
 * copied. A replay's passing states are seen by no one: without this, a long replay copied every
 * log at every decision, its time quadratic in the decisions.
 */
function step(
  scenario: Scenario,
  state: RunState,
  choiceId: string,
  realMs: number,
  owns: Owned | null,
): [RunState, DrillEvent[]] {
  const owned = owns !== null;
  const index = state.decisions.length;
  const node = currentDecision(scenario, state);
  if (!node) throw new IllegalDecisionError(`the drill has ended; no decision ${index} to take`, index);
  const { taken, timedOut } = choiceTaken(state, node, offeredChoices(scenario, state), choiceId, realMs);
  const judged = judge(scenario, state, node, taken, timedOut);
  // Taken before the step changes the world (in place, in a replay).
  const regionsBefore = snapshot(state.world);

  const working = workingCopy(state, index, true, owned);
  working.violations = judged.violations;
  working.events.push({ type: 'decided', decision: index, nodeId: node.id, choiceId: taken.id, timedOut });
  const done = state.clock + parseDuration(taken.takes);
  passTime(scenario, working, done, false);
  working.events.push({ type: 'clock', from: state.clock, to: done });
  // What the decision changes, in variables and in the world, it changes when it is done.
  const changes = applyEffects(scenario, working, taken);
  const last = state.timeline[state.timeline.length - 1];
  const varsAfter = varsBeside(working.vars, last?.varsAfter);
  const effect = takeEffect(scenario, state, working, taken, judged.lawful);
  const { target, targetNode, returnTo } = moveOn(scenario, state, working, taken, node);
  working.events.push({ type: 'moved', from: node.id, to: target });

  const scored = [...judged.scored, ...effect.scored];
  let duties = effect.duties;
  const ending = targetNode.kind === 'ending' ? target : null;
  if (ending !== null) {
    const closed = closeRun(scenario, state, working, effect.completed, duties);
    scored.push(...closed.scored);
    duties = closed.duties;
    working.events.push({ type: 'ended', endingId: ending });
  }
  for (const event of scored) working.events.push({ type: 'scored', event });

  const entry: TimelineEntry = {
    nodeId: node.id,
    choiceId: taken.id,
    timedOut,
    clockAt: state.clock,
    clockAfter: done,
    clockNext: working.clock,
    realMs,
    changes: changes.length > 0 ? changes : NO_CHANGES,
    varsAfter,
  };
  // Written out, not spread from `state`: a spread of the state was a third of a decision's time on
  // the generated 10k drill. Typed so that a field RunState gains, optional or not, is a compile
  // error here until it is carried; the keys keep the order `start` gives them.
  const next: Required<Omit<RunState, 'timeLimits' | 'trialBase'>> & Pick<RunState, 'timeLimits' | 'trialBase'> = {
    scenarioId: state.scenarioId,
    seed: state.seed,
    rng: working.rng,
    clock: working.clock,
    nodeId: target,
    vars: working.vars,
    visited: visitedAfter(state.visited, target, owns),
    decisions: appended(state.decisions, [{ choiceId, realMs }], owned),
    timeline: appended(state.timeline, [entry], owned),
    regionsBefore,
    scoreEvents: scored.length ? appended(state.scoreEvents, scored, owned) : state.scoreEvents,
    completed: effect.completed,
    ending,
    world: working.world,
    grants: working.grants,
    violations: working.violations,
    duties: duties.all,
    injects: working.injects,
    returnTo,
    measures: working.log,
  };
  if (state.timeLimits !== undefined) next.timeLimits = state.timeLimits;
  if (state.trialBase !== undefined) next.trialBase = state.trialBase;
  return [next, working.events];
}

/** The visits with `target` among them. NOTE mutates `visited` (and `owns`) when a replay owns it. */
function visitedAfter(visited: string[], target: string, owns: Owned | null): string[] {
  // An array to concat, not the string itself: V8 copies array into array without looking at each item.
  if (owns === null) return visited.includes(target) ? visited : visited.concat([target]);
  if (owns.visited.has(target)) return visited;
  owns.visited.add(target);
  visited.push(target);
  return visited;
}

/** `list` with `items` after it: the same array, added to, when the caller owns it; else a copy. NOTE mutates `list` when `owned`. */
function appended<T>(list: T[], items: readonly T[], owned: boolean): T[] {
  if (!owned) return list.concat(items);
  for (const item of items) list.push(item);
  return list;
}

/**
 * The state after a whole decision log (from `origin` for a trial run); throws
 * IllegalDecisionError at the first decision that no longer fits.
 */
export function replay(
  scenario: Scenario,
  seed: number,
  decisions: readonly Decision[],
  origin?: Origin,
  timeLimits: TimeLimits = 'x1',
): RunState {
  // Every state here is made here and read only by the next step: each step may take over its logs.
  let state = origin ? startAt(scenario, seed, origin, timeLimits) : start(scenario, seed, timeLimits);
  const owns: Owned = { visited: new Set(state.visited) };
  for (const d of decisions) [state] = step(scenario, state, d.choiceId, d.realMs, owns);
  return state;
}
