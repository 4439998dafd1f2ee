/**
 * The best line through a drill, found by searching the deterministic engine: from a run state,
 * every sequence of choices is played with `choose` (timeouts included where a node is timed),
 * one decision deep at a time (a beam search). Two paths that reach the same state — the same
 * node, moment, variables, world, measures and open duties; the history aside — share one future,
 * so the state is memoised and its future searched once. While the states at each depth fit the
 * beam the search is exhaustive; past that it keeps the most promising ones and says so.
 *
 * "Best" is the most points gained over the three dimensions, counted before each score is held to
 * 0–100 (so that a run already at 0 still shows what each later mistake cost); between equals,
 * fewer deaths, then the better ending, then fewer cases, then the earlier end.
 */
import type { Dimension, Scenario } from '../scenario/schema';
import { choose, currentDecision, offeredChoices } from './run';
import { scenarioIndex } from './scenario-index';
import { DIMENSIONS, dimensionScores } from './scoring';
import { IllegalDecisionError, type RunState, TIMEOUT } from './types';

export interface SearchLimits {
  /** States kept at each depth; more are kept by promise (score so far), the rest dropped. */
  width: number;
  /** Calls of `choose` the search may make in all. */
  maxSteps: number;
}

export const DEFAULT_LIMITS: SearchLimits = { width: 48, maxSteps: 20_000 };

/** Calls of `choose` a whole run's analysis may make, shared by its searches (~15 s at the slowest measured step). */
export const ANALYSIS_STEPS = 150_000;
/** The least a search of the analysis gets, however long the run. */
const MIN_STEPS_EACH = 1_000;

/** Where a line ends, in the terms the debrief compares. */
export interface LineOutcome {
  ending: string | null;
  /** The scores as the debrief shows them: base plus points, held to 0–100. */
  scores: Record<Dimension, number>;
  /** Points gained and lost on each dimension, before the scores are held to 0–100. */
  points: Record<Dimension, number>;
  /** The points added up: what "best" maximises. */
  total: number;
  /** Over all regions, rounded: cumulative infections and deaths. */
  cases: number;
  deaths: number;
  /** In-game minutes at the end. */
  clock: number;
  /** The ending's tone as a rank: good 2, mixed or none 1, bad 0. */
  tone: number;
}

export interface BestLine {
  /** The choices from the searched state on, in order ("$timeout" for letting the clock run out). */
  steps: string[];
  /** The state the line ends in. */
  state: RunState;
  outcome: LineOutcome;
  /** True when no state was dropped and the step budget held: no better line exists. */
  exhaustive: boolean;
  /** Calls of `choose` made. */
  explored: number;
  /** Distinct states met. */
  states: number;
}

export function outcomeOf(scenario: Scenario, state: RunState): LineOutcome {
  const scores = dimensionScores(scenario, state.scoreEvents);
  const points = gainedBy(state);
  let cases = 0;
  let deaths = 0;
  for (const r of state.world.regions) {
    cases += r.cum;
    deaths += r.D;
  }
  return {
    ending: state.ending,
    scores,
    points,
    total: sum(points),
    cases: Math.round(cases),
    deaths: Math.round(deaths),
    clock: state.clock,
    tone: TONE_RANK[toneOf(scenario, state.ending) ?? 'mixed'],
  };
}

const TONE_RANK = { good: 2, mixed: 1, bad: 0 } as const;

function toneOf(scenario: Scenario, ending: string | null): keyof typeof TONE_RANK | undefined {
  const node = ending === null ? undefined : scenarioIndex(scenario).node.get(ending);
  return node?.kind === 'ending' ? node.tone : undefined;
}

/** Negative when `a` is the better outcome. */
export function compareOutcomes(a: LineOutcome, b: LineOutcome): number {
  return b.total - a.total || a.deaths - b.deaths || b.tone - a.tone || a.cases - b.cases || a.clock - b.clock;
}

/** The moves a trainee has at this state: the choices on offer, and letting a countdown run out. */
export function movesAt(scenario: Scenario, state: RunState): string[] {
  const node = currentDecision(scenario, state);
  if (!node) return [];
  const ids = offeredChoices(scenario, state).map((c) => c.id);
  return node.timeLimitSec !== undefined && node.timeoutChoice !== undefined ? [...ids, TIMEOUT] : ids;
}

/** Takes a move as the search plays it: at once, or (a timeout) when the countdown has run out. */
export function playMove(scenario: Scenario, state: RunState, move: string): RunState {
  const limit = currentDecision(scenario, state)?.timeLimitSec ?? 0;
  return choose(scenario, state, move, move === TIMEOUT ? limit * 1000 : 0)[0];
}

/**
 * The state without its history: what decides the rest of the run. The score so far, the log,
 * the timeline and the chart's samples do not change what any later choice brings.
 */
function futureKey(state: RunState): string {
  const { decisions, timeline, scoreEvents, world, seed, ...rest } = state;
  const { series, ...live } = world;
  return JSON.stringify([rest, live]);
}

interface Path {
  state: RunState;
  steps: string[];
  /** The raw sum of the score events so far, by dimension: what ranks a path still under way. */
  gained: Record<Dimension, number>;
  key: string;
}

function gainedBy(state: RunState): Record<Dimension, number> {
  const gained = { timeliness: 0, legality: 0, coordination: 0 };
  for (const e of state.scoreEvents) gained[e.dimension] += e.delta;
  return gained;
}

const sum = (g: Record<Dimension, number>) => g.timeliness + g.legality + g.coordination;

/** At least as much on every dimension: `b` can end no better than `a` from the same state. */
function dominates(a: Record<Dimension, number>, b: Record<Dimension, number>): boolean {
  return DIMENSIONS.every((d) => a[d] >= b[d]);
}

/** A line finished by taking the first move on offer, for a search that ran out of steps. */
function rollOut(scenario: Scenario, path: Path): Path {
  let { state } = path;
  const steps = [...path.steps];
  for (let i = 0; state.ending === null && i < MAX_ROLL_OUT; i++) {
    const move = movesAt(scenario, state)[0];
    if (move === undefined) break;
    state = playMove(scenario, state, move);
    steps.push(move);
  }
  return { state, steps, gained: gainedBy(state), key: '' };
}

/** A line rolled out further than this is taken to loop. */
const MAX_ROLL_OUT = 500;

/** The best line from `from` (a state not yet ended), within `limits`. */
export function searchBestLine(scenario: Scenario, from: RunState, limits: SearchLimits = DEFAULT_LIMITS): BestLine {
  let best: { path: Path; outcome: LineOutcome } | null = null;
  const consider = (path: Path) => {
    if (path.state.ending === null) return;
    const outcome = outcomeOf(scenario, path.state);
    if (!best || compareOutcomes(outcome, best.outcome) < 0) best = { path, outcome };
  };
  const start: Path = { state: from, steps: [], gained: gainedBy(from), key: '' };
  if (from.ending !== null) consider(start);

  // Per state met: the score gains of the paths kept there, none dominating another.
  const seen = new Map<string, Record<Dimension, number>[]>();
  let frontier: Path[] = from.ending === null ? [start] : [];
  let stepsTaken = 0;
  let exhaustive = true;
  while (frontier.length > 0) {
    const next: Path[] = [];
    for (const path of frontier) {
      for (const move of movesAt(scenario, path.state)) {
        if (stepsTaken >= limits.maxSteps) {
          exhaustive = false;
          break;
        }
        stepsTaken++;
        let state: RunState;
        try {
          state = playMove(scenario, path.state, move);
        } catch (e) {
          // A move the engine refuses is no line; the play-test reports it to the author.
          if (e instanceof IllegalDecisionError) continue;
          throw e;
        }
        const key = state.ending === null ? futureKey(state) : '';
        const child: Path = { state, steps: [...path.steps, move], gained: gainedBy(state), key };
        if (state.ending !== null) {
          consider(child);
          continue;
        }
        const kept = seen.get(key) ?? [];
        if (kept.some((g) => dominates(g, child.gained))) continue;
        seen.set(key, [...kept.filter((g) => !dominates(child.gained, g)), child.gained]);
        next.push(child);
      }
    }
    // A path kept earlier may since have been dominated at its state: only the survivors go on.
    const alive = next.filter((p) => seen.get(p.key)?.includes(p.gained));
    alive.sort((a, b) => sum(b.gained) - sum(a.gained));
    if (alive.length > limits.width) exhaustive = false;
    frontier = alive.slice(0, limits.width);
    if (stepsTaken >= limits.maxSteps) {
      // Out of steps with lines still open: what is left is finished the quick way, not searched.
      if (frontier.length > 0) exhaustive = false;
      break;
    }
  }
  // Out of steps with lines still open: each is played to its end the quick way, so there is an answer.
  for (const path of stepsTaken >= limits.maxSteps ? frontier : []) consider(rollOut(scenario, path));
  const found = best as { path: Path; outcome: LineOutcome } | null;
  if (!found) throw new Error('the search found no ending: every line loops or is refused');
  return {
    steps: found.path.steps,
    state: found.path.state,
    outcome: found.outcome,
    exhaustive,
    explored: stepsTaken,
    states: seen.size,
  };
}

/** What one of the trainee's decisions cost, against the best that could still be done from there. */
export interface DecisionCost {
  decision: number;
  nodeId: string;
  /** The trainee's move ("$timeout" when the countdown ran out). */
  taken: string;
  /** The best move at the same state; the trainee's own when it was (one of) the best. */
  best: string;
  /** The best end reachable from this state, and the best still reachable after the trainee's move. */
  bestOutcome: LineOutcome;
  afterTaken: LineOutcome;
  /** What the move gave up: points per dimension and in all (best − after), cases and deaths added (after − best). */
  lost: { points: Record<Dimension, number>; total: number; cases: number; deaths: number };
  exhaustive: boolean;
}

export interface RunAnalysis {
  /** The best line from where the run began. */
  best: BestLine;
  /** One per decision of the trainee's, in order. They add up to the gap between the best line and the run. */
  costs: DecisionCost[];
  /** True when every search behind it was exhaustive. */
  exhaustive: boolean;
  explored: number;
}

interface Reachable {
  steps: string[];
  outcome: LineOutcome;
  exhaustive: boolean;
}

/**
 * The trainee's run weighed decision by decision. `states` are the run's states before each
 * decision and after the last (n + 1 of them); `moves` the trainee's n moves. Each decision's cost
 * is the best end reachable before it less the best reachable after it (searched from the state the
 * trainee's move led to), so the costs add up to the distance from the best line to the run's own
 * end. Searched from the end backwards: the best before a decision is never worse than the best
 * after the trainee's move, even where a bounded search missed it.
 */
export function analyseRun(
  scenario: Scenario,
  states: readonly RunState[],
  moves: readonly string[],
  limits: SearchLimits = DEFAULT_LIMITS,
  onProgress?: (done: number, total: number) => void,
): RunAnalysis {
  const steps = analyseRunSteps(scenario, states, moves, limits);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    onProgress?.(next.value.done, next.value.total);
  }
}

/**
 * analyseRun one search at a time: it yields after each decision's search (how many of the n + 1
 * are done) and returns the analysis, so a page with no worker can draw between searches.
 */
export function* analyseRunSteps(
  scenario: Scenario,
  states: readonly RunState[],
  moves: readonly string[],
  limits: SearchLimits = DEFAULT_LIMITS,
): Generator<{ done: number; total: number }, RunAnalysis, void> {
  const n = moves.length;
  const last = states[n];
  if (!last || states.length !== n + 1) throw new Error('analyseRun needs a state before each move and after the last');
  let explored = 0;
  // One search a decision: a long run shares the analysis's budget, so it ends in seconds, not minutes.
  const each = {
    ...limits,
    maxSteps: Math.min(limits.maxSteps, Math.max(MIN_STEPS_EACH, Math.floor(ANALYSIS_STEPS / (n + 1)))),
  };
  const search = (state: RunState): Reachable => {
    const found = searchBestLine(scenario, state, each);
    explored += found.explored;
    return found;
  };
  let after: Reachable =
    last.ending !== null ? { steps: [], outcome: outcomeOf(scenario, last), exhaustive: true } : search(last);
  yield { done: 1, total: n + 1 };
  const costs: DecisionCost[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const state = states[i] as RunState;
    const taken = moves[i] as string;
    const searched = search(state);
    // A bounded search from here may find a better tail through the trainee's own move than the
    // search after it did: then that is the best after the move too, and the move cost nothing.
    if (searched.steps[0] === taken && compareOutcomes(searched.outcome, after.outcome) < 0) {
      after = { ...searched, steps: searched.steps.slice(1) };
    }
    const viaTaken: Reachable = { ...after, steps: [taken, ...after.steps] };
    const before = compareOutcomes(searched.outcome, viaTaken.outcome) < 0 ? searched : viaTaken;
    costs.unshift({
      decision: i,
      nodeId: state.nodeId,
      taken,
      best: before.steps[0] ?? taken,
      bestOutcome: before.outcome,
      afterTaken: after.outcome,
      lost: {
        points: Object.fromEntries(
          DIMENSIONS.map((d) => [d, before.outcome.points[d] - after.outcome.points[d]]),
        ) as Record<Dimension, number>,
        total: before.outcome.total - after.outcome.total,
        cases: after.outcome.cases - before.outcome.cases,
        deaths: after.outcome.deaths - before.outcome.deaths,
      },
      exhaustive: searched.exhaustive && after.exhaustive,
    });
    after = { ...before, exhaustive: searched.exhaustive && after.exhaustive };
    yield { done: n - i + 1, total: n + 1 };
  }
  // The best line as a run: played from the first state, for its timeline and its world.
  const first = states[0] as RunState;
  let state = first;
  for (const move of after.steps) state = playMove(scenario, state, move);
  return {
    best: {
      steps: after.steps,
      state,
      outcome: outcomeOf(scenario, state),
      exhaustive: after.exhaustive,
      explored,
      states: 0,
    },
    costs,
    exhaustive: after.exhaustive,
    explored,
  };
}
