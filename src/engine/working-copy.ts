/**
 * The working copy of a run while a step is taken: everything that changes, copied from the state
 * once, changed in place by the step's phases, and turned into the next state at the end. The old
 * state is never touched, so a run state stays a value.
 */
import type { Effect, Inject, Metric, Scenario } from '../scenario/schema';
import { parseDuration } from './clock';
import { type ConditionContext, holds } from './conditions';
import { applyEffect, effectApplies } from './effects';
import { STEP_MINUTES } from './epidemic';
import { lawfulness } from './rules';
import { scenarioIndex } from './scenario-index';
import {
  type DrillEvent,
  type FiredInject,
  type Grant,
  type LoggedMeasure,
  type RunState,
  type VarChange,
  type VarValue,
  waiting,
} from './types';
import {
  advanceWorld,
  applyMeasure,
  beforeMeasures,
  cloneWorld,
  metric,
  type PolicyBefore,
  type WorldState,
} from './world';

/** What conditions can see of a run, at one moment. */
export interface Moment {
  vars: Record<string, VarValue>;
  clock: number;
  visited: readonly string[];
  world: WorldState;
  grants: readonly Grant[];
  violations: number;
}

export interface WorkingCopy extends Moment {
  grants: Grant[];
  rng: number;
  /** Every measure applied, injects' and choices'. */
  log: LoggedMeasure[];
  injects: FiredInject[];
  fired: Set<string>;
  /** The node an inject opened during this step: one at a time. */
  opened: string | null;
  /** The decision being taken; null while a trial's run-up fires what was due before it. */
  decision: number | null;
  /** A trial's run-up passes over the nodes injects would open, firing all of them. */
  opensNodes: boolean;
  events: DrillEvent[];
  /** The world's policy marks as the step began, for the check of what a new policy left behind. */
  policyBefore: PolicyBefore;
}

export function contextOf(scenario: Scenario, moment: Moment): ConditionContext {
  return new MomentContext(scenario, moment);
}

/**
 * A moment seen by the conditions. A class, not an object of closures: every choice, inject and
 * branch checked makes one, and its methods are then made once, not at every check.
 */
class MomentContext implements ConditionContext {
  readonly vars: Moment['vars'];
  readonly clock: number;
  readonly visited: Moment['visited'];

  constructor(
    private readonly scenario: Scenario,
    private readonly moment: Moment,
  ) {
    this.vars = moment.vars;
    this.clock = moment.clock;
    this.visited = moment.visited;
  }

  metric(name: Metric, region?: string, supply?: string): number {
    const { moment } = this;
    return name === 'violations' ? moment.violations : metric(this.scenario, moment.world, name, region, supply);
  }

  authorised(power: string): boolean {
    return lawfulness(this.scenario, this.moment.grants, power, this.moment.clock).lawful;
  }

  requested(power: string): boolean {
    const { grants, clock } = this.moment;
    return grants.some((g) => g.power === power && waiting(g, clock));
  }
}

/**
 * `owned`: the caller never reads `state` again (a replay's passing states), so its logs are
 * taken over and appended to rather than copied. The world is copied all the same: a step
 * compares it with the world before.
 */
export function workingCopy(state: RunState, decision: number | null, opensNodes = true, owned = false): WorkingCopy {
  return {
    vars: { ...state.vars },
    clock: state.clock,
    visited: state.visited,
    // An owned state is never read again: its world is carried on, not copied (a replay's steps).
    world: owned ? state.world : cloneWorld(state.world),
    policyBefore: beforeMeasures(state.world),
    grants: owned ? state.grants : state.grants.slice(),
    violations: state.violations,
    rng: state.rng,
    log: owned ? state.measures : state.measures.slice(),
    injects: owned ? state.injects : state.injects.slice(),
    fired: new Set(state.injects.map((x) => x.id)),
    opened: null,
    decision,
    opensNodes,
    events: [],
  };
}

/**
 * Fires an inject at minute `at`, its effects on variables and its measures on the world, if it
 * has not fired, its condition holds, and (opening a node) no other has opened one this step.
 * NOTE mutates `working`.
 */
export function fireInject(scenario: Scenario, working: WorkingCopy, inject: Inject, at: number): void {
  if (working.fired.has(inject.id)) return;
  if (working.opensNodes && inject.opens && working.opened !== null) return;
  if (inject.when && !holds(inject.when, contextOf(scenario, working))) return;
  applyEffectList(scenario, working, inject.effects);
  for (const measure of inject.world ?? []) {
    applyMeasure(scenario, working.world, measure, at, undefined);
    working.log.push({ t: at, measure, from: 'inject' });
  }
  if (inject.decides) {
    const { power, granted } = inject.decides;
    // The answer comes now, sooner than any answer the request was due to have.
    working.grants = working.grants.map((g) =>
      g.power === power && waiting(g, at) ? { ...g, at: granted ? at : null, refusedAt: granted ? null : at } : g,
    );
  }
  working.fired.add(inject.id);
  working.injects.push({ id: inject.id, clock: at, decision: working.decision, vars: { ...working.vars } });
  if (working.decision !== null) working.events.push({ type: 'inject', id: inject.id, clock: at });
  if (working.opensNodes && inject.opens) working.opened = inject.opens;
}

/**
 * Effects in order, each skipped when its `when` fails or its chance is not drawn, and what they
 * changed (a skipped effect changes nothing). NOTE mutates `working`.
 */
export function applyEffectList(
  scenario: Scenario,
  working: WorkingCopy,
  effects: readonly Effect[] | undefined,
): VarChange[] {
  const changes: VarChange[] = [];
  if (!effects) return changes;
  const variables = scenarioIndex(scenario).variable;
  // One context for the list: it reads `working.vars` itself, so it sees each effect applied.
  let context: ConditionContext | undefined;
  const contextNow = () => {
    context ??= contextOf(scenario, working);
    return context;
  };
  for (const effect of effects) {
    const [applies, drawn] = effectApplies(effect, contextNow, working.rng);
    working.rng = drawn;
    if (!applies) continue;
    const from = working.vars[effect.var];
    const [to, rng] = applyEffect(effect, variables.get(effect.var), from, working.rng);
    working.rng = rng;
    working.vars[effect.var] = to;
    if (from !== to && from !== undefined) changes.push({ var: effect.var, from, to });
  }
  return changes;
}

/**
 * Time passes to `until`: the world runs on, the timed injects due on the way firing at their own
 * times (one overdue fires at once). `waiting` for the next situation, the injects on a condition
 * are checked at every step of the world too, and the wait stops at the first inject that opens a
 * node. NOTE mutates `working`.
 */
export function passTime(scenario: Scenario, working: WorkingCopy, until: number, waiting: boolean): void {
  const due = (scenario.injects ?? [])
    .filter((i) => i.at !== undefined && !working.fired.has(i.id))
    .map((i) => ({ inject: i, at: Math.max(working.clock, parseDuration(i.at as string)) }))
    .filter((x) => x.at <= until)
    .sort((a, b) => a.at - b.at);
  const onCondition = waiting ? (scenario.injects ?? []).filter((i) => i.at === undefined) : [];
  let next = 0;
  while (working.clock < until || next < due.length) {
    const timedAt = due[next]?.at ?? Number.POSITIVE_INFINITY;
    const stepEnd = waiting ? (Math.floor(working.clock / STEP_MINUTES) + 1) * STEP_MINUTES : Number.POSITIVE_INFINITY;
    const t = Math.min(timedAt, stepEnd, until);
    advanceWorld(scenario, working.world, t);
    working.clock = t;
    while (next < due.length && (due[next] as { at: number }).at <= t) {
      const { inject, at } = due[next++] as { inject: Inject; at: number };
      fireInject(scenario, working, inject, at);
    }
    for (const inject of onCondition) fireInject(scenario, working, inject, t);
    if (waiting && working.opened !== null) return;
  }
}
