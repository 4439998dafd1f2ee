import type { Dimension, Measure, ScoringRuleName } from '../scenario/schema';
import type { RegionOverride, WorldState } from './world';

export type VarValue = number | boolean;

/** What the trainee did at one decision: the whole persisted log is a list of these. */
export interface Decision {
  /** The choice passed to `choose`, or TIMEOUT when the countdown ran out. */
  choiceId: string;
  /** Real milliseconds the trainee spent on the decision. */
  realMs: number;
}

/**
 * Where a trial run starts, set in the authoring view's state inspector: a node, a moment, and
 * values that replace what the drill would have had there.
 */
export interface Origin {
  node: string;
  /** In-game minutes since clockStart; the world and timed injects run up to it first. */
  clock: number;
  /** Variable id → value; unknown ids and values of the wrong type are ignored. */
  vars: Record<string, VarValue>;
  /** Region id → values to set. */
  regions: Record<string, RegionOverride>;
  /** Time windows whose key action was taken before: neither scored as done nor as missed. */
  completed?: string[];
  /** Regions already informed before. */
  notified?: string[];
}

/** Passed as the choice id when a node's real-time limit has run out. */
export const TIMEOUT = '$timeout';

/** A trial starts at most this far into the drill: the world's run-up takes time linear in it. */
export const MAX_TRIAL_CLOCK = 180 * 24 * 60;

export type ScoreSource =
  | { kind: 'choice'; decision: number; nodeId: string; choiceId: string }
  | { kind: 'timeout'; decision: number; nodeId: string }
  | { kind: 'timeWindow'; windowId: string; decision: number | null }
  /** An automatic rule: a power check, proportionality, coordination, the outcome of delay. */
  | { kind: 'rule'; rule: ScoringRuleName; decision: number | null };

export interface ScoreEvent {
  dimension: Dimension;
  delta: number;
  /** Plain Chinese: why the points were given or taken. */
  reason: string;
  source: ScoreSource;
  /** Ids into the scenario's references. */
  refs: string[];
}

export interface TimelineEntry {
  nodeId: string;
  /** The choice actually taken (the node's timeout choice after a timeout). */
  choiceId: string;
  timedOut: boolean;
  /** In-game minutes when the decision was made, and when its action was done. */
  clockAt: number;
  clockAfter: number;
  /**
   * When the next situation was met: later than clockAfter when the next node is set for a later
   * time (`at`) and the world ran on to it.
   */
  clockNext: number;
  realMs: number;
  /** Variables the decision changed, in the order its effects ran. */
  changes: VarChange[];
  /** The variables when the decision was done (clockAfter): what its feedback's placeholders show. */
  varsAfter: Record<string, VarValue>;
}

/** A region's state rounded for display: what the status board and the timeline show. */
export interface RegionSnapshot {
  cases: number;
  deaths: number;
  hospitalised: number;
  beds: number;
  trust: number;
}

/** An authorisation asked for: granted at `at`, or refused (null). */
/**
 * A request to the level above (`requests`) and its answer. The answer's minute may lie ahead:
 * the request is waiting until then.
 */
export interface Grant {
  power: string;
  /** The actor who decides. */
  from: string;
  /** The actors it passes through on its way up, in order. */
  via: string[];
  requestedAt: number;
  /** When it is granted; null when it is not (or not yet) granted. */
  at: number | null;
  /** When it is refused; null when it is not (or not yet) refused. */
  refusedAt: number | null;
}

/** Whether a request is still waiting for its answer at minute `clock`. */
export function waiting(grant: Grant, clock: number): boolean {
  return (
    grant.requestedAt <= clock &&
    !(grant.at !== null && grant.at <= clock) &&
    !(grant.refusedAt !== null && grant.refusedAt <= clock)
  );
}

/**
 * A power the trainee exercised as its holder, whose `report` duty is open: reported (at that
 * minute), or scored as not reported in time.
 */
export interface ReportDuty {
  power: string;
  /** The decision that exercised it and the in-game minute it was done. */
  decision: number;
  at: number;
  /** In-game minute by which the report is due. */
  due: number;
  reportedAt: number | null;
  /** Scored as not reported in time. */
  missed: boolean;
}

export interface FiredInject {
  id: string;
  clock: number;
  /** The decision during which it fired; null for one that fired at the start. */
  decision: number | null;
  /** The variables just after it fired: what its text's placeholders show. */
  vars: Record<string, VarValue>;
}

export interface LoggedMeasure {
  t: number;
  measure: Measure;
  from: 'choice' | 'inject';
}

export interface VarChange {
  var: string;
  from: VarValue;
  to: VarValue;
}

export interface RunState {
  scenarioId: string;
  seed: number;
  /** The PRNG's state: draws advance it. */
  rng: number;
  /** In-game minutes since the scenario's clockStart. */
  clock: number;
  nodeId: string;
  vars: Record<string, VarValue>;
  /** Node ids in order of first visit. */
  visited: string[];
  decisions: Decision[];
  timeline: TimelineEntry[];
  /**
   * The regions as the last decision was taken, before it; empty before the first. With the
   * regions now (`snapshot(world)`), what the consequence screen compares. Kept for the last
   * decision only: a snapshot in every timeline entry was half the heap a long run held, and
   * nothing read the older ones.
   */
  regionsBefore: RegionSnapshot[];
  scoreEvents: ScoreEvent[];
  /** Time-window id → in-game minute the key action was completed. */
  completed: Record<string, number>;
  /** The ending node's id once the drill is over. */
  ending: string | null;
  world: WorldState;
  grants: Grant[];
  /** Powers exercised without holding them and without authorisation. */
  violations: number;
  /** Every exercise of a power that carries a duty to report, in order. */
  duties: ReportDuty[];
  injects: FiredInject[];
  /** Where to go from a node an inject opened, when a choice there says "$return". */
  returnTo: string | null;
  /** Every measure applied, for the outcome comparison at the end. */
  measures: LoggedMeasure[];
  /**
   * A trial run's starting point: the world as the inspector set it and how many measures were
   * logged by then, so the outcome comparison starts there too. Absent for a trainee's run.
   */
  trialBase?: TrialBase;
  /**
   * The instructor's time-limit setting the run is played under; absent for the drill's own limits
   * (x1). The engine judges a countdown against it: a choice made in the allowed time is in time.
   */
  timeLimits?: Exclude<TimeLimits, 'x1'>;
}

/** The instructor's setting for countdowns (WCAG 2.2.1): the drill's limits, each doubled, or none. */
export const TIME_LIMITS = ['x1', 'x2', 'off'] as const;
export type TimeLimits = (typeof TIME_LIMITS)[number];

/** The seconds a decision's countdown runs under `setting`, or null when it runs none. */
export function allowedSec(limitSec: number, setting: TimeLimits = 'x1'): number | null {
  switch (setting) {
    case 'x1':
      return limitSec;
    case 'x2':
      return limitSec * 2;
    case 'off':
      return null;
  }
}

export interface TrialBase {
  clock: number;
  world: WorldState;
  measures: number;
}

/** What happened in one step, for the UI to react to (feedback, focus, sound). */
export type DrillEvent =
  | { type: 'decided'; decision: number; nodeId: string; choiceId: string; timedOut: boolean }
  | { type: 'changed'; var: string; from: VarValue; to: VarValue }
  | { type: 'scored'; event: ScoreEvent }
  | { type: 'clock'; from: number; to: number }
  | { type: 'moved'; from: string; to: string }
  | { type: 'inject'; id: string; clock: number }
  | { type: 'ended'; endingId: string };

/** Thrown when a decision cannot be taken in the current state (a stale or tampered log). */
export class IllegalDecisionError extends Error {
  constructor(
    message: string,
    readonly decision: number,
  ) {
    super(message);
    this.name = 'IllegalDecisionError';
  }
}
