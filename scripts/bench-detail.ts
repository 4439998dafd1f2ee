/**
 * Detail printed before the table: the median `choose` on each shipped drill, the debrief's
 * best-line search on each, and the world's own step. Not rows of the table.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { analyseRun, DEFAULT_LIMITS, movesAt, playMove, searchBestLine } from '../src/engine/best-line';
import { choose, currentDecision, offeredChoices, replay, start } from '../src/engine/run';
import { TIMEOUT } from '../src/engine/types';
import { advanceWorld, cloneWorld, initWorld } from '../src/engine/world';
import { load } from '../src/scenario/load';
import { worldOf } from './bench-world';

type Say = (line: string) => void;

export function chooseTimings(say: Say): void {
  const dir = new URL('../scenarios/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'schema.json');
  say('\nchoose() on each shipped drill (random play, 2,000 runs)');
  for (const file of files) {
    const result = load(readFileSync(new URL(file, dir), 'utf8'));
    if (!result.ok) {
      say(`  ${file}: does not load (${result.problems.length} problem(s))`);
      continue;
    }
    const { scenario } = result;
    const samples: number[] = [];
    let pick = 12345;
    for (let run = 0; run < 2000; run++) {
      let state = start(scenario, run);
      while (state.ending === null) {
        const offered = offeredChoices(scenario, state);
        pick = (pick * 1103515245 + 12345) >>> 0;
        const timed = currentDecision(scenario, state)?.timeLimitSec !== undefined;
        const choice = timed && pick % 10 === 0 ? TIMEOUT : (offered[pick % offered.length]?.id ?? TIMEOUT);
        const t0 = performance.now();
        [state] = choose(scenario, state, choice, 1000);
        samples.push(performance.now() - t0);
      }
    }
    samples.sort((a, b) => a - b);
    const median = samples[Math.floor(samples.length / 2)] ?? 0;
    const p95 = samples[Math.floor(samples.length * 0.95)] ?? 0;
    say(
      `  ${file}: median ${(median * 1000).toFixed(1)} µs, p95 ${(p95 * 1000).toFixed(1)} µs over ${samples.length} calls`,
    );
  }
}

/** Median of `runs` timings of `f` (after `prepare`, untimed), in microseconds, after a warm-up. */
function medianMicros<T>(runs: number, prepare: () => T, f: (x: T) => void): number {
  for (let i = 0; i < Math.max(2000, runs); i++) f(prepare());
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const x = prepare();
    const t0 = performance.now();
    f(x);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return (samples[samples.length >> 1] ?? 0) * 1000;
}

/** Median of `runs` timings of `f`, in milliseconds, after two untimed runs. */
function medianMs(runs: number, f: () => void): number {
  f();
  f();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1] ?? 0;
}

export function worldTimings(say: Say): void {
  const scenario = worldOf(10, []);
  const base = initWorld(scenario);
  advanceWorld(scenario, base, 5 * 1440);
  const day = medianMicros(
    10_000,
    () => cloneWorld(base),
    (w) => advanceWorld(scenario, w, base.t + 1440),
  );
  say('\nWorld (10 regions, ring of travel, epidemic seeded)');
  say(`  advance one in-game day: median ${day.toFixed(1)} µs (target ≤ 20 µs)`);
  const decisions = Array.from({ length: 40 }, (_, i) => ({ choiceId: i % 3 === 0 ? 'close' : 'act', realMs: 5000 }));
  const state = replay(scenario, 1, decisions);
  const ms =
    medianMicros(
      300,
      () => decisions,
      (log) => replay(scenario, 1, log),
    ) / 1000;
  say(
    `  replay a 40-decision, ${(state.clock / 1440).toFixed(0)}-day drill: median ${ms.toFixed(2)} ms (target ≤ 5 ms)`,
  );
}

/**
 * The debrief's best line on each shipped drill: the search from the start, and the whole analysis
 * of a run (a search from every decision). Each call of `choose` inside the search is set against
 * a plain `choose` timed in the same run, so the figure that matters — the search's own overhead
 * (memo keys, the beam) — holds on a noisy machine.
 */
export function bestLineTimings(say: Say): void {
  const dir = new URL('../scenarios/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'schema.json');
  say(
    `\nBest line (beam ${DEFAULT_LIMITS.width}, at most ${DEFAULT_LIMITS.maxSteps.toLocaleString('en')} steps a search; in a Web Worker in the app)`,
  );
  for (const file of files) {
    const result = load(readFileSync(new URL(file, dir), 'utf8'));
    if (!result.ok || result.scenario.nodes.length < 3) continue;
    const { scenario } = result;
    const first = start(scenario, 1);
    let found = searchBestLine(scenario, first);
    const searchMs = medianMs(3, () => {
      found = searchBestLine(scenario, first);
    });
    // A run to weigh: the first choice on offer at every decision.
    const states = [first];
    const moves: string[] = [];
    for (let s = first; s.ending === null && moves.length < 200; ) {
      const move = movesAt(scenario, s)[0] as string;
      s = playMove(scenario, s, move);
      states.push(s);
      moves.push(move);
    }
    let explored = 0;
    const analysisMs = medianMs(1, () => {
      explored = analyseRun(scenario, states, moves).explored;
    });
    const plain = medianMicros(
      2000,
      () => states[Math.floor(states.length / 2)] as typeof first,
      (s) => movesAt(scenario, s).length > 0 && playMove(scenario, s, movesAt(scenario, s)[0] as string),
    );
    const perStep = (searchMs * 1000) / Math.max(1, found.explored);
    say(
      `  ${file}: from the start ${searchMs.toFixed(0)} ms, ${found.explored.toLocaleString('en')} steps, ${found.exhaustive ? 'exhaustive' : 'bounded'}; ` +
        `${perStep.toFixed(0)} µs a step = ${(perStep / Math.max(plain, 0.001)).toFixed(1)}× a plain choose (${plain.toFixed(0)} µs); ` +
        `a ${moves.length}-decision run weighed whole: ${analysisMs.toFixed(0)} ms, ${explored.toLocaleString('en')} steps`,
    );
  }
}
