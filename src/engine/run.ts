/**
 * The run: `start`, `choose` and `replay`. Pure and deterministic: the same scenario, seed and
 * decisions give the same state, in Node and in the browser.
 */
import type { Choice, DecisionNode, Next, Scenario } from '../scenario/schema';
import { parseDuration } from './clock';
import { type ConditionContext, holds } from './conditions';
import { applyEffect } from './effects';
import { nextRandom, seedState } from './rng';
import { findChoice, findNode, indexOf } from './scenario-index';
import { DEFAULT_TIMEOUT_PENALTY, timeWindowEvent } from './scoring';
import {
  type Decision,
  type DrillEvent,
  IllegalDecisionError,
  type RunState,
  type ScoreEvent,
  TIMEOUT,
  type VarChange,
  type VarValue,
} from './types';

function contextOf(state: Pick<RunState, 'vars' | 'clock' | 'visited'>): ConditionContext {
  return { vars: state.vars, clock: state.clock, visited: state.visited };
}

export function start(scenario: Scenario, seed: number): RunState {
  const vars: Record<string, VarValue> = {};
  for (const variable of scenario.variables ?? []) vars[variable.id] = variable.initial;
  // Warm the generator once so that neighbouring seeds do not start with similar draws.
  const [, rng] = nextRandom(seedState(seed));
  return {
    scenarioId: scenario.id,
    seed,
    rng,
    clock: 0,
    nodeId: scenario.start,
    vars,
    visited: [scenario.start],
    decisions: [],
    timeline: [],
    scoreEvents: [],
    completed: {},
    ending: null,
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
  const ctx = contextOf(state);
  return node.choices.filter((c) => !c.timeoutOnly && (c.when === undefined || holds(c.when, ctx)));
}

function resolveNext(next: Next, ctx: ConditionContext): string | null {
  if (typeof next === 'string') return next;
  for (const branch of next) if (branch.when === undefined || holds(branch.when, ctx)) return branch.to;
  return null;
}

/**
 * Takes a decision. `realMs` is how long the trainee took in real time; on a timed node, a
 * decision that took longer than the limit is a timeout whatever was clicked, and the node's
 * timeout choice is taken instead. Throws IllegalDecisionError for a choice not on offer.
 */
export function choose(
  scenario: Scenario,
  state: RunState,
  choiceId: string,
  realMs: number,
): [RunState, DrillEvent[]] {
  const index = state.decisions.length;
  const node = currentDecision(scenario, state);
  if (!node) throw new IllegalDecisionError(`the drill has ended; no decision ${index} to take`, index);

  if (choiceId !== TIMEOUT && !findChoice(node, choiceId)) {
    throw new IllegalDecisionError(`node "${node.id}" has no choice "${choiceId}"`, index);
  }
  const timedOut =
    node.timeLimitSec !== undefined &&
    node.timeoutChoice !== undefined &&
    (choiceId === TIMEOUT || realMs >= node.timeLimitSec * 1000);
  let choice: Choice | undefined;
  if (timedOut) {
    choice = findChoice(node, node.timeoutChoice as string);
  } else if (choiceId !== TIMEOUT) {
    choice = offeredChoices(scenario, state).find((c) => c.id === choiceId);
  }
  if (!choice) {
    throw new IllegalDecisionError(`choice "${choiceId}" is not on offer at node "${node.id}"`, index);
  }
  const taken = choice;
  const { variable: variables, window: windows } = indexOf(scenario);
  const events: DrillEvent[] = [{ type: 'decided', decision: index, nodeId: node.id, choiceId: taken.id, timedOut }];

  // The new state is built by copying what changes; the old one is never touched.
  const clockAt = state.clock;
  const scored: ScoreEvent[] = [];
  if (timedOut) {
    const penalty = scenario.scoring?.timeoutPenalty ?? DEFAULT_TIMEOUT_PENALTY;
    scored.push({
      dimension: 'timeliness',
      delta: -penalty,
      reason: `限时 ${node.timeLimitSec} 秒内没有作出决定，按「${taken.label}」处理：不作为也是一种决定。`,
      source: { kind: 'timeout', decision: index, nodeId: node.id },
      refs: [],
    });
  }
  for (const rule of taken.score ?? []) {
    scored.push({
      dimension: rule.dimension,
      delta: rule.delta,
      reason: rule.reason,
      source: { kind: 'choice', decision: index, nodeId: node.id, choiceId: taken.id },
      // A copy: a run state never shares arrays with the scenario.
      refs: [...(rule.refs ?? [])],
    });
  }

  const vars = { ...state.vars };
  let rng = state.rng;
  const changes: VarChange[] = [];
  for (const effect of taken.effects ?? []) {
    const from = vars[effect.var];
    const [to, nextRng] = applyEffect(effect, variables.get(effect.var), from, rng);
    rng = nextRng;
    vars[effect.var] = to;
    if (from !== to && from !== undefined) changes.push({ var: effect.var, from, to });
  }
  for (const change of changes) events.push({ type: 'changed', ...change });

  const clock = clockAt + parseDuration(taken.takes);
  events.push({ type: 'clock', from: clockAt, to: clock });

  let completed = state.completed;
  for (const windowId of taken.completes ?? []) {
    const window = windows.get(windowId);
    if (!window || windowId in completed) continue;
    completed = { ...completed, [windowId]: clock };
    scored.push(timeWindowEvent(window, clock, index));
  }

  const target = resolveNext(taken.next, { vars, clock, visited: state.visited });
  const targetNode = target === null ? undefined : findNode(scenario, target);
  if (!targetNode || target === null) {
    throw new IllegalDecisionError(`choice "${taken.id}" at node "${node.id}" leads nowhere`, index);
  }
  events.push({ type: 'moved', from: node.id, to: target });

  let ending: string | null = null;
  if (targetNode.kind === 'ending') {
    ending = target;
    // Key actions never taken cost their full penalty when the drill ends.
    for (const window of scenario.timeWindows ?? []) {
      if (!(window.id in completed)) scored.push(timeWindowEvent(window, null, null));
    }
    events.push({ type: 'ended', endingId: target });
  }
  for (const event of scored) events.push({ type: 'scored', event });

  const next: RunState = {
    ...state,
    rng,
    clock,
    nodeId: target,
    vars,
    visited: state.visited.includes(target) ? state.visited : [...state.visited, target],
    decisions: [...state.decisions, { choiceId, realMs }],
    timeline: [
      ...state.timeline,
      { nodeId: node.id, choiceId: taken.id, timedOut, clockAt, clockAfter: clock, realMs, changes },
    ],
    scoreEvents: scored.length ? [...state.scoreEvents, ...scored] : state.scoreEvents,
    completed,
    ending,
  };
  return [next, events];
}

/** The state after a whole decision log; throws IllegalDecisionError at the first decision that no longer fits. */
export function replay(scenario: Scenario, seed: number, decisions: readonly Decision[]): RunState {
  let state = start(scenario, seed);
  for (const d of decisions) [state] = choose(scenario, state, d.choiceId, d.realMs);
  return state;
}
