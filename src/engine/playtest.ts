/**
 * Automated play-through: a drill played many times with seeded choices — a quarter at random, a
 * quarter seeking nodes not yet reached, and a quarter each leaning to the move that scores best
 * and worst at once — timeouts included, to find what no trainee can reach and what scores the
 * drill can give. The leaning runs find the endings a drill keeps for a whole line of good (or
 * bad) play, which neither chance nor a search through every sequence reaches in a drill of a
 * dozen decisions. Pure and deterministic for a given seed.
 */
import type { Dimension, Effect, Scenario } from '../scenario/schema';
import { nextInt, seedState } from './rng';
import { choose, currentDecision, offeredChoices, replay, start } from './run';
import { DIMENSIONS, dimensionScores } from './scoring';
import { type RunState, TIMEOUT } from './types';

/** A run longer than this is taken to loop for ever. */
export const MAX_DECISIONS = 500;

export interface PlaytestReport {
  runs: number;
  nodes: { reached: number; total: number; never: string[] };
  endings: {
    reached: number;
    total: number;
    never: string[];
    counts: Record<string, number>;
    /**
     * Endings that depend on luck: a sampled run's very decisions, replayed with another seed,
     * end elsewhere (or are no longer all on offer). Only a drill that draws at all is replayed.
     */
    byChance: string[];
  };
  scores: Record<Dimension, { min: number; max: number; mean: number }>;
  /** Among the sampled runs that ended: the fewest and the most decisions, and the least and the most in-game hours (not of the same runs). */
  decisions: { min: number; max: number };
  hours: { min: number; max: number };
  /** Per ending reached by a sampled run: the range of infections and deaths, over all regions. */
  outcomes: Record<string, { cases: { min: number; max: number }; deaths: { min: number; max: number } }>;
  /** Runs that did not end within MAX_DECISIONS decisions (a loop with no way out). */
  endless: number;
  /** Runs stopped by a decision the engine refused (a node with no way out). */
  stuck: { node: string; message: string }[];
  /** What a systematic search found that the sampled runs missed, and the decisions it took. */
  search: { steps: number; found: string[] };
  /**
   * The routes the sampled runs that ended took: each the sequence of decision nodes met along
   * choices, in order, as lint counts routes (scenario/branching.ts): a node an inject opened, and
   * those met before the run returns from it, come at a moment rather than along a choice and are
   * left out. `taken` is every distinct one, the most taken first (then by their nodes), with the
   * runs that took it and the endings they came to.
   */
  routes: { found: number; taken: PlayedRoute[] };
}

export interface PlayedRoute {
  nodes: string[];
  runs: number;
  /** Ending id → how many of those runs came to it. */
  endings: Record<string, number>;
}

/**
 * Depth first over every move sequence (states with the same node, variables, clock and draws
 * explored once), until every node in `wanted` is reached or the budget runs out.
 */
export function searchNodes(
  scenario: Scenario,
  wanted: ReadonlySet<string>,
  seeds: readonly number[],
  budget = 20_000,
): { reached: Set<string>; steps: number } {
  const reached = new Set<string>();
  let steps = 0;
  for (const seed of seeds) {
    const seen = new Set<string>();
    const stack: RunState[] = [start(scenario, seed)];
    while (stack.length > 0 && steps < budget && [...wanted].some((id) => !reached.has(id))) {
      const state = stack.pop() as RunState;
      const key = JSON.stringify([state.nodeId, state.vars, state.clock, state.rng, state.visited.length]);
      if (seen.has(key)) continue;
      seen.add(key);
      reached.add(state.nodeId);
      for (const move of moves(scenario, state)) {
        steps++;
        try {
          stack.push(choose(scenario, state, move, move === TIMEOUT ? Number.MAX_SAFE_INTEGER : 1000)[0]);
        } catch {
          // A refused move is reported by the sampled runs; the search goes on.
        }
      }
    }
  }
  return { reached, steps };
}

const RUN_STYLES = ['random', 'seeking', 'best', 'worst'] as const;
type RunStyle = (typeof RUN_STYLES)[number];

/** How often in ten a leaning run takes a move at random instead, so its runs differ. */
const LEANING_STRAY_IN_10 = 2;

/** The sum of the score events a move brings at once, over every dimension. */
function immediateScore(scenario: Scenario, state: RunState, move: string): number {
  const [, events] = choose(scenario, state, move, move === TIMEOUT ? Number.MAX_SAFE_INTEGER : 1000);
  return events.reduce((sum, e) => (e.type === 'scored' ? sum + e.event.delta : sum), 0);
}

function moves(scenario: Scenario, state: RunState): string[] {
  const node = currentDecision(scenario, state);
  if (!node) return [];
  const ids = offeredChoices(scenario, state).map((c) => c.id);
  return node.timeLimitSec !== undefined && node.timeoutChoice !== undefined ? [...ids, TIMEOUT] : ids;
}

/** Whether any effect draws from the run's generator: a chance, or a random value. */
function drawsAtRandom(scenario: Scenario): boolean {
  const draws = (effects: readonly Effect[] | undefined) =>
    effects?.some((e) => e.chance !== undefined || e.op === 'random') ?? false;
  return (
    scenario.nodes.some((n) => n.kind === 'decision' && n.choices.some((c) => draws(c.effects))) ||
    (scenario.injects ?? []).some((i) => draws(i.effects))
  );
}

/** Where the same decisions end with another seed; null when they no longer fit or do not end. */
function endingWithSeed(scenario: Scenario, seed: number, decisions: RunState['decisions']): string | null {
  try {
    return replay(scenario, seed, decisions).ending;
  } catch {
    return null;
  }
}

export function playtest(scenario: Scenario, runs = 200, seed = 1): PlaytestReport {
  const reached = new Set<string>();
  const endingCounts: Record<string, number> = {};
  const lucky = drawsAtRandom(scenario);
  const byChance = new Set<string>();
  const totals = Object.fromEntries(DIMENSIONS.map((d) => [d, { min: 100, max: 0, sum: 0 }])) as Record<
    Dimension,
    { min: number; max: number; sum: number }
  >;
  let rng = seedState(seed);
  const draw = (n: number) => {
    const [value, next] = nextInt(rng, 0, n - 1);
    rng = next;
    return value;
  };
  const decisionSpan = { min: Number.POSITIVE_INFINITY, max: 0 };
  const hourSpan = { min: Number.POSITIVE_INFINITY, max: 0 };
  const outcomes: PlaytestReport['outcomes'] = {};
  let endless = 0;
  let finished = 0;
  const stuck: PlaytestReport['stuck'] = [];
  const routes = new Map<string, PlayedRoute>();

  for (let run = 0; run < runs; run++) {
    const style = RUN_STYLES[run % RUN_STYLES.length] as RunStyle;
    const runSeed = draw(2 ** 31);
    let state = start(scenario, runSeed);
    reached.add(state.nodeId);
    let decisions = 0;
    const route: string[] = [];
    try {
      while (state.ending === null && decisions < MAX_DECISIONS) {
        // A node an inject opened comes at a moment, not along a choice: as in lint's count of routes, it is left out.
        if (state.returnTo === null) route.push(state.nodeId);
        const options = moves(scenario, state);
        if (options.length === 0) throw new Error('no choice is offered and there is no time limit');
        let pick = options[draw(options.length)] as string;
        if (style === 'seeking') {
          // Prefer a move that leads somewhere no run has been yet.
          const fresh = options.filter((m) => !reached.has(choose(scenario, state, m, 1000)[0].nodeId));
          if (fresh.length > 0) pick = fresh[draw(fresh.length)] as string;
        } else if (style !== 'random' && draw(10) >= LEANING_STRAY_IN_10) {
          const sign = style === 'best' ? 1 : -1;
          const gains = options.map((m) => sign * immediateScore(scenario, state, m));
          const top = Math.max(...gains);
          const leaders = options.filter((_, i) => gains[i] === top);
          pick = leaders[draw(leaders.length)] as string;
        }
        [state] = choose(scenario, state, pick, pick === TIMEOUT ? Number.MAX_SAFE_INTEGER : 1000);
        reached.add(state.nodeId);
        decisions++;
      }
    } catch (e) {
      if (stuck.length < 10) stuck.push({ node: state.nodeId, message: e instanceof Error ? e.message : String(e) });
      continue;
    }
    if (state.ending === null) {
      endless++;
      continue;
    }
    finished++;
    endingCounts[state.ending] = (endingCounts[state.ending] ?? 0) + 1;
    const key = route.join('\u0000');
    const taken = routes.get(key) ?? { nodes: route, runs: 0, endings: {} };
    routes.set(key, taken);
    taken.runs++;
    taken.endings[state.ending] = (taken.endings[state.ending] ?? 0) + 1;
    if (lucky) {
      // The next seed, not a draw of the play-test's own: its sampled runs stay what they were.
      const other = endingWithSeed(scenario, runSeed + 1, state.decisions);
      if (other !== state.ending) {
        byChance.add(state.ending);
        if (other !== null) byChance.add(other);
      }
    }
    const scores = dimensionScores(scenario, state.scoreEvents);
    for (const d of DIMENSIONS) {
      const t = totals[d];
      t.min = Math.min(t.min, scores[d]);
      t.max = Math.max(t.max, scores[d]);
      t.sum += scores[d];
    }
    const hours = Math.round((state.clock / 60) * 10) / 10;
    widen(decisionSpan, decisions);
    widen(hourSpan, hours);
    let cases = 0;
    let deaths = 0;
    for (const r of state.world.regions) {
      cases += r.cum;
      deaths += r.D;
    }
    const outcome = outcomes[state.ending] ?? {
      cases: { min: Number.POSITIVE_INFINITY, max: 0 },
      deaths: { min: Number.POSITIVE_INFINITY, max: 0 },
    };
    outcomes[state.ending] = outcome;
    widen(outcome.cases, Math.round(cases));
    widen(outcome.deaths, Math.round(deaths));
  }

  // What sampling missed, a systematic search may still reach.
  const missed = new Set(scenario.nodes.map((n) => n.id).filter((id) => !reached.has(id)));
  const search = { steps: 0, found: [] as string[] };
  if (missed.size > 0) {
    const found = searchNodes(scenario, missed, [seed, seed + 1, seed + 2]);
    search.steps = found.steps;
    search.found = [...missed].filter((id) => found.reached.has(id));
    for (const id of search.found) {
      reached.add(id);
      if (scenario.nodes.find((n) => n.id === id)?.kind === 'ending') endingCounts[id] = endingCounts[id] ?? 0;
    }
  }
  const endings = scenario.nodes.filter((n) => n.kind === 'ending').map((n) => n.id);
  return {
    runs,
    nodes: {
      reached: scenario.nodes.filter((n) => reached.has(n.id)).length,
      total: scenario.nodes.length,
      never: scenario.nodes.filter((n) => !reached.has(n.id)).map((n) => n.id),
    },
    endings: {
      reached: endings.filter((id) => reached.has(id)).length,
      total: endings.length,
      never: endings.filter((id) => !reached.has(id)),
      counts: endingCounts,
      byChance: endings.filter((id) => byChance.has(id)),
    },
    scores: Object.fromEntries(
      DIMENSIONS.map((d) => {
        const t = totals[d];
        return [
          d,
          finished
            ? { min: t.min, max: t.max, mean: Math.round((t.sum / finished) * 10) / 10 }
            : { min: 0, max: 0, mean: 0 },
        ];
      }),
    ) as PlaytestReport['scores'],
    decisions: finished ? decisionSpan : { min: 0, max: 0 },
    hours: finished ? hourSpan : { min: 0, max: 0 },
    outcomes,
    endless,
    stuck,
    search,
    routes: {
      found: routes.size,
      taken: [...routes.entries()]
        .sort(([a, x], [b, y]) => y.runs - x.runs || (a < b ? -1 : a > b ? 1 : 0))
        .map(([, route]) => route),
    },
  };
}

/** The nodes every route found meets: what is left of a route once they are taken out sets it apart. */
export function nodesOnEveryRoute(routes: readonly PlayedRoute[]): Set<string> {
  const everywhere = new Set(routes[0]?.nodes ?? []);
  for (const route of routes.slice(1)) {
    const met = new Set(route.nodes);
    for (const id of everywhere) if (!met.has(id)) everywhere.delete(id);
  }
  return everywhere;
}

function widen(span: { min: number; max: number }, value: number): void {
  span.min = Math.min(span.min, value);
  span.max = Math.max(span.max, value);
}

/** Whether the report shows a problem the author must fix. */
export function playtestFails(r: PlaytestReport): boolean {
  return r.nodes.never.length > 0 || r.endings.never.length > 0 || r.endless > 0 || r.stuck.length > 0;
}
