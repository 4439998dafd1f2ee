/**
 * The engine's long-run figures: replaying 1,000 decisions on a 10-region world, and the heap the
 * run's state holds after them. Measured only; the engine is made faster elsewhere.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { replay } from '../src/engine/run';
import type { Decision } from '../src/engine/types';
import type { Scenario } from '../src/scenario/schema';
import { worldOf } from './bench-world';

/** The drill both rows use: 10 regions in a ring, a line of `decisions` decisions of 18 in-game hours each. */
export function longWorld(decisions: number): { scenario: Scenario; log: Decision[] } {
  const scenario = worldOf(10, [], '18h', decisions);
  // As the 40-decision replay always has: a road closed every third decision, a measure otherwise.
  const log = Array.from({ length: decisions }, (_, i) => ({ choiceId: i % 3 === 0 ? 'close' : 'act', realMs: 5000 }));
  return { scenario, log };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? Number.NaN;

/** A figure of several samples: their median and their spread. */
export interface Spread {
  median: number;
  spread: [number, number];
}

export const spreadOf = (samples: number[]): Spread => ({
  median: median(samples),
  spread: [Math.min(...samples), Math.max(...samples)],
});

/** Times `f` after a full collection (`gc`, from `collector`): its garbage is not the next timing's. Milliseconds. */
export function timedAfterCollection(gc: () => void, f: () => unknown): number {
  gc();
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

/** `replay` of the whole log, median and spread of `runs` runs after two untimed ones. Milliseconds. */
export function replayTimes(decisions: number, runs: number): Spread {
  const { scenario, log } = longWorld(decisions);
  const state = replay(scenario, 1, log);
  if (state.decisions.length !== decisions) throw new Error(`replay kept ${state.decisions.length} decisions`);
  replay(scenario, 1, log);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    replay(scenario, 1, log);
    samples.push(performance.now() - t0);
  }
  return spreadOf(samples);
}

/** V8's collector, callable: exposed at run time so `npm run bench` needs no node flag. */
export function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** The JS heap plus the typed arrays' buffers, which V8 keeps outside it (the case history's chunks). */
const held = () => {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};

/**
 * The heap the final state of a 1,000-decision run holds, in bytes: what the store keeps (the run's
 * state, whose decision log, timeline, score events and world — case history included — are all in
 * it), and nothing else. The drill, its log and the engine's per-drill indexes are built and warmed
 * before the first reading, so they are not counted; every intermediate state is garbage by the
 * second. Median of `runs`, with the spread.
 */
export function retainedHeap(decisions: number, runs: number): Spread {
  const gc = collector();
  const { scenario, log } = longWorld(decisions);
  replay(scenario, 1, log);
  const samples: number[] = [];
  let kept: unknown = null;
  for (let i = 0; i < runs; i++) {
    kept = null;
    gc();
    gc();
    const before = held();
    kept = replay(scenario, 1, log);
    gc();
    gc();
    samples.push(held() - before);
  }
  // Read after the last sample, so the collector could not take it early.
  if (kept === null) throw new Error('no state kept');
  return spreadOf(samples);
}
