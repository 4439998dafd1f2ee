/**
 * The run: `start`, `choose` and `replay`. Pure and deterministic: the same scenario, seed and
 * decisions give the same state, in Node and in the browser.
 */
import type { Choice, Condition, DecisionNode, Inject, Scenario } from '../scenario/schema';
import { parseDuration } from './clock';
import { type ConditionContext, holds } from './conditions';
import { describeCondition } from './describe-condition';
import { applyEffect } from './effects';
import { STEP_MINUTES } from './epidemic';
import { returns } from './next';
import { outcomeEvent } from './outcome';
import { powerInForce } from './powers-in-force';
import { RETURN } from './return';
import { nextRandom, seedState } from './rng';
import {
  coordinationEvents,
  lawfulness,
  ruleEvent,
  unlawfulPowerEvent,
  unreportedEvent,
  withholdEvents,
} from './rules';
import { findChoice, findNode, scenarioIndex } from './scenario-index';
import { DEFAULT_TIMEOUT_PENALTY, timeWindowEvent } from './scoring';
import {
  type Decision,
  type DrillEvent,
  type FiredInject,
  type Grant,
  IllegalDecisionError,
  type LoggedMeasure,
  type Origin,
  type RegionSnapshot,
  type ReportDuty,
  type RunState,
  type ScoreEvent,
  TIMEOUT,
  type VarChange,
  type VarValue,
} from './types';
import { advanceWorld, applyMeasure, cloneWorld, initWorld, metric, overrideRegion, type WorldState } from './world';

/** What conditions can see of a run, at one moment. */
interface Moment {
  vars: Record<string, VarValue>;
  clock: number;
  visited: readonly string[];
  world: WorldState;
  grants: readonly Grant[];
  violations: number;
}

function contextOf(scenario: Scenario, m: Moment): ConditionContext {
  return {
    vars: m.vars,
    clock: m.clock,
    visited: m.visited,
    metric: (name, region, supply) =>
      name === 'violations' ? m.violations : metric(scenario, m.world, name, region, supply),
    authorised: (power) => lawfulness(scenario, m.grants, power, m.clock).lawful,
  };
}

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

/**
 * Fires an inject at minute `t`: its effects on variables and its measures on the world.
 * NOTE mutates `m` (a working copy inside `choose` or `start`).
 */
function fire(scenario: Scenario, m: Moment & { rng: number; log: LoggedMeasure[] }, inject: Inject, t: number): void {
  const variables = scenarioIndex(scenario).variable;
  for (const effect of inject.effects ?? []) {
    const [to, rng] = applyEffect(effect, variables.get(effect.var), m.vars[effect.var], m.rng);
    m.rng = rng;
    m.vars[effect.var] = to;
  }
  for (const measure of inject.world ?? []) {
    applyMeasure(scenario, m.world, measure, t, undefined);
    m.log.push({ t, measure, from: 'inject' });
  }
}

export function start(scenario: Scenario, seed: number): RunState {
  const vars: Record<string, VarValue> = {};
  for (const variable of scenario.variables ?? []) vars[variable.id] = variable.initial;
  // Warm the generator once so that neighbouring seeds do not start with similar draws.
  const [, rng] = nextRandom(seedState(seed));
  const m = {
    vars,
    clock: 0,
    visited: [scenario.start],
    world: initWorld(scenario),
    grants: [],
    violations: 0,
    rng,
    log: [],
  };
  const injects: FiredInject[] = [];
  // Injects set at the very start change the world before the first decision; they open nothing.
  for (const inject of scenario.injects ?? []) {
    const atStart = inject.at !== undefined && parseDuration(inject.at) === 0;
    if (!atStart || inject.opens || (inject.when && !holds(inject.when, contextOf(scenario, m)))) continue;
    fire(scenario, m, inject, 0);
    injects.push({ id: inject.id, clock: 0, decision: null });
  }
  return {
    scenarioId: scenario.id,
    seed,
    rng: m.rng,
    clock: 0,
    nodeId: scenario.start,
    vars: m.vars,
    visited: m.visited,
    decisions: [],
    timeline: [],
    scoreEvents: [],
    completed: {},
    ending: null,
    world: m.world,
    grants: [],
    violations: 0,
    duties: [],
    injects,
    returnTo: null,
    measures: m.log,
  };
}

/** A trial starts at most this far into the drill: the world's run-up takes time linear in it. */
export const MAX_TRIAL_CLOCK = 180 * 24 * 60;

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
export function startAt(scenario: Scenario, seed: number, origin: Origin): RunState {
  const base = start(scenario, seed);
  const refused = cannotStartAt(scenario, origin.node);
  if (refused) throw new IllegalDecisionError(`cannot start a trial at "${origin.node}": ${refused}`, 0);
  const clock = Math.min(MAX_TRIAL_CLOCK, Math.max(0, Math.round(origin.clock)));
  const m = { ...base, vars: { ...base.vars }, world: cloneWorld(base.world), log: [...base.measures] };
  const injects = [...base.injects];
  const fired = new Set(injects.map((x) => x.id));
  const tryFire = (inject: Inject, t: number) => {
    if (fired.has(inject.id) || (inject.when && !holds(inject.when, contextOf(scenario, m)))) return;
    fire(scenario, m, inject, t);
    fired.add(inject.id);
    injects.push({ id: inject.id, clock: t, decision: null });
  };
  const due = (scenario.injects ?? [])
    .filter((i) => i.at !== undefined && parseDuration(i.at) <= clock)
    .sort((a, b) => parseDuration(a.at as string) - parseDuration(b.at as string));
  for (const inject of due) {
    const at = parseDuration(inject.at as string);
    advanceWorld(scenario, m.world, at);
    m.clock = at;
    tryFire(inject, at);
  }
  advanceWorld(scenario, m.world, clock);
  m.clock = clock;
  // Injects on a condition alone are checked where a decision would have checked them: at the end.
  for (const inject of scenario.injects ?? []) if (inject.at === undefined) tryFire(inject, clock);

  for (const variable of scenario.variables ?? []) {
    const value = origin.vars[variable.id];
    if (variable.type === 'boolean' && typeof value === 'boolean') m.vars[variable.id] = value;
    if (variable.type === 'number' && typeof value === 'number' && Number.isFinite(value)) {
      m.vars[variable.id] = Math.min(variable.max, Math.max(variable.min, value));
    }
  }
  (scenario.regions ?? []).forEach((region, i) => {
    const set = origin.regions[region.id];
    const r = m.world.regions[i];
    if (set && r) overrideRegion(r, set);
  });
  // What the author says was done before: not scored, neither as done nor as missed.
  const regionIds = new Set((scenario.regions ?? []).map((r) => r.id));
  for (const id of origin.notified ?? [])
    if (regionIds.has(id) && !m.world.notified.includes(id)) m.world.notified.push(id);
  const completed: Record<string, number> = {};
  for (const id of origin.completed ?? []) if (scenarioIndex(scenario).window.has(id)) completed[id] = clock;
  return {
    ...base,
    rng: m.rng,
    clock,
    nodeId: origin.node,
    vars: m.vars,
    visited: [origin.node],
    completed,
    world: m.world,
    injects,
    measures: m.log,
    trialBase: { clock, world: cloneWorld(m.world), measures: m.log.length },
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
  const ctx = contextOf(scenario, state);
  return node.choices.filter((c) => !c.timeoutOnly && (c.when === undefined || holds(c.when, ctx)));
}

function resolveNext(next: Choice['next'], ctx: ConditionContext): string | null {
  if (typeof next === 'string') return next;
  for (const branch of next) if (branch.when === undefined || holds(branch.when, ctx)) return branch.to;
  return null;
}

/**
 * Takes a decision. `realMs` is how long the trainee took in real time; on a timed node, a
 * decision that took longer than the limit is a timeout whatever was clicked, and the node's
 * timeout choice is taken instead. Throws IllegalDecisionError for a choice not on offer.
 *
 * Order within a decision: the power and proportionality checks see the world as it was when
 * the trainee decided; then the decision's time passes (the world advances, timed injects
 * fire); its measures take effect when it is done; then injects whose condition now holds fire,
 * and the run moves on.
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
  const { variable: variables, window: windows } = scenarioIndex(scenario);
  const events: DrillEvent[] = [{ type: 'decided', decision: index, nodeId: node.id, choiceId: taken.id, timedOut }];
  const clockAt = state.clock;
  const scored: ScoreEvent[] = [];

  if (timedOut) {
    const penalty = scenario.scoring?.timeoutPenalty ?? DEFAULT_TIMEOUT_PENALTY;
    scored.push({
      dimension: 'timeliness',
      delta: -penalty,
      reason: `限时 ${node.timeLimitSec} 秒内没有作出决定，按“${taken.label}”处理：不作为也是一种决定。`,
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

  // Checks against the moment of decision.
  let violations = state.violations;
  const lawful = taken.power === undefined ? null : lawfulness(scenario, state.grants, taken.power, clockAt);
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

  // The working copy of everything that changes; the old state is never touched.
  const m = {
    vars: { ...state.vars },
    clock: clockAt,
    visited: state.visited,
    world: cloneWorld(state.world),
    grants: [...state.grants],
    violations,
    rng: state.rng,
    log: [...state.measures],
  };
  const changes: VarChange[] = [];
  for (const effect of taken.effects ?? []) {
    const from = m.vars[effect.var];
    const [to, rng] = applyEffect(effect, variables.get(effect.var), from, m.rng);
    m.rng = rng;
    m.vars[effect.var] = to;
    if (from !== to && from !== undefined) changes.push({ var: effect.var, from, to });
  }
  for (const change of changes) events.push({ type: 'changed', ...change });

  // The decision's time passes; timed injects fire on the way.
  const clock = clockAt + parseDuration(taken.takes);
  const injects = [...state.injects];
  const firedIds = new Set(injects.map((x) => x.id));
  let opened: string | null = null;
  const tryFire = (inject: Inject, t: number) => {
    if (firedIds.has(inject.id) || (inject.opens && opened !== null)) return;
    if (inject.when && !holds(inject.when, contextOf(scenario, m))) return;
    fire(scenario, m, inject, t);
    firedIds.add(inject.id);
    injects.push({ id: inject.id, clock: t, decision: index });
    events.push({ type: 'inject', id: inject.id, clock: t });
    if (inject.opens) opened = inject.opens;
  };
  /**
   * The world runs on to `until`, the timed injects due on the way firing at their own times.
   * `waiting` for the next situation, it also checks the injects on a condition at every step of
   * the world, and stops at the first inject that opens a node. NOTE mutates `m`.
   */
  const runTo = (until: number, waiting: boolean) => {
    const due = (scenario.injects ?? [])
      .filter((i) => i.at !== undefined && !firedIds.has(i.id))
      .map((i) => ({ inject: i, at: Math.max(m.clock, parseDuration(i.at as string)) }))
      .filter((x) => x.at <= until)
      .sort((a, b) => a.at - b.at);
    const onCondition = waiting ? (scenario.injects ?? []).filter((i) => i.at === undefined) : [];
    let next = 0;
    while (m.clock < until || next < due.length) {
      const timedAt = due[next]?.at ?? Number.POSITIVE_INFINITY;
      const stepEnd = waiting ? (Math.floor(m.clock / STEP_MINUTES) + 1) * STEP_MINUTES : Number.POSITIVE_INFINITY;
      const t = Math.min(timedAt, stepEnd, until);
      advanceWorld(scenario, m.world, t);
      m.clock = t;
      while (next < due.length && (due[next] as { at: number }).at <= t) {
        const { inject, at } = due[next++] as { inject: Inject; at: number };
        tryFire(inject, at);
      }
      for (const inject of onCondition) tryFire(inject, t);
      if (waiting && opened !== null) return;
    }
  };
  runTo(clock, false);
  events.push({ type: 'clock', from: clockAt, to: clock });

  // The decision is done: its measures take effect.
  for (const measure of taken.world ?? []) {
    const facts = applyMeasure(scenario, m.world, measure, clock, scenario.roleRegion);
    m.log.push({ t: clock, measure, from: 'choice' });
    scored.push(...coordinationEvents(scenario, facts, index));
  }
  if (taken.requests) {
    const r = taken.requests;
    const granted = r.when === undefined || holds(r.when, contextOf(scenario, m));
    m.grants.push({
      power: r.power,
      from: r.from,
      requestedAt: clock,
      at: granted ? clock + parseDuration(r.after) : null,
    });
  }

  let duties = reportDuties(scenario, state.duties, taken, lawful, index, clock);
  for (const duty of duties.missed) scored.push(unreportedEvent(scenario, duty, index));

  let completed = state.completed;
  for (const windowId of taken.completes ?? []) {
    const window = windows.get(windowId);
    if (!window || windowId in completed) continue;
    completed = { ...completed, [windowId]: clock };
    scored.push(timeWindowEvent(window, clock, index));
  }

  let returnTo = state.returnTo;
  let target = resolveNext(taken.next, contextOf(scenario, m));
  if (target === RETURN) {
    target = returnTo;
    returnTo = null;
  }
  let targetNode = target === null ? undefined : findNode(scenario, target);
  if (!targetNode || target === null) {
    throw new IllegalDecisionError(`choice "${taken.id}" at node "${node.id}" leads nowhere`, index);
  }

  // A situation set for a later time: the world runs on to it, unless an inject due on the way
  // opens a node first — then that node is met at the inject's time, and the wait resumes when
  // the run returns.
  const meetAt = targetNode.kind === 'decision' && targetNode.at !== undefined ? parseDuration(targetNode.at) : 0;
  if (opened === null && meetAt > m.clock) {
    runTo(meetAt, true);
    events.push({ type: 'clock', from: clock, to: m.clock });
  }

  // Injects whose condition now holds; one may open a node and interrupt where the run was going.
  if (targetNode.kind !== 'ending') {
    for (const inject of scenario.injects ?? []) {
      if (inject.at === undefined || parseDuration(inject.at) <= m.clock) tryFire(inject, m.clock);
    }
    if (opened !== null) {
      returnTo = target;
      target = opened;
      targetNode = findNode(scenario, target);
      if (!targetNode) throw new IllegalDecisionError(`an inject opens "${target}", which does not exist`, index);
    }
  }
  events.push({ type: 'moved', from: node.id, to: target });
  const visited = state.visited.includes(target) ? state.visited : [...state.visited, target];

  let ending: string | null = null;
  if (targetNode.kind === 'ending') {
    ending = target;
    // Key actions never taken cost their full penalty when the drill ends.
    for (const window of scenario.timeWindows ?? []) {
      if (!(window.id in completed)) scored.push(timeWindowEvent(window, null, null));
    }
    duties = dutiesLeftAtTheEnd(duties.all);
    for (const duty of duties.missed) scored.push(unreportedEvent(scenario, duty, null));
    scored.push(...withholdEvents(scenario, m.world.notified));
    const outcome = outcomeEvent(scenario, m.log, m.world, state.trialBase);
    if (outcome) scored.push(outcome);
    events.push({ type: 'ended', endingId: target });
  }
  for (const event of scored) events.push({ type: 'scored', event });

  const next: RunState = {
    ...state,
    rng: m.rng,
    clock: m.clock,
    nodeId: target,
    vars: m.vars,
    visited,
    decisions: [...state.decisions, { choiceId, realMs }],
    timeline: [
      ...state.timeline,
      {
        nodeId: node.id,
        choiceId: taken.id,
        timedOut,
        clockAt,
        clockAfter: clock,
        clockNext: m.clock,
        realMs,
        changes,
        regions: snapshot(m.world),
      },
    ],
    scoreEvents: scored.length ? [...state.scoreEvents, ...scored] : state.scoreEvents,
    completed,
    ending,
    world: m.world,
    grants: m.grants,
    violations: m.violations,
    duties: duties.all,
    injects,
    returnTo,
    measures: m.log,
  };
  return [next, events];
}

/**
 * The duties to report after a decision done at `clock`: one opened when the trainee exercised, as
 * its holder, a power that carries a duty; every open one of the powers this decision `reports`
 * closed; and those now overdue (not reported by their time, or reported late) marked missed,
 * to be scored once. A report before the exercise does not cover it: it reports what was done.
 */
function reportDuties(
  scenario: Scenario,
  before: readonly ReportDuty[],
  taken: Choice,
  lawful: ReturnType<typeof lawfulness> | null,
  decision: number,
  clock: number,
): { all: ReportDuty[]; missed: ReportDuty[] } {
  const report = taken.power === undefined ? undefined : powerInForce(scenario, taken.power)?.report;
  const opens = report !== undefined && lawful?.lawful === true && lawful.how === 'holder';
  if (!opens && !taken.reports?.length && !before.some((d) => d.reportedAt === null && !d.missed)) {
    return { all: before as ReportDuty[], missed: [] };
  }
  const all = before.map((d) => ({ ...d }));
  if (opens) {
    all.push({
      power: taken.power as string,
      decision,
      at: clock,
      due: clock + parseDuration(report.within),
      reportedAt: null,
      missed: false,
    });
  }
  for (const duty of all) if (duty.reportedAt === null && taken.reports?.includes(duty.power)) duty.reportedAt = clock;
  const missed: ReportDuty[] = [];
  for (const duty of all) {
    if (duty.missed) continue;
    if (duty.reportedAt === null ? duty.due <= clock : duty.reportedAt > duty.due) {
      duty.missed = true;
      missed.push(duty);
    }
  }
  return { all, missed };
}

/** At the end of the drill, every duty neither reported nor yet scored is missed. */
function dutiesLeftAtTheEnd(duties: readonly ReportDuty[]): { all: ReportDuty[]; missed: ReportDuty[] } {
  const missed: ReportDuty[] = [];
  const all = duties.map((d) => {
    if (d.reportedAt !== null || d.missed) return d;
    const closed = { ...d, missed: true };
    missed.push(closed);
    return closed;
  });
  return { all, missed };
}

/**
 * The state after a whole decision log (from `origin` for a trial run); throws
 * IllegalDecisionError at the first decision that no longer fits.
 */
export function replay(scenario: Scenario, seed: number, decisions: readonly Decision[], origin?: Origin): RunState {
  let state = origin ? startAt(scenario, seed, origin) : start(scenario, seed);
  for (const d of decisions) [state] = choose(scenario, state, d.choiceId, d.realMs);
  return state;
}
