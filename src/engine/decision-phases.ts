/**
 * The phases of one decision, in the order `choose` runs them. Each takes what it needs — the
 * scenario, the state decided on, the working copy — and returns what it produced; the phases
 * that change the working copy say so.
 */
import type { Choice, DecisionNode, Scenario, ScenarioNode } from '../scenario/schema';
import { parseDuration } from './clock';
import { holds } from './conditions';
import { describeCondition } from './describe-condition';
import { outcomeEvent } from './outcome';
import { type DutiesAfter, dutiesLeftAtTheEnd, reportDuties } from './report-duties';
import { RETURN } from './return';
import {
  coordinationEvents,
  type Lawfulness,
  lawfulness,
  ruleEvent,
  unlawfulPowerEvent,
  unreportedEvent,
  withholdEvents,
} from './rules';
import { findChoice, findNode, scenarioIndex } from './scenario-index';
import { DEFAULT_TIMEOUT_PENALTY, timeWindowEvent } from './scoring';
import { allowedSec, IllegalDecisionError, type RunState, type ScoreEvent, TIMEOUT, type VarChange } from './types';
import { applyEffectList, contextOf, fireInject, passTime, type WorkingCopy } from './working-copy';
import { applyMeasure, policyLeftBehind } from './world';

/**
 * The choice taken: the one clicked, or the node's timeout choice when the countdown ran out —
 * a decision that took longer than the limit is a timeout whatever was clicked. Throws
 * IllegalDecisionError for a choice not on offer.
 */
export function choiceTaken(
  state: RunState,
  node: DecisionNode,
  offered: readonly Choice[],
  choiceId: string,
  realMs: number,
): { taken: Choice; timedOut: boolean } {
  const index = state.decisions.length;
  if (choiceId !== TIMEOUT && !findChoice(node, choiceId)) {
    throw new IllegalDecisionError(`node "${node.id}" has no choice "${choiceId}"`, index);
  }
  // Judged against the time the run allows (the instructor may double it or lift it), not the drill's alone.
  const allowed = node.timeLimitSec === undefined ? null : allowedSec(node.timeLimitSec, state.timeLimits);
  const timedOut =
    node.timeLimitSec !== undefined &&
    node.timeoutChoice !== undefined &&
    (choiceId === TIMEOUT || (allowed !== null && realMs >= allowed * 1000));
  let taken: Choice | undefined;
  if (timedOut) taken = findChoice(node, node.timeoutChoice as string);
  else if (choiceId !== TIMEOUT) taken = offered.find((c) => c.id === choiceId);
  if (!taken) throw new IllegalDecisionError(`choice "${choiceId}" is not on offer at node "${node.id}"`, index);
  return { taken, timedOut };
}

/**
 * What is judged against the moment of decision: the countdown, the choice's own scores, the
 * power it exercises, and whether the situation then called for it.
 */
export function judge(
  scenario: Scenario,
  state: RunState,
  node: DecisionNode,
  taken: Choice,
  timedOut: boolean,
): { scored: ScoreEvent[]; violations: number; lawful: Lawfulness | null } {
  const index = state.decisions.length;
  const scored: ScoreEvent[] = [];
  if (timedOut) {
    const penalty = scenario.scoring?.timeoutPenalty ?? DEFAULT_TIMEOUT_PENALTY;
    scored.push({
      dimension: 'timeliness',
      delta: -penalty,
      reason: `限时 ${allowedSec(node.timeLimitSec ?? 0, state.timeLimits) ?? node.timeLimitSec} 秒内没有作出决定，按“${taken.label}”处理：不作为也是一种决定。`,
      source: { kind: 'timeout', decision: index, nodeId: node.id },
      refs: [...(scenario.scoring?.timeoutRefs ?? [])],
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
  let violations = state.violations;
  const lawful = taken.power === undefined ? null : lawfulness(scenario, state.grants, taken.power, state.clock);
  if (taken.power !== undefined && lawful?.lawful === false) {
    scored.push(unlawfulPowerEvent(scenario, taken.power, index));
    violations++;
  }
  const atDecision = contextOf(scenario, state);
  if (taken.needs && !holds(taken.needs.when, atDecision)) {
    scored.push(
      ruleEvent(
        scenario,
        'disproportionate',
        `“${taken.label}”超出了当时事态的需要：${describeCondition(scenario, taken.needs.when, atDecision)}。措施应当与突发事件可能造成的危害的性质、程度和范围相适应。`,
        index,
        taken.needs.refs,
      ),
    );
  }
  return { scored, violations, lawful };
}

/** The choice's effects on variables, and what they changed. NOTE mutates `working`. */
export function applyEffects(scenario: Scenario, working: WorkingCopy, taken: Choice): VarChange[] {
  const changes = applyEffectList(scenario, working, taken.effects);
  for (const change of changes) working.events.push({ type: 'changed', ...change });
  return changes;
}

/**
 * The decision is done: its measures take effect, a request is made, the duties to report are
 * brought up to date and the key actions it completes are timed. NOTE mutates `working`.
 */
export function takeEffect(
  scenario: Scenario,
  state: RunState,
  working: WorkingCopy,
  taken: Choice,
  lawful: Lawfulness | null,
): { scored: ScoreEvent[]; duties: DutiesAfter; completed: Record<string, number> } {
  const index = state.decisions.length;
  const done = working.clock;
  const scored: ScoreEvent[] = [];
  for (const measure of taken.world ?? []) {
    const facts = applyMeasure(scenario, working.world, measure, done, scenario.roleRegion);
    working.log.push({ t: done, measure, from: 'choice' });
    scored.push(...coordinationEvents(scenario, facts, index));
  }
  scored.push(...coordinationEvents(scenario, policyLeftBehind(working.world, working.policyBefore), index));
  if (taken.requests) {
    const request = taken.requests;
    // No time set for the answer: it waits for an inject that decides, or never comes.
    const answerAt = request.after === undefined ? null : done + parseDuration(request.after);
    const granted = request.when === undefined || holds(request.when, contextOf(scenario, working));
    working.grants.push({
      power: request.power,
      from: request.from,
      via: [...(request.via ?? [])],
      requestedAt: done,
      at: granted ? answerAt : null,
      refusedAt: granted ? null : answerAt,
    });
  }
  const duties = reportDuties(scenario, state.duties, taken, lawful, index, done);
  for (const duty of duties.missed) scored.push(unreportedEvent(scenario, duty, index));
  const windows = scenarioIndex(scenario).window;
  let completed = state.completed;
  for (const windowId of taken.completes ?? []) {
    const window = windows.get(windowId);
    if (!window || windowId in completed) continue;
    completed = { ...completed, [windowId]: done };
    scored.push(timeWindowEvent(window, done, index));
  }
  return { scored, duties, completed };
}

/**
 * Where the run goes: the choice's `next` (a "$return" goes back where an inject interrupted);
 * a situation set for a later time is waited for, the world running on, unless an inject on the
 * way opens a node first; then the injects whose condition now holds fire, and one may open a
 * node that interrupts where the run was going. NOTE mutates `working`.
 */
export function moveOn(
  scenario: Scenario,
  state: RunState,
  working: WorkingCopy,
  taken: Choice,
  node: DecisionNode,
): { target: string; targetNode: ScenarioNode; returnTo: string | null } {
  const index = state.decisions.length;
  let returnTo = state.returnTo;
  let target = nextNodeId(taken.next, working, scenario);
  if (target === RETURN) {
    target = returnTo;
    returnTo = null;
  }
  let targetNode = target === null ? undefined : findNode(scenario, target);
  if (!targetNode || target === null) {
    throw new IllegalDecisionError(`choice "${taken.id}" at node "${node.id}" leads nowhere`, index);
  }
  const done = working.clock;
  const meetAt = targetNode.kind === 'decision' && targetNode.at !== undefined ? parseDuration(targetNode.at) : 0;
  if (working.opened === null && meetAt > working.clock) {
    passTime(scenario, working, meetAt, true);
    working.events.push({ type: 'clock', from: done, to: working.clock });
  }
  if (targetNode.kind !== 'ending') {
    for (const inject of scenario.injects ?? []) {
      if (inject.at === undefined || parseDuration(inject.at) <= working.clock)
        fireInject(scenario, working, inject, working.clock);
    }
    if (working.opened !== null) {
      returnTo = target;
      target = working.opened;
      targetNode = findNode(scenario, target);
      if (!targetNode) throw new IllegalDecisionError(`an inject opens "${target}", which does not exist`, index);
    }
  }
  return { target, targetNode, returnTo };
}

function nextNodeId(next: Choice['next'], working: WorkingCopy, scenario: Scenario): string | null {
  if (typeof next === 'string') return next;
  const context = contextOf(scenario, working);
  for (const branch of next) if (branch.when === undefined || holds(branch.when, context)) return branch.to;
  return null;
}

/**
 * The drill has ended: key actions never taken cost their full penalty, duties never reported
 * are scored, neighbours never told too, and the cost of delay is measured.
 */
export function closeRun(
  scenario: Scenario,
  state: RunState,
  working: WorkingCopy,
  completed: Record<string, number>,
  duties: DutiesAfter,
): { scored: ScoreEvent[]; duties: DutiesAfter } {
  const scored: ScoreEvent[] = [];
  for (const window of scenario.timeWindows ?? []) {
    if (!(window.id in completed)) scored.push(timeWindowEvent(window, null, null));
  }
  const closed = dutiesLeftAtTheEnd(duties.all);
  for (const duty of closed.missed) scored.push(unreportedEvent(scenario, duty, null));
  scored.push(...withholdEvents(scenario, working.world.notified));
  const outcome = outcomeEvent(scenario, working.log, working.world, state.trialBase);
  if (outcome) scored.push(outcome);
  return { scored, duties: closed };
}
